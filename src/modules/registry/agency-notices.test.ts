import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { act, createOrganisation, issue } from './registry.fixtures';

let t: TestContext;
let central: Session;
const users: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
  for (const agencyId of ['MOH', 'MOET', 'UBND:new34:04', 'UBND:new34:46', 'UBND:new34:01', 'MOHA', 'MPS', 'MOF']) {
    users[agencyId] = (await t.createUser('agency', { agencyId })).id;
  }
  users.reviewerMoet = (await t.createUser('reviewer', { agencyId: 'MOET' })).id;
});
afterAll(async () => t.close());

/** Who got an Art. 25 notice about `certificateNumber` (user ids, sorted). */
const noticed = async (certificateNumber: string, decision?: string) => {
  const rows = await t.db.selectFrom('notifications').select(['user_id', 'params']).where('kind', '=', 'CERTIFICATE_NOTICE').execute();
  return rows
    .filter((r) => r.params.code === certificateNumber && (decision === undefined || r.params.decision === decision))
    .map((r) => r.user_id)
    .sort();
};

describe('Art. 25 notices to the agencies concerned', () => {
  it('tells MOH, MOET, UBND Cao Bằng and UBND Huế of a certificate for health + education in Cao Bằng + Huế, and nobody else', async () => {
    const org = await createOrganisation(t, central);
    const response = await issue(t, central, org.id, {
      sectorCodes: ['YTE', 'GDDT'],
      provinceIds: ['new34:04', 'new34:46'],
      issueDate: '2026-03-02',
      validUntil: '2029-03-01',
      decisionDate: '2026-03-02',
    });
    expect(response.statusCode, response.body).toBe(201);
    const number = response.json().number as string;
    const expected = [users.MOH!, users.MOET!, users.reviewerMoet!, users['UBND:new34:04']!, users['UBND:new34:46']!].sort();
    expect(await noticed(number)).toEqual(expected);

    // The notice carries the fields, provinces and validity, read in each reader's language.
    const inbox = await t.call(await t.signInAs('agency', { agencyId: 'UBND:new34:46' }), { method: 'GET', url: '/api/inbox' });
    expect(inbox.statusCode).toBe(200);
    const mohRow = await t.db
      .selectFrom('notifications')
      .select('params')
      .where('user_id', '=', users.MOH!)
      .where('kind', '=', 'CERTIFICATE_NOTICE')
      .executeTakeFirstOrThrow();
    expect(mohRow.params).toMatchObject({
      code: number,
      decision: 'ISSUED',
      validFrom: '2026-03-02',
      validUntil: '2029-03-01',
      fieldsVi: 'Y tế, Giáo dục – đào tạo',
      fieldsEn: 'Health, Education and training',
      provinces: 'Cao Bằng, Huế',
    });

    // …and they see the organisation in their scope the same day; Hà Nội does not.
    const moh = await t.signInAs('agency', { agencyId: 'MOH' });
    const hue = await t.signInAs('agency', { agencyId: 'UBND:new34:46' });
    const haNoi = await t.signInAs('agency', { agencyId: 'UBND:new34:01' });
    expect((await t.call(moh, { method: 'GET', url: `/api/organisations/${org.id}` })).statusCode).toBe(200);
    expect((await t.call(hue, { method: 'GET', url: `/api/organisations/${org.id}` })).statusCode).toBe(200);
    expect((await t.call(haNoi, { method: 'GET', url: `/api/organisations/${org.id}` })).statusCode).toBe(404);
  });

  it('tells them again when the certificate is extended, suspended, reinstated or ended, but not on a re-issue', async () => {
    const org = await createOrganisation(t, central);
    const response = await issue(t, central, org.id, { sectorCodes: ['YTE'], provinceIds: ['new34:04'] });
    const { certificateId, number } = response.json() as { certificateId: string; number: string };
    // Every officer of the two agencies (the first test signed in more of them).
    const officers = await t.db.selectFrom('users').select('id').where('agency_id', 'in', ['MOH', 'UBND:new34:04']).execute();
    const expected = officers.map((u) => u.id).sort();
    expect(expected).toContain(users.MOH);
    const record = async (body: Record<string, unknown>) => {
      const r = await act(t, central, certificateId, body);
      expect(r.statusCode, r.body).toBe(201);
    };
    await record({ kind: 'REISSUED', effectiveDate: '2024-06-01' });
    expect(await noticed(number, 'REISSUED')).toEqual([]);
    await record({ kind: 'SUSPENDED', effectiveDate: '2024-07-01', legalGround: 'D58_ART18_1B' });
    expect(await noticed(number, 'SUSPENDED')).toEqual(expected);
    await record({ kind: 'SUSPENSION_LIFTED', effectiveDate: '2024-08-01' });
    expect(await noticed(number, 'SUSPENSION_LIFTED')).toEqual(expected);
    await record({ kind: 'EXTENDED', effectiveDate: '2026-12-01', changes: { validUntil: '2029-12-01' } });
    expect(await noticed(number, 'EXTENDED')).toEqual(expected);
    await record({ kind: 'SELF_TERMINATED', effectiveDate: '2027-02-01' });
    expect(await noticed(number, 'SELF_TERMINATED')).toEqual(expected);
  });
});
