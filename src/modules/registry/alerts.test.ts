import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { act, createOrganisation, issue } from './registry.fixtures';

let t: TestContext;
let central: Session;
beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
});
afterAll(async () => t.close());

type Alert = {
  kind: string;
  certificateId: string;
  bucket: number | null;
  daysLeft: number | null;
  filingDeadline: string | null;
  overdue: boolean | null;
};
const alertsOn = async (asOf: string, session = central): Promise<Alert[]> =>
  (await t.call(session, { method: 'GET', url: `/api/registry/alerts?asOf=${asOf}` })).json().items;
const forCertificate = (alerts: Alert[], id: string) => alerts.filter((a) => a.certificateId === id);

async function issued(body: Record<string, unknown> = {}) {
  const org = await createOrganisation(t, central);
  const response = await issue(t, central, org.id, body);
  expect(response.statusCode, response.body).toBe(201);
  return { orgId: org.id, id: response.json().certificateId as string };
}

describe('certificate alerts', () => {
  it('refuses anonymous callers (401) and NGO accounts (403)', async () => {
    expect((await t.call(null, { method: 'GET', url: '/api/registry/alerts' })).statusCode).toBe(401);
    expect(
      (
        await t.call(await t.signInAs('ngo', { organisationId: (await createOrganisation(t, central)).id }), {
          method: 'GET',
          url: '/api/registry/alerts',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('buckets expiry at 90, 60 and 30 days and flags an extension dossier not filed 60 days before expiry', async () => {
    const { id } = await issued(); // valid until 2027-01-10
    expect(forCertificate(await alertsOn('2026-10-01'), id)).toEqual([]);
    expect(forCertificate(await alertsOn('2026-10-20'), id)).toEqual([
      expect.objectContaining({ kind: 'EXPIRING', bucket: 90, daysLeft: 82 }),
    ]);
    const atDeadline = forCertificate(await alertsOn('2026-11-11'), id);
    expect(atDeadline).toEqual([
      expect.objectContaining({ kind: 'EXPIRING', bucket: 60, daysLeft: 60 }),
      expect.objectContaining({ kind: 'EXTENSION_NOT_FILED', filingDeadline: '2026-11-11', overdue: false }),
    ]);
    const late = forCertificate(await alertsOn('2026-12-20'), id);
    expect(late).toEqual([
      expect.objectContaining({ kind: 'EXPIRING', bucket: 30, daysLeft: 21 }),
      expect.objectContaining({ kind: 'EXTENSION_NOT_FILED', overdue: true }),
    ]);
    expect(forCertificate(await alertsOn('2027-01-11'), id)).toEqual([]);
  });

  it('stops the filing alert once the extension dossier is recorded, and every alert once extended', async () => {
    const { id } = await issued();
    const filed = await t.call(central, {
      method: 'POST',
      url: `/api/certificates/${id}/extension-filing`,
      payload: { filedOn: '2026-11-01' },
    });
    expect(filed.statusCode).toBe(200);
    expect(forCertificate(await alertsOn('2026-12-20'), id).map((a) => a.kind)).toEqual(['EXPIRING']);
    await act(t, central, id, { kind: 'EXTENDED', effectiveDate: '2026-12-15', changes: { validUntil: '2030-01-10' } });
    expect(forCertificate(await alertsOn('2026-12-20'), id)).toEqual([]);
    // A filing made for the previous term does not count for the new one.
    expect(forCertificate(await alertsOn('2029-11-20'), id).map((a) => a.kind)).toEqual(['EXPIRING', 'EXTENSION_NOT_FILED']);
  });

  it('counts a live extension dossier of the procedures module as filed', async () => {
    const { orgId, id } = await issued();
    const { rows } = await sql<{ present: boolean }>`select to_regclass('public.dossiers') is not null as present`.execute(t.db);
    if (!rows[0]?.present) return; // the procedures module is not installed: nothing to count
    await sql`insert into dossiers (organisation_id, procedure_code, procedure_version_id, status, certificate_id, submitted_on)
      values (${orgId}, 'EXTEND_GDKHD', 'EXTEND_GDKHD@D58-2022', 'CONSULTING', ${id}, '2026-10-15')`.execute(t.db);
    expect(forCertificate(await alertsOn('2026-12-20'), id).map((a) => a.kind)).toEqual(['EXPIRING']);
  });

  it('gives no alert for a terminated certificate, and only in-scope alerts to an agency', async () => {
    const ended = await issued();
    await act(t, central, ended.id, { kind: 'REVOKED', effectiveDate: '2026-10-01', legalGround: 'D58_ART19_1A' });
    expect(forCertificate(await alertsOn('2026-12-20'), ended.id)).toEqual([]);
    const caoBang = await issued({ provinceIds: ['new34:04'] });
    const hue = await issued({ provinceIds: ['new34:46'] });
    const officer = await t.signInAs('agency', { agencyId: 'UBND:new34:46' });
    const seen = (await alertsOn('2026-12-20', officer)).map((a) => a.certificateId);
    expect(seen).toContain(hue.id);
    expect(seen).not.toContain(caoBang.id);
  });
});
