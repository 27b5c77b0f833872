import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { act, createOrganisation, decision, issue } from './registry.fixtures';

let t: TestContext;
let admin: Session;
beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signInAs('central');
});
afterAll(async () => t.close());

/** Status periods of a certificate as [status, range] pairs, in order. */
const periods = async (certificateId: string) =>
  (
    await t.db
      .selectFrom('certificate_status_periods')
      .select(['status', sql<string>`period::text`.as('period')])
      .where('certificate_id', '=', certificateId)
      .orderBy(sql`lower(period)`)
      .execute()
  ).map((p) => [p.status, p.period]);

const getAsOf = async (certificateId: string, asOf: string) =>
  (await t.call(admin, { method: 'GET', url: `/api/certificates/${certificateId}?asOf=${asOf}` })).json();

async function issued(overrides: Record<string, unknown> = {}, orgOverrides: Record<string, unknown> = {}) {
  const org = await createOrganisation(t, admin, orgOverrides);
  const response = await issue(t, admin, org.id, overrides);
  expect(response.statusCode, response.body).toBe(201);
  return { org, certificateId: response.json().certificateId as string, number: response.json().number as string };
}

describe('issuing a certificate', () => {
  it('refuses anonymous callers (401), agency and NGO accounts (403) and malformed bodies (400)', async () => {
    const org = await createOrganisation(t, admin);
    expect((await issue(t, null as unknown as Session, org.id)).statusCode).toBe(401);
    expect((await issue(t, await t.signInAs('agency', { agencyId: 'UBND:new34:04' }), org.id)).statusCode).toBe(403);
    expect((await issue(t, await t.signInAs('ngo', { organisationId: org.id }), org.id)).statusCode).toBe(403);
    const bad = await issue(t, admin, org.id, { type: 'GDKXX', issueDate: '2024-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.length).toBeGreaterThanOrEqual(2);
  });

  it('issues a GDKHD: numbered, version 1, an ACTIVE status period, an audit entry', async () => {
    const { certificateId, number } = await issued();
    expect(number).toMatch(/^GDKHD-2024-\d{6}$/);
    expect(await periods(certificateId)).toEqual([
      ['ACTIVE', '[2024-01-10,2027-01-11)'],
      ['EXPIRED', '[2027-01-11,)'],
    ]);
    const view = await getAsOf(certificateId, '2025-06-01');
    expect(view).toMatchObject({ status: 'ACTIVE', version: 1, validUntil: '2027-01-10', provinceIds: ['new34:04'], sectorCodes: ['YTE'] });
    expect((await getAsOf(certificateId, '2024-01-09')).status).toBe('NOT_YET_VALID');
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', certificateId).execute();
    expect(audit.map((a) => a.action)).toEqual(['certificate.issue']);
  });

  it('refuses a GDKHD valid one day beyond 3 years, in Vietnamese and in English', async () => {
    const org = await createOrganisation(t, admin);
    const vi = await issue(t, admin, org.id, { validUntil: '2027-01-11' });
    expect(vi.statusCode).toBe(422);
    expect(vi.json().error.details).toMatchObject({ rule: 'certificate_validity_exceeds_cap', maxValidUntil: '2027-01-10' });
    expect(vi.json().error.message).toContain('03 năm');
    const en = await issue(t, admin, org.id, { validUntil: '2027-01-11' }, 'en');
    expect(en.json().error.message).toContain('3 years');
    expect(await t.db.selectFrom('certificates').select('id').where('organisation_id', '=', org.id).execute()).toEqual([]);
  });

  it('refuses a GDKVPDD valid beyond 5 years and accepts exactly 5', async () => {
    const org = await createOrganisation(t, admin);
    const office = { type: 'GDKVPDD', officeProvinceId: 'new34:01', provinceIds: ['new34:01'] };
    expect((await issue(t, admin, org.id, { ...office, validUntil: '2029-01-11' })).json().error.details.rule).toBe(
      'certificate_validity_exceeds_cap',
    );
    expect((await issue(t, admin, org.id, { ...office, validUntil: '2029-01-10' })).statusCode).toBe(201);
  });

  it('refuses a validity beyond the registration term in the home country', async () => {
    const org = await createOrganisation(t, admin, { homeTermUntil: '2025-12-31' });
    const response = await issue(t, admin, org.id, { validUntil: '2026-01-01' });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details).toMatchObject({ rule: 'certificate_validity_exceeds_home_term', homeTermUntil: '2025-12-31' });
  });

  it('refuses a representative office outside Hà Nội, Đà Nẵng and TP Hồ Chí Minh, and accepts an old-code TP HCM', async () => {
    const org = await createOrganisation(t, admin);
    const outside = await issue(t, admin, org.id, { type: 'GDKVPDD', officeProvinceId: 'new34:04', validUntil: '2029-01-10' });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.details.rule).toBe('certificate_office_city');
    const oldHcm = await issue(t, admin, org.id, { type: 'GDKVPDD', officeProvinceId: 'old63:79', validUntil: '2029-01-10' });
    expect(oldHcm.statusCode).toBe(201);
    // Stored as recorded on the certificate: the old unit of a decision before the 2025 reform.
    expect(oldHcm.json().certificate.officeProvinceId).toBe('old63:79');
  });

  it('checks an office against the rule in force on its date: former Bình Dương fails before the reform, passes as TP HCM after', async () => {
    const before = await issue(t, admin, (await createOrganisation(t, admin)).id, {
      type: 'GDKVPDD',
      officeProvinceId: 'old63:74',
      validUntil: '2029-01-10',
    });
    expect(before.statusCode).toBe(422);
    expect(before.json().error.details.rule).toBe('certificate_office_city');
    const after = await issue(t, admin, (await createOrganisation(t, admin)).id, {
      type: 'GDKVPDD',
      officeProvinceId: 'old63:74',
      issueDate: '2025-07-01',
      validUntil: '2030-07-01',
      ...decision('2025-06-30'),
    });
    expect(after.statusCode, after.body).toBe(201);
    expect(after.json().certificate.officeProvinceId).toBe('new34:79');
  });

  it('refuses a second representative office while the first is valid, and allows one after it was terminated', async () => {
    const org = await createOrganisation(t, admin);
    const office = { type: 'GDKVPDD', officeProvinceId: 'new34:01', validUntil: '2029-01-10' };
    const first = await issue(t, admin, org.id, office);
    expect(first.statusCode).toBe(201);
    const second = await issue(t, admin, org.id, {
      ...office,
      officeProvinceId: 'new34:48',
      issueDate: '2025-03-01',
      validUntil: '2030-03-01',
    });
    expect(second.statusCode).toBe(422);
    expect(second.json().error.details).toMatchObject({
      rule: 'certificate_second_office',
      existingCertificateId: first.json().certificateId,
    });
    expect((await act(t, admin, first.json().certificateId, { kind: 'SELF_TERMINATED', effectiveDate: '2025-02-01' })).statusCode).toBe(
      201,
    );
    expect(
      (await issue(t, admin, org.id, { ...office, officeProvinceId: 'new34:48', issueDate: '2025-03-01', validUntil: '2030-03-01' }))
        .statusCode,
    ).toBe(201);
  });

  it('refuses an unknown province or sector (400) and an empty scope (422)', async () => {
    const org = await createOrganisation(t, admin);
    const unknown = await issue(t, admin, org.id, { provinceIds: ['new34:99'], sectorCodes: ['NOPE'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: 'unknown_reference',
      message: 'Mã không có trong danh mục: new34:99, NOPE. Vui lòng kiểm tra mã tỉnh/thành, lĩnh vực, quốc gia, cơ quan hoặc loại tiền.',
      details: {
        issues: [
          { path: 'provinceIds', code: 'unknown_province', value: 'new34:99' },
          { path: 'sectorCodes', code: 'unknown_sector', value: 'NOPE' },
        ],
      },
    });
    const english = await issue(t, admin, org.id, { officeProvinceId: 'new34:98', type: 'GDKVPDD', validUntil: '2028-01-10' }, 'en');
    expect(english.json().error).toMatchObject({
      code: 'unknown_reference',
      message: expect.stringMatching(/^Not in the reference lists: new34:98\./),
      details: { issues: [{ path: 'officeProvinceId', code: 'unknown_province', value: 'new34:98' }] },
    });
    const partner = await t.call(admin, {
      method: 'PATCH',
      url: `/api/organisations/${org.id}`,
      headers: { 'accept-language': 'en' },
      payload: { version: org.version, partners: [{ name: 'Đối tác', provinceId: 'old63:99' }] },
    });
    expect(partner.statusCode).toBe(400);
    expect(partner.json().error).toMatchObject({
      message: expect.stringContaining('old63:99'),
      details: { issues: [{ path: 'body.partners.0.provinceId', code: 'unknown_province', value: 'old63:99' }] },
    });
    const empty = await issue(t, admin, org.id, { provinceIds: [] });
    expect(empty.json().error.details.rule).toBe('certificate_provinces_required');
  });

  it('refuses a number already in use (409)', async () => {
    const { number } = await issued();
    const org = await createOrganisation(t, admin);
    const response = await issue(t, admin, org.id, { number });
    expect(response.statusCode).toBe(409);
  });
});

describe('lifecycle transitions', () => {
  it('amends and supplements: each version is kept and readable as it stood on any date', async () => {
    const { certificateId } = await issued();
    expect(
      (
        await act(t, admin, certificateId, {
          kind: 'AMENDED',
          effectiveDate: '2024-06-01',
          changes: { provinceIds: ['new34:04', 'new34:08'] },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await act(t, admin, certificateId, { kind: 'SUPPLEMENTED', effectiveDate: '2024-09-01', changes: { sectorCodes: ['YTE', 'GDDT'] } }))
        .statusCode,
    ).toBe(201);
    expect(await getAsOf(certificateId, '2024-05-31')).toMatchObject({ version: 1, provinceIds: ['new34:04'], sectorCodes: ['YTE'] });
    expect(await getAsOf(certificateId, '2024-06-01')).toMatchObject({
      version: 2,
      provinceIds: ['new34:04', 'new34:08'],
      sectorCodes: ['YTE'],
    });
    expect(await getAsOf(certificateId, '2024-12-01')).toMatchObject({ version: 3, sectorCodes: ['YTE', 'GDDT'] });
    const versions = await t.db
      .selectFrom('certificate_versions')
      .select(['version', 'effective_from'])
      .where('certificate_id', '=', certificateId)
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      { version: 1, effective_from: '2024-01-10' },
      { version: 2, effective_from: '2024-06-01' },
      { version: 3, effective_from: '2024-09-01' },
    ]);
  });

  it('refuses an amendment that lengthens the validity (only an extension may)', async () => {
    const { certificateId } = await issued();
    const response = await act(t, admin, certificateId, {
      kind: 'AMENDED',
      effectiveDate: '2024-06-01',
      changes: { validUntil: '2027-06-01' },
    });
    expect(response.json().error.details.rule).toBe('certificate_validity_extension_only');
  });

  it('extends by up to 3 years from the old expiry and moves the status periods; refuses more', async () => {
    const { certificateId } = await issued();
    const tooLong = await act(t, admin, certificateId, {
      kind: 'EXTENDED',
      effectiveDate: '2026-11-01',
      changes: { validUntil: '2030-01-11' },
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().error.details.rule).toBe('certificate_validity_exceeds_cap');
    const ok = await act(t, admin, certificateId, { kind: 'EXTENDED', effectiveDate: '2026-11-01', changes: { validUntil: '2030-01-10' } });
    expect(ok.statusCode).toBe(201);
    expect(await periods(certificateId)).toEqual([
      ['ACTIVE', '[2024-01-10,2030-01-11)'],
      ['EXPIRED', '[2030-01-11,)'],
    ]);
    expect((await getAsOf(certificateId, '2028-01-01')).validUntil).toBe('2030-01-10');
    expect((await getAsOf(certificateId, '2026-10-31')).validUntil).toBe('2027-01-10');
  });

  it('re-issues (a new version with the same content)', async () => {
    const { certificateId } = await issued();
    const response = await act(t, admin, certificateId, { kind: 'REISSUED', effectiveDate: '2025-02-01', note: 'Lost' });
    expect(response.statusCode).toBe(201);
    expect(await getAsOf(certificateId, '2025-02-01')).toMatchObject({ version: 2, validUntil: '2027-01-10' });
  });

  it('suspends with a 30-working-day remedy deadline, refuses an extension while suspended, then lifts', async () => {
    const { certificateId } = await issued();
    const badGround = await act(t, admin, certificateId, { kind: 'SUSPENDED', effectiveDate: '2025-03-03', legalGround: 'because' });
    expect(badGround.json().error.details.rule).toBe('certificate_suspension_ground_invalid');
    const suspended = await act(t, admin, certificateId, {
      kind: 'SUSPENDED',
      effectiveDate: '2025-03-03',
      receivedDate: '2025-03-05',
      legalGround: 'D58_ART18_1B',
    });
    expect(suspended.statusCode).toBe(201);
    // 30 working days after Wed 5 March 2025, skipping weekends and the Hùng Kings' day (Mon 7 April 2025).
    expect(suspended.json().suspension).toMatchObject({ since: '2025-03-03', receivedDate: '2025-03-05', remedyDeadline: '2025-04-17' });
    expect(suspended.json().status).toBe('SUSPENDED');
    const extend = await act(t, admin, certificateId, {
      kind: 'EXTENDED',
      effectiveDate: '2025-04-01',
      changes: { validUntil: '2028-01-10' },
    });
    expect(extend.json().error.details.rule).toBe('certificate_suspended');
    expect((await act(t, admin, certificateId, { kind: 'SUSPENSION_LIFTED', effectiveDate: '2025-04-10' })).statusCode).toBe(201);
    expect(await periods(certificateId)).toEqual([
      ['ACTIVE', '[2024-01-10,2025-03-03)'],
      ['SUSPENDED', '[2025-03-03,2025-04-10)'],
      ['ACTIVE', '[2025-04-10,2027-01-11)'],
      ['EXPIRED', '[2027-01-11,)'],
    ]);
    const lift = await act(t, admin, certificateId, { kind: 'SUSPENSION_LIFTED', effectiveDate: '2025-04-11' });
    expect(lift.json().error.details.rule).toBe('certificate_not_suspended');
  });

  it('terminates for an unremedied suspension only after the remedy deadline', async () => {
    const { certificateId } = await issued();
    await act(t, admin, certificateId, {
      kind: 'SUSPENDED',
      effectiveDate: '2025-03-03',
      receivedDate: '2025-03-05',
      legalGround: 'D58_ART18_1C',
    });
    const early = await act(t, admin, certificateId, { kind: 'TERMINATED', effectiveDate: '2025-04-17', legalGround: 'D58_ART19_1C' });
    expect(early.json().error.details.rule).toBe('certificate_termination_ground_unmet');
    const terminated = await act(t, admin, certificateId, { kind: 'TERMINATED', effectiveDate: '2025-04-18', legalGround: 'D58_ART19_1C' });
    expect(terminated.statusCode).toBe(201);
    expect(terminated.json()).toMatchObject({ status: 'TERMINATED', endedOn: '2025-04-18' });
    expect((await periods(certificateId)).at(-1)).toEqual(['TERMINATED', '[2025-04-18,)']);
  });

  it.each([
    ['TERMINATED', 'D58_ART19_1A'],
    ['REVOKED', 'D58_ART19_1A'],
    ['SELF_TERMINATED', 'Thông báo tự chấm dứt hoạt động'],
  ])('refuses every action on a certificate ended by %s', async (kind, legalGround) => {
    const { certificateId } = await issued();
    const ended = await act(t, admin, certificateId, { kind, effectiveDate: '2025-05-01', legalGround });
    expect(ended.statusCode, ended.body).toBe(201);
    for (const next of [
      { kind: 'AMENDED', changes: { provinceIds: ['new34:08'] } },
      { kind: 'EXTENDED', changes: { validUntil: '2028-01-10' } },
      { kind: 'REISSUED' },
      { kind: 'SUSPENDED', legalGround: 'D58_ART18_1A' },
      { kind: 'REVOKED', legalGround: 'D58_ART19_1A' },
    ]) {
      const response = await act(t, admin, certificateId, { effectiveDate: '2025-06-01', ...next }, 'en');
      expect(response.statusCode).toBe(422);
      expect(response.json().error.details.rule).toBe('certificate_terminated');
      expect(response.json().error.message).toMatch(/has ended/);
    }
    const count = await t.db
      .selectFrom('certificate_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('certificate_id', '=', certificateId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('refuses an extension after expiry and a decision dated before the latest one', async () => {
    const { certificateId } = await issued({ issueDate: '2023-01-10', validUntil: '2024-01-10', decisionDate: '2023-01-05' });
    const late = await act(t, admin, certificateId, {
      kind: 'EXTENDED',
      effectiveDate: '2024-02-01',
      changes: { validUntil: '2026-01-10' },
    });
    expect(late.json().error.details.rule).toBe('certificate_expired');
    await act(t, admin, certificateId, { kind: 'AMENDED', effectiveDate: '2023-06-01', changes: { sectorCodes: ['GDDT'] } });
    const backdated = await act(t, admin, certificateId, {
      kind: 'AMENDED',
      effectiveDate: '2023-05-01',
      changes: { sectorCodes: ['XH'] },
    });
    expect(backdated.json().error.details.rule).toBe('certificate_event_out_of_order');
  });

  it('answers 404 for an unknown certificate and scopes reads to the agency’s province', async () => {
    expect(
      (await act(t, admin, '00000000-0000-4000-8000-000000000000', { kind: 'REISSUED', effectiveDate: '2025-01-01' })).statusCode,
    ).toBe(404);
    const { certificateId } = await issued({ provinceIds: ['new34:04'] });
    const caoBang = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
    const hue = await t.signInAs('agency', { agencyId: 'UBND:new34:46' });
    expect((await t.call(caoBang, { method: 'GET', url: `/api/certificates/${certificateId}` })).statusCode).toBe(200);
    expect((await t.call(hue, { method: 'GET', url: `/api/certificates/${certificateId}` })).statusCode).toBe(404);
    expect(
      (
        await t.call(caoBang, {
          method: 'POST',
          url: `/api/certificates/${certificateId}/events`,
          payload: { kind: 'REISSUED', effectiveDate: '2025-01-01', decisionNumber: '1', decisionDate: '2025-01-01', legalGround: 'x' },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('registered on a date', () => {
  it('is a range query on the status periods (what the statistics module counts)', async () => {
    const a = await issued({ issueDate: '2024-01-10', validUntil: '2025-01-10' });
    const b = await issued({ issueDate: '2024-06-01', validUntil: '2027-06-01' });
    await act(t, admin, b.certificateId, { kind: 'SUSPENDED', effectiveDate: '2024-09-02', legalGround: 'D58_ART18_1A' });
    const ids = [a.org.id, b.org.id];
    const activeOn = async (date: string) =>
      (
        await t.db
          .selectFrom('certificate_status_periods')
          .select('organisation_id')
          .where('organisation_id', 'in', ids)
          .where('status', '=', 'ACTIVE')
          .where(sql<boolean>`period @> ${date}::date`)
          .execute()
      )
        .map((r) => r.organisation_id)
        .sort();
    expect(await activeOn('2024-07-01')).toEqual([...ids].sort());
    expect(await activeOn('2024-10-01')).toEqual([a.org.id]);
    expect(await activeOn('2025-02-01')).toEqual([]);
  });
});
