import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { createOrganisation, issue } from '../registry/registry.fixtures';
import { runObligationReminders } from './obligation-reminders';

let t: TestContext;
let central: Session;
let comingo: Session;
let org: { id: string };

// Decided 05/01/2024, issued 10/01/2024 (valid to 10/01/2027); one annual report submitted on 01/03/2024, then nothing.
beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
  comingo = await t.signInAs('central', { agencyId: 'COMINGO' });
  org = await createOrganisation(t, central);
  expect((await issue(t, central, org.id)).statusCode).toBe(201);
  await t.db
    .insertInto('ngo_reports')
    .values({
      organisation_id: org.id,
      report_year: 2024,
      period_from: '2023-12-15',
      period_to: '2024-12-14',
      due_date: '2024-12-18',
      status: 'SUBMITTED',
      submitted_at: new Date('2024-03-01T03:00:00Z'),
    })
    .execute();
});
afterAll(async () => t.close());

type Item = { kind: string; key: string; status: string; startsOn: string; dueDate: string; doneOn: string | null; evidence: unknown };
const watches = async (asOf: string): Promise<Item[]> => {
  const response = await t.call(central, { method: 'GET', url: `/api/organisations/${org.id}/obligations?asOf=${asOf}` });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().items as Item[]).filter((o) => o.kind === 'INACTIVITY_REVIEW');
};

describe('inactivity over any 12 consecutive months after issue (Art. 19.1(b))', () => {
  it('keeps the first 12 months done, and flags the 12 silent months after the last activity, with the evidence', async () => {
    expect((await watches('2025-02-28')).map((o) => [o.startsOn, o.status])).toEqual([['2024-01-05', 'DONE']]);
    const late = await watches('2025-03-02');
    expect(late.map((o) => [o.startsOn, o.dueDate, o.status])).toEqual([
      ['2024-01-05', '2025-01-05', 'DONE'],
      ['2024-03-01', '2025-03-01', 'LATE'],
    ]);
    expect(late[1]!.evidence).toEqual({ disbursements: 0, reports: 0, aidItems: 0, firstActivityOn: null });
  });

  it('alerts central (COMINGO) once, with the organisation to open', async () => {
    expect(await runObligationReminders(t.db, '2025-03-05')).toBeGreaterThan(0);
    const alerts = await t.db
      .selectFrom('notifications')
      .select(['kind', 'params'])
      .where('user_id', '=', comingo.userId)
      .where('dedupe_key', 'like', 'OBLIGATION_OVERDUE:INACTIVITY_REVIEW:%')
      .execute();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.params).toMatchObject({ organisationId: org.id, dueDate: '2025-03-01' });
    await runObligationReminders(t.db, '2025-03-06');
    expect(
      await t.db
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', comingo.userId)
        .where('kind', '=', 'OBLIGATION_OVERDUE')
        .execute(),
    ).toHaveLength(1);
  });
});
