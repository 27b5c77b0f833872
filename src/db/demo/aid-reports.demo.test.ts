import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app';
import { buildAidItem } from '@modules/aid/aid.fixtures';
import { D80_FROM } from './stats/calendar';
import { seedAidReportsDemo } from './aid-reports';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  for (let i = 0; i < 12; i++)
    await buildAidItem(t.db, {
      status: 'IMPLEMENTING',
      approval_date: '2024-01-10',
      actual_start: '2024-02-01',
      planned_end: '2028-12-31',
      governing_agency_id: 'UBND:new34:04',
      aid_owner_agency_id: 'VRC',
      budget_revenue: i % 2 === 0,
    });
});
afterAll(async () => t.close());

describe('demo aid reports', () => {
  it('files some of the reports due before today, leaves others late, and records counterpart funds', async () => {
    await t.db.transaction().execute((trx) => seedAidReportsDemo(trx));
    const rows = await t.db.selectFrom('aid_reports').select(['status', 'submitted_at', 'due_date']).execute();
    const submitted = rows.filter((r) => r.status === 'SUBMITTED');
    expect(submitted.length).toBeGreaterThan(0);
    expect(submitted.some((r) => r.submitted_at!.toISOString().slice(0, 10) > r.due_date)).toBe(true);
    const owner = await t.signInAs('owner', { agencyId: 'VRC' });
    const year = Number(new Date().toISOString().slice(0, 4)) - 1;
    const list = (await t.call(owner, { method: 'GET', url: `/api/aid-reports?year=${year}&pageSize=200` })).json();
    expect(list.counts.DONE).toBeGreaterThan(0);
    expect(list.counts.LATE).toBeGreaterThan(0);
    const funds = await t.db.selectFrom('aid_counterpart_funds').select('id').execute();
    expect(funds.length).toBeGreaterThan(0);
  });

  it('dates Decree 80 from its effective date, 17/09/2020', () => {
    expect(D80_FROM).toBe('2020-09-17');
  });
});
