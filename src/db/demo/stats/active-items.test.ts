import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/support/test-app';
import { seedDemo } from '@db/demo/seed';

/**
 * Issue 15, Demo data: "more than 5,000 aid items active in 2020–2022" (the mid-term review's "more than 5,000
 * projects and aid items", domain.md §4). Active has the meaning of the statistics' aid records
 * (src/domain/statistics/definitions.ts, `aidRecords`): counted aid with at least one commitment or disbursement
 * in the span; an item active in several of the years is one item.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.db);
}, 180_000);
afterAll(async () => ctx?.close());

describe('demo aid items active in 2020–2022', () => {
  it('counts more than 5,000 distinct items with a transaction in the span', async () => {
    const { rows } = await sql<{ items: number }>`
      select count(distinct t.aid_item_id)::int as items
      from aid_transactions t join aid_items i on i.id = t.aid_item_id
      where t.kind in ('COMMITMENT', 'DISBURSEMENT') and t.tx_date between '2020-01-01' and '2022-12-31'
        and i.status in ('APPROVED', 'IMPLEMENTING', 'COMPLETED')`.execute(ctx.db);
    expect(rows[0]!.items).toBeGreaterThan(5000);
  });
});
