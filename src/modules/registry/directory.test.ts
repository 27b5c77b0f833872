import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { organisationStatusAsOf } from '@domain/registration';
import { organisationCertificates } from './certificates.repository';
import { act, createOrganisation, issue } from './registry.fixtures';

let t: TestContext;
let central: Session;
const ids: Record<string, string> = {};

const search = async (query: string) => (await t.call(null, { method: 'GET', url: `/api/public/organisations?${query}` })).json();
const names = (page: { items: { name: string }[] }) => page.items.map((i) => i.name);

beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
  const make = async (key: string, body: Record<string, unknown>, certificate?: Record<string, unknown>) => {
    const org = await createOrganisation(t, central, body);
    ids[key] = org.id;
    if (certificate) {
      const response = await issue(t, central, org.id, {
        issueDate: '2025-01-10',
        validUntil: '2028-01-10',
        decisionDate: '2025-01-05',
        ...certificate,
      });
      if (response.statusCode !== 201) throw new Error(response.body);
      return response.json().certificateId as string;
    }
    return undefined;
  };
  await make(
    'children',
    {
      nameOriginal: 'Save the Kids International',
      nameVi: 'Tổ chức Cứu trợ trẻ em Quốc tế',
      acronym: 'SKI',
      countryCode: 'GB',
      representative: { role: 'REPRESENTATIVE', fullName: 'Secret Person', passportNumber: 'X9999999' },
    },
    { provinceIds: ['new34:04'], sectorCodes: ['YTE', 'XH'] },
  );
  await make(
    'childrenFund',
    { nameOriginal: 'Quỹ Trẻ em Nghèo', nameEn: 'Poor Children Fund', countryCode: 'US' },
    { provinceIds: ['old63:74'], sectorCodes: ['GDDT'] },
  );
  await make(
    'water',
    { nameOriginal: 'Clean Water Partners', acronym: 'CWP', countryCode: 'DE' },
    { type: 'GDKVPDD', officeProvinceId: 'new34:01', provinceIds: ['new34:01'], sectorCodes: ['TNMT'], validUntil: '2030-01-10' },
  );
  const lapsed = await make(
    'lapsed',
    { nameOriginal: 'Lapsed Relief Society', countryCode: 'FR' },
    { issueDate: '2020-01-10', validUntil: '2021-01-10', decisionDate: '2020-01-05', provinceIds: ['new34:04'] },
  );
  await act(t, central, lapsed!, { kind: 'AMENDED', effectiveDate: '2020-06-01', changes: { sectorCodes: ['XH'] } });
  await make('none', { nameOriginal: 'Applicant Without Certificate', countryCode: 'JP' });
  await make(
    'future',
    { nameOriginal: 'Trẻ Em Tương Lai Worldwide Foundation Network Association', countryCode: 'AU' },
    { provinceIds: ['new34:46'], sectorCodes: ['GDDT'] },
  );
});
afterAll(async () => t.close());

describe('public directory search', () => {
  it('answers the contract shape to anonymous visitors and finds accented names typed without accents', async () => {
    const page = await search('q=cuu%20tro%20tre%20em');
    expect(page.total).toBeGreaterThanOrEqual(1);
    expect(page.items[0]).toMatchObject({
      id: ids.children,
      name: 'Save the Kids International',
      nameVi: 'Tổ chức Cứu trợ trẻ em Quốc tế',
      nameEn: null,
      country: 'GB',
      status: 'ACTIVE',
    });
    expect(names(await search('q=C%E1%BB%A8U%20TR%E1%BB%A2'))).toContain('Save the Kids International');
    expect(names(await search('q=tre%20em%20cuu%20tro'))).toContain('Save the Kids International');
  });

  it('ranks an exact acronym and a name that starts with the query above mere containment', async () => {
    expect((await search('q=cwp')).items[0].id).toBe(ids.water);
    const children = await search('q=tre%20em');
    expect(children.items.map((i: { id: string }) => i.id)).toEqual([ids.future, ids.childrenFund, ids.children]);
  });

  it('matches word prefixes in any order and treats LIKE wildcards as text', async () => {
    expect(names(await search('q=partn%20clea'))).toEqual(['Clean Water Partners']);
    expect((await search('q=%25')).total).toBe(0);
    expect((await search('q=_')).total).toBe(0);
  });

  it('filters by country, field, province (rolled up), type and status', async () => {
    expect(names(await search('country=us'))).toEqual(['Quỹ Trẻ em Nghèo']);
    expect(names(await search('sector=YTE'))).toEqual(['Save the Kids International']);
    // A certificate naming old Bình Dương (old63:74) is in today's TP Hồ Chí Minh (new34:79).
    expect(names(await search('province=new34:79'))).toEqual(['Quỹ Trẻ em Nghèo']);
    expect(names(await search('province=new34:04')).sort()).toEqual(['Lapsed Relief Society', 'Save the Kids International']);
    expect(names(await search('certificateType=GDKVPDD'))).toEqual(['Clean Water Partners']);
    expect(names(await search('status=EXPIRED'))).toEqual(['Lapsed Relief Society']);
    // An organisation that never held a certificate (a pending applicant) is not published.
    expect(names(await search('status=NONE'))).toEqual([]);
    expect((await search('q=applicant%20without')).total).toBe(0);
    expect((await t.call(null, { method: 'GET', url: '/api/public/organisations?province=hanoi' })).statusCode).toBe(400);
  });

  it('paginates with a stable order and a total', async () => {
    const first = await search('page=1&pageSize=2');
    const second = await search('page=2&pageSize=2');
    expect(first.total).toBe(5);
    expect(first.items).toHaveLength(2);
    expect(new Set([...names(first), ...names(second)]).size).toBe(4);
    expect((await search('page=3&pageSize=2')).items).toHaveLength(1);
    const beyond = await search('page=9&pageSize=2');
    expect(beyond).toMatchObject({ items: [], total: 5 });
  });

  it('shows the certificate summary of each result: types, fields, current provinces, expiry in force', async () => {
    const [fund] = (await search('country=US')).items;
    expect(fund).toMatchObject({ certificateTypes: ['GDKHD'], sectorCodes: ['GDDT'], provinceIds: ['new34:79'], validUntil: '2028-01-10' });
    const [lapsed] = (await search('country=FR')).items;
    expect(lapsed).toMatchObject({ status: 'EXPIRED', sectorCodes: ['XH'], validUntil: null });
  });
});

describe('public profile', () => {
  it('shows names, country and the current certificate scope, and never any personal data', async () => {
    const response = await t.call(null, { method: 'GET', url: `/api/public/organisations/${ids.children}` });
    expect(response.statusCode).toBe(200);
    const profile = response.json();
    expect(profile).toMatchObject({ name: 'Save the Kids International', country: 'GB', status: 'ACTIVE' });
    expect(profile.certificates).toHaveLength(1);
    expect(profile.certificates[0]).toMatchObject({ type: 'GDKHD', validFrom: '2025-01-10', validUntil: '2028-01-10' });
    expect(profile.certificates[0].provinces[0]).toMatchObject({ id: 'new34:04', nameVi: 'Cao Bằng' });
    expect(profile.certificates[0].sectors.map((s: { id: string }) => s.id)).toEqual(['YTE', 'XH']);
    expect(response.body).not.toContain('Secret Person');
    expect(response.body).not.toContain('X9999999');
    expect(profile).not.toHaveProperty('representative');
    expect(profile).not.toHaveProperty('bankAccounts');
  });

  it('lists no certificate for an expired organisation and answers 404 for an unknown id', async () => {
    expect((await t.call(null, { method: 'GET', url: `/api/public/organisations/${ids.lapsed}` })).json()).toMatchObject({
      status: 'EXPIRED',
      certificates: [],
    });
    expect((await t.call(null, { method: 'GET', url: '/api/public/organisations/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(
      404,
    );
  });
});

describe('exports', () => {
  it('exports the filtered list as CSV with a BOM, localised headers and no formula injection', async () => {
    const evil = await createOrganisation(t, central, { nameOriginal: '=HYPERLINK("http://evil")', countryCode: 'IT' });
    expect(
      (await issue(t, central, evil.id, { issueDate: '2025-01-10', validUntil: '2028-01-10', decisionDate: '2025-01-05' })).statusCode,
    ).toBe(201);
    const response = await t.call(null, {
      method: 'GET',
      url: '/api/public/organisations/export.csv?country=IT',
      headers: { 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('.csv');
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toContain('Organisation,Vietnamese name');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^"'=HYPERLINK/);
  });

  it('exports every matching row as an xlsx workbook, labelled when the data is synthetic', async () => {
    await t.db.updateTable('organisations').set({ synthetic: true }).where('id', '=', ids.water!).execute();
    const response = await t.call(null, { method: 'GET', url: '/api/public/organisations/export.xlsx' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-vnaid-synthetic']).toBe('true');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('giả lập');
    expect(sheet.getRow(2).getCell(1).value).toBe('Tên tổ chức');
    const rows: string[] = [];
    sheet.eachRow((row, n) => n > 2 && rows.push(String(row.getCell(1).value)));
    expect(rows).toHaveLength(6);
    expect(rows).not.toContain('Applicant Without Certificate');
    expect(rows).toContain('Clean Water Partners');
  });
});

describe('status as of a date', () => {
  it('computed in SQL from the status periods, agrees with the domain’s organisationStatusAsOf', async () => {
    const org = await createOrganisation(t, central, { nameOriginal: 'Tie Break Probe', countryCode: 'NL' });
    const a = await issue(t, central, org.id, { issueDate: '2020-01-10', validUntil: '2021-01-10', decisionDate: '2020-01-05' });
    const b = await issue(t, central, org.id, { issueDate: '2020-02-01', validUntil: '2022-02-01', decisionDate: '2020-01-05' });
    expect(a.statusCode).toBe(201);
    await act(t, central, b.json().certificateId, { kind: 'SUSPENDED', effectiveDate: '2020-12-01', legalGround: 'D58_ART18_1B' });
    await act(t, central, b.json().certificateId, {
      kind: 'REVOKED',
      effectiveDate: '2021-01-11',
      legalGround: 'Giấy đăng ký cấp dựa trên hồ sơ giả mạo',
    });
    const { records } = await organisationCertificates(t.db, org.id);
    for (const date of ['2019-12-31', '2020-01-10', '2020-06-01', '2020-12-15', '2021-01-10', '2021-01-11', '2023-01-01']) {
      const listed = (await t.call(central, { method: 'GET', url: `/api/organisations?country=NL&asOf=${date}` })).json().items[0].status;
      const expected = organisationStatusAsOf(records, date);
      expect([date, listed]).toEqual([date, expected]);
      // The status filter (set membership) agrees with the status column (per-row subquery) for every status.
      for (const status of ['ACTIVE', 'SUSPENDED', 'EXPIRED', 'TERMINATED', 'NONE']) {
        const filtered = (
          await t.call(central, { method: 'GET', url: `/api/organisations?country=NL&asOf=${date}&status=${status}` })
        ).json().total;
        expect([date, status, filtered]).toEqual([date, status, status === expected ? 1 : 0]);
      }
    }
    expect((await t.call(central, { method: 'GET', url: '/api/organisations?country=NL&asOf=2021-01-11' })).json().items[0].status).toBe(
      'TERMINATED',
    );
  });
});

describe('API documentation', () => {
  it('documents every registry route in the OpenAPI document', async () => {
    const doc = (await t.call(null, { method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/public/organisations',
      '/api/public/organisations/{id}',
      '/api/public/organisations/export.xlsx',
      '/api/organisations',
      '/api/organisations/{id}',
      '/api/organisations/{id}/history',
      '/api/organisations/{id}/certificates',
      '/api/certificates/{id}',
      '/api/certificates/{id}/events',
      '/api/registry/alerts',
      '/api/my-organisation/contacts',
      '/api/registry/import',
      '/api/registry/import/template.xlsx',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(doc.paths['/api/public/organisations'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['q', 'page', 'pageSize', 'province', 'status']),
    );
  });
});
