import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { createOrganisation, issue } from './registry.fixtures';

let t: TestContext;
let central: Session;
beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
});
afterAll(async () => t.close());

const representative = {
  role: 'REPRESENTATIVE',
  fullName: 'Jane Example',
  nationality: 'GB',
  passportNumber: 'P1234567',
  email: 'jane@example.org',
  phone: '+84 90 000 0000',
  dateOfBirth: '1980-02-03',
};

describe('organisations', () => {
  it('refuses anonymous callers (401), reviewers and NGOs on the officer list (403), bad bodies (400)', async () => {
    expect((await t.call(null, { method: 'GET', url: '/api/organisations' })).statusCode).toBe(401);
    expect((await t.call(await t.signInAs('reviewer'), { method: 'GET', url: '/api/organisations' })).statusCode).toBe(403);
    const agency = await t.signInAs('agency', { agencyId: 'MOH' });
    expect(
      (await t.call(agency, { method: 'POST', url: '/api/organisations', payload: { nameOriginal: 'X', countryCode: 'GB' } })).statusCode,
    ).toBe(403);
    const bad = await t.call(central, {
      method: 'POST',
      url: '/api/organisations',
      payload: { nameOriginal: '', countryCode: 'GBR', email: 'not-an-email' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.length).toBe(3);
    const unknownCountry = await t.call(central, {
      method: 'POST',
      url: '/api/organisations',
      payload: { nameOriginal: 'X', countryCode: 'ZZ' },
    });
    expect(unknownCountry.statusCode).toBe(400);
    expect(unknownCountry.json().error.details.issues[0].path).toBe('body.countryCode');
  });

  it('creates an organisation with its representative, partners and bank accounts, audited with the passport redacted', async () => {
    const response = await t.call(central, {
      method: 'POST',
      url: '/api/organisations',
      payload: {
        nameOriginal: 'Kinderhilfe Beispiel',
        nameEn: 'Example Children Aid',
        nameVi: 'Tổ chức Hỗ trợ trẻ em Ví dụ',
        acronym: 'KHB',
        countryCode: 'DE',
        orgType: 'FOUNDATION',
        homeTermUntil: '2040-12-31',
        staffForeign: 2,
        staffLocal: 15,
        representative,
        partners: [{ name: 'Sở Y tế Cao Bằng', provinceId: 'new34:04' }],
        bankAccounts: [{ bankName: 'Vietcombank', accountNumber: '0011001234567', currency: 'USD', notifiedOn: '2024-02-01' }],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const org = response.json();
    expect(org).toMatchObject({
      code: expect.stringMatching(/^PCPNN-\d{6}$/),
      version: 1,
      status: 'NONE',
      countryNameVi: expect.any(String),
      staffLocal: 15,
    });
    expect(org.representative).toMatchObject({ fullName: 'Jane Example', passportNumber: 'P1234567' });
    expect(org.partners).toHaveLength(1);
    expect(org.bankAccounts[0]).toMatchObject({ accountNumber: '0011001234567', currency: 'USD' });
    const audit = await t.db.selectFrom('audit_log').select(['action', 'after']).where('entity_id', '=', org.id).executeTakeFirstOrThrow();
    expect(audit.action).toBe('organisation.create');
    expect(JSON.stringify(audit.after)).not.toContain('P1234567');
    const duplicate = await t.call(central, {
      method: 'POST',
      url: '/api/organisations',
      payload: { code: org.code, nameOriginal: 'Other', countryCode: 'DE' },
    });
    expect(duplicate.statusCode).toBe(409);
  });

  it('answers a stale edit with 409 saying who changed which fields, in the request language', async () => {
    const org = await createOrganisation(t, central);
    const first = await t.call(central, {
      method: 'PATCH',
      url: `/api/organisations/${org.id}`,
      payload: { version: 1, nameEn: 'New English name', email: 'office@example.org' },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await t.call(central, {
      method: 'PATCH',
      url: `/api/organisations/${org.id}`,
      headers: { 'accept-language': 'en' },
      payload: { version: 1, website: 'https://x.example' },
    });
    expect(stale.statusCode).toBe(409);
    const error = stale.json().error;
    expect(error.code).toBe('stale_version');
    expect(error.details).toMatchObject({ yourVersion: 1, currentVersion: 2, changedFields: expect.arrayContaining(['nameEn', 'email']) });
    expect(error.details.summary).toContain('English name');
    expect(error.details.summary).toContain('E-mail');
    expect(error.details.current.nameEn).toBe('New English name');
    const vi = await t.call(central, {
      method: 'PATCH',
      url: `/api/organisations/${org.id}`,
      headers: { 'accept-language': 'vi' },
      payload: { version: 1, website: 'https://x.example' },
    });
    expect(vi.json().error.details.summary).toContain('Tên tiếng Anh');
    const row = await t.db.selectFrom('organisations').select(['website', 'version']).where('id', '=', org.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ website: null, version: 2 });
  });

  it('replaces the representative keeping the previous appointment in the history of representatives', async () => {
    const org = await createOrganisation(t, central, { representative });
    const next = await t.call(central, {
      method: 'PATCH',
      url: `/api/organisations/${org.id}`,
      payload: { version: 1, representative: { ...representative, fullName: 'John Successor', passportNumber: 'P7654321' } },
    });
    expect(next.json().representative.fullName).toBe('John Successor');
    const appointments = await t.db
      .selectFrom('organisation_representatives')
      .select(['until'])
      .where('organisation_id', '=', org.id)
      .orderBy('created_at')
      .execute();
    expect(appointments).toHaveLength(2);
    expect(appointments[0]!.until).not.toBeNull();
    expect(appointments[1]!.until).toBeNull();
  });

  it('keeps the appointment when the same name is retyped without accents, đ included ("Đặng" → "Dang")', async () => {
    const org = await createOrganisation(t, central, { representative: { ...representative, fullName: 'Đặng Thị Hoà' } });
    const next = await t.call(central, {
      method: 'PATCH',
      url: `/api/organisations/${org.id}`,
      payload: { version: 1, representative: { ...representative, fullName: 'Dang Thi Hoa' } },
    });
    expect(next.statusCode).toBe(200);
    const appointments = await t.db
      .selectFrom('organisation_representatives')
      .select(['until'])
      .where('organisation_id', '=', org.id)
      .execute();
    expect(appointments).toEqual([{ until: null }]);
  });

  it('lets a provincial agency read only organisations with a certificate in its province, without personal data', async () => {
    const inCaoBang = await createOrganisation(t, central, { representative });
    const inHue = await createOrganisation(t, central);
    expect((await issue(t, central, inCaoBang.id, { provinceIds: ['new34:04'] })).statusCode).toBe(201);
    expect((await issue(t, central, inHue.id, { provinceIds: ['new34:46'] })).statusCode).toBe(201);
    const caoBang = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
    const list = await t.call(caoBang, { method: 'GET', url: '/api/organisations?pageSize=200' });
    const ids = list.json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(inCaoBang.id);
    expect(ids).not.toContain(inHue.id);
    expect((await t.call(caoBang, { method: 'GET', url: `/api/organisations/${inHue.id}` })).statusCode).toBe(404);
    const view = (await t.call(caoBang, { method: 'GET', url: `/api/organisations/${inCaoBang.id}` })).json();
    expect(view.representative).toMatchObject({
      fullName: 'Jane Example',
      nationality: 'GB',
      passportNumber: null,
      email: null,
      dateOfBirth: null,
    });
    expect(view.abilities).toEqual({ edit: false, recordDecisions: false, editContacts: false });
    expect(
      (await t.call(caoBang, { method: 'PATCH', url: `/api/organisations/${inCaoBang.id}`, payload: { version: 1, nameEn: 'x' } }))
        .statusCode,
    ).toBe(403);
  });

  it('lets a ministry read organisations working in its fields only', async () => {
    const health = await createOrganisation(t, central);
    const education = await createOrganisation(t, central);
    await issue(t, central, health.id, { sectorCodes: ['YTE'] });
    await issue(t, central, education.id, { sectorCodes: ['GDDT'] });
    const moh = await t.signInAs('agency', { agencyId: 'MOH' });
    const ids = (await t.call(moh, { method: 'GET', url: '/api/organisations?pageSize=200' }))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(ids).toContain(health.id);
    expect(ids).not.toContain(education.id);
  });

  it('lets an NGO edit only its own contact details, versioned and audited', async () => {
    const own = await createOrganisation(t, central, { nameEn: 'Own NGO' });
    const ngo = await t.signInAs('ngo', { organisationId: own.id });
    const mine = await t.call(ngo, { method: 'GET', url: '/api/my-organisation' });
    expect(mine.json()).toMatchObject({ id: own.id, abilities: { edit: false, editContacts: true } });
    const saved = await t.call(ngo, {
      method: 'PATCH',
      url: '/api/my-organisation/contacts',
      payload: { version: 1, email: 'contact@own.example', phone: '024 000 000', contactAddress: '1 Tràng Tiền, Hà Nội' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ email: 'contact@own.example', version: 2, nameEn: 'Own NGO' });
    const sneaky = await t.call(ngo, { method: 'PATCH', url: '/api/my-organisation/contacts', payload: { version: 2, nameEn: 'Renamed' } });
    expect(sneaky.statusCode).toBe(200);
    expect(sneaky.json().nameEn).toBe('Own NGO');
    expect(
      (await t.call(ngo, { method: 'PATCH', url: `/api/organisations/${own.id}`, payload: { version: 3, email: 'x@y.z' } })).statusCode,
    ).toBe(403);
    expect((await t.call(ngo, { method: 'GET', url: '/api/organisations' })).statusCode).toBe(403);
    const stale = await t.call(ngo, { method: 'PATCH', url: '/api/my-organisation/contacts', payload: { version: 1, phone: '1' } });
    expect(stale.statusCode).toBe(409);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_id', '=', own.id)
      .where('action', '=', 'organisation.update_contacts')
      .execute();
    expect(audit.length).toBe(2);
    expect(audit[0]!.actor_user_id).toBe(ngo.userId);
  });

  it('shows a history timeline of decisions and audited changes', async () => {
    const org = await createOrganisation(t, central);
    const issued = await issue(t, central, org.id);
    await t.call(central, { method: 'PATCH', url: `/api/organisations/${org.id}`, payload: { version: 1, mission: 'Health care' } });
    const history = (await t.call(central, { method: 'GET', url: `/api/organisations/${org.id}/history` })).json();
    expect(history.items.find((i: { kind: string; event: string }) => i.kind === 'decision' && i.event === 'ISSUED')).toMatchObject({
      certificateNumber: issued.json().number,
      decisionDate: '2024-01-05',
    });
    expect(history.items.find((i: { action: string }) => i.action === 'organisation.update')).toMatchObject({ changedFields: ['mission'] });
    const caoBang = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
    const agencyView = (await t.call(caoBang, { method: 'GET', url: `/api/organisations/${org.id}/history` })).json();
    expect(agencyView.items.every((i: { kind: string }) => i.kind === 'decision')).toBe(true);
  });

  it('lists with status as of a date, derived from the certificates', async () => {
    const org = await createOrganisation(t, central, { nameOriginal: 'Status Probe Organisation' });
    await issue(t, central, org.id, { issueDate: '2024-01-10', validUntil: '2025-01-10' });
    const on = async (asOf: string) =>
      (await t.call(central, { method: 'GET', url: `/api/organisations?q=status%20probe&asOf=${asOf}` })).json().items[0].status;
    expect(await on('2023-12-01')).toBe('NONE');
    expect(await on('2024-06-01')).toBe('ACTIVE');
    expect(await on('2025-01-11')).toBe('EXPIRED');
    const active = (
      await t.call(central, { method: 'GET', url: '/api/organisations?q=status%20probe&status=ACTIVE&asOf=2024-06-01' })
    ).json();
    expect(active.total).toBe(1);
  });
});
