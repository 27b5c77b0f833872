import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app';
import { writeAuditMany } from './audit.writer';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

describe('audit trail', () => {
  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await t.signInAs('central');
    const count = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThan(0);
    // The application's runtime role holds no such right at all (src/db/roles.ts)…
    await expect(sql`update audit_log set action = 'forged'`.execute(t.db)).rejects.toThrow(/permission denied/);
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/permission denied/);
    await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow(/permission denied/);
    // …and the schema owner is refused by the append-only triggers.
    await expect(t.ownerPool.query(`update audit_log set action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(t.ownerPool.query(`delete from audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.ownerPool.query(`truncate audit_log`)).rejects.toThrow(/append-only/);
    const after = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(count.n);
  });

  it('can be browsed and filtered by administrators and central officers only', async () => {
    const central = await t.signInAs('central');
    const response = await t.call(central, { method: 'GET', url: '/api/audit?action=auth.sign_in&pageSize=5' });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.every((item: { action: string }) => item.action.startsWith('auth.sign_in'))).toBe(true);
    const agency = await t.signInAs('agency');
    expect((await t.call(agency, { method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
  });

  it('records a bulk write as one row per entity, with the actor and secrets redacted, browsable like any other', async () => {
    const central = await t.signInAs('central');
    const ctx = { actor: null, label: 'bulk test', requestId: 'req-bulk-1' };
    await t.db.transaction().execute((trx) =>
      writeAuditMany(trx, ctx, [
        { action: 'bulk.test', entityType: 'thing', entityId: 'a', after: { name: 'A', password: 'secret-a' } },
        { action: 'bulk.test', entityType: 'thing', entityId: 'b', before: { name: 'B0' }, after: { name: 'B' } },
      ]),
    );
    const response = await t.call(central, { method: 'GET', url: '/api/audit?action=bulk.test' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { entityId: string; actorLabel: string; before: unknown; after: Record<string, unknown> }[];
    expect(items.map((i) => i.entityId).sort()).toEqual(['a', 'b']);
    expect(items.every((i) => i.actorLabel === 'bulk test')).toBe(true);
    const a = items.find((i) => i.entityId === 'a')!;
    expect(a.after).toEqual({ name: 'A', password: '[redacted]' });
    expect(a.before).toBeNull();
  });
});
