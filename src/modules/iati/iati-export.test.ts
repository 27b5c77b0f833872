import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app';
import { buildAidItem, buildOrganisation } from '@modules/aid/aid.fixtures';
import { validateAgainstSchema } from './xml/validate-xsd';
import { approvedItem, parseExport } from './iati.test-support';

let t: TestContext;
let ngo: { id: string };
let other: { id: string };

beforeAll(async () => {
  t = await createTestContext();
  ngo = await buildOrganisation(t.db, { name: 'Bàn Tay Nhân Ái International' });
  other = await buildOrganisation(t.db, { name: 'Other Relief Fund' });
  await t.db
    .updateTable('organisations')
    .set({ iati_org_id: 'GB-CHC-123456', name_vi: 'Tổ chức Bàn Tay Nhân Ái' })
    .where('id', '=', ngo.id)
    .execute();
  // The directory lists it (a certificate since 2020), so its IATI organisation file is public too.
  await t.pool.query(`update organisations set listed_from = '2020-01-01' where id = $1`, [ngo.id]);
  // One item per modality, approved and running in 2024 in Cao Bằng (old code 04).
  for (const modality of ['PROGRAMME', 'PROJECT', 'NON_PROJECT', 'RELIEF'] as const) {
    await approvedItem(t.db, { code: `EXP-${modality}`, modality, organisation_id: ngo.id, title_en: `${modality} item` });
  }
  // Several provinces, sectors and currencies, with text that needs escaping.
  await approvedItem(t.db, {
    code: 'EXP-MULTI',
    organisation_id: other.id,
    title_vi: 'Dự án "Cầu & Đường" <giai đoạn 2>',
    provinces: [
      ['old63:04', '33.33'],
      ['old63:02', '33.33'],
      ['old63:79', '33.34'],
    ],
    sectors: [
      ['YTE', '50'],
      ['GDDT', '30'],
      ['KPHQCT', '20'],
    ],
    money: [
      { kind: 'COMMITMENT', date: '2024-01-15', amount: '1000000', currency: 'EUR' },
      { kind: 'DISBURSEMENT', date: '2024-06-30', amount: '250000.75', currency: 'GBP' },
      { kind: 'DISBURSEMENT', date: '2024-07-15', amount: '0.01', currency: 'USD' },
      { kind: 'DISBURSEMENT', date: '2024-09-01', amount: '3500000', currency: 'JPY' },
    ],
  });
  // Not in the public document: in the pipeline, and approved elsewhere (Hà Nội) but without a decision.
  await buildAidItem(t.db, { code: 'EXP-PIPE', status: 'PIPELINE', planned_start: '2024-03-01', organisation_id: ngo.id });
  await buildAidItem(t.db, { code: 'EXP-NODEC', status: 'IMPLEMENTING', actual_start: '2024-03-01', provinces: [['old63:01', '100']] });
});
afterAll(async () => t?.close());

const publicDoc = (query = 'year=2024') => t.call(null, { method: 'GET', url: `/api/public/iati/activities.xml?${query}` });

describe('GET /api/public/iati/activities.xml (contract)', () => {
  it('answers an iati-activities 2.03 document of the approved aid active in the year, valid against the XSD', async () => {
    const response = await publicDoc();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/xml');
    expect(response.body).toContain('<iati-activities version="2.03"');
    const result = await validateAgainstSchema(response.body, 'activities');
    expect(result).toEqual({ valid: true, errors: [] });
    const activities = await parseExport(response.body);
    expect(activities.map((a) => a.activity.identifier).sort()).toEqual(
      ['EXP-MULTI', 'EXP-NON_PROJECT', 'EXP-PROGRAMME', 'EXP-PROJECT', 'EXP-RELIEF'].map((c) => `VN-COA-014-${c}`),
    );
    expect(response.headers['x-vnaid-iati-activities']).toBe('5');
  });

  it("links each activity to its public aid page (document-link A12), which answers; the officers' export links none", async () => {
    const body = (await publicDoc()).body;
    const links = [
      ...body.matchAll(/<document-link format="text\/html" url="http:\/\/localhost(?::\d+)?\/public\/aid\/([0-9a-f-]{36})">/g),
    ];
    expect(links).toHaveLength(5);
    expect(body.match(/<category code="A12"\/>/g)).toHaveLength(5);
    for (const [, id] of links) expect((await t.call(null, { method: 'GET', url: `/api/public/aid/${id}` })).statusCode).toBe(200);
    const officer = await t.signInAs('central');
    const scoped = await t.call(officer, { method: 'GET', url: '/api/iati/activities.xml?year=2024' });
    expect(scoped.body).toContain('<iati-activity');
    expect(scoped.body).not.toContain('<document-link');
  });

  it('writes every modality with its IATI coding, vi and en narratives, and the donor with its IATI identifier', async () => {
    const activities = await parseExport((await publicDoc()).body);
    const byCode = new Map(activities.map((a) => [a.activity.identifier.replace('VN-COA-014-', ''), a.activity]));
    for (const modality of ['PROGRAMME', 'PROJECT', 'NON_PROJECT', 'RELIEF'] as const)
      expect(byCode.get(`EXP-${modality}`)?.modality).toBe(modality);
    const project = byCode.get('EXP-PROJECT')!;
    expect(project.titles.en).toBe('PROJECT item');
    expect(project.titles.vi).toMatch(/^Dự án thử nghiệm/);
    expect(project.reportingOrg).toMatchObject({ ref: 'VN-COA-014', type: '10', secondaryReporter: true });
    expect(project.participatingOrgs[0]).toMatchObject({
      role: 'FUNDING',
      ref: 'GB-CHC-123456',
      type: '21',
      nameVi: 'Tổ chức Bàn Tay Nhân Ái',
    });
    expect(project.recipientCountries).toEqual([{ code: 'VN', percentage: '100' }]);
    expect(project.approval).toEqual({ decisionNumber: '12/QĐ-UBND', date: '2024-01-10' });
    expect(byCode.get('EXP-RELIEF')!.sectors.find((s) => s.vocabulary === '1')?.code).toBe('72011');
  });

  it('keeps several provinces, sectors and currencies exactly', async () => {
    const multi = (await parseExport((await publicDoc()).body)).find((a) => a.activity.identifier.endsWith('EXP-MULTI'))!.activity;
    expect(multi.titles.vi).toBe('Dự án "Cầu & Đường" <giai đoạn 2>');
    expect(multi.locations.map((l) => l.provinceCode)).toEqual(['old63:79', 'old63:02', 'old63:04']);
    // vnaid's own vocabulary (99) names its sectors, as IATI requires of a reporting organisation's list.
    expect(multi.sectors.filter((s) => s.vocabulary === '99').map((s) => [s.code, s.percentage, s.name?.vi, s.name?.en])).toEqual([
      ['YTE', '50.00', 'Y tế', 'Health'],
      ['GDDT', '30.00', 'Giáo dục – đào tạo', 'Education & training'],
      ['KPHQCT', '20.00', 'Khắc phục hậu quả chiến tranh', 'War legacies'],
    ]);
    expect(multi.transactions.map((x) => [x.type, x.date, x.amount, x.currency])).toEqual([
      ['COMMITMENT', '2024-01-15', '1000000', 'EUR'],
      ['DISBURSEMENT', '2024-06-30', '250000.75', 'GBP'],
      ['DISBURSEMENT', '2024-07-15', '0.01', 'USD'],
      ['DISBURSEMENT', '2024-09-01', '3500000', 'JPY'],
    ]);
  });

  it('filters by NGO, answers an empty document for a year without approved aid and 400 for a bad year', async () => {
    const own = await parseExport((await publicDoc(`year=2024&organisationId=${other.id}`)).body);
    expect(own.map((a) => a.activity.identifier)).toEqual(['VN-COA-014-EXP-MULTI']);
    const empty = await publicDoc('year=2001');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toMatch(/<iati-activities version="2.03"/);
    expect(await parseExport(empty.body)).toEqual([]);
    const bad = await publicDoc('year=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
  });
});

describe('GET /api/iati/activities.xml (scoped)', () => {
  it('needs a session', async () => {
    expect((await t.call(null, { method: 'GET', url: '/api/iati/activities.xml' })).statusCode).toBe(401);
  });

  it("gives an NGO only its own items, pipeline included, and a province only its province's", async () => {
    const session = await t.signInAs('ngo', { organisationId: ngo.id });
    const response = await t.call(session, { method: 'GET', url: '/api/iati/activities.xml?year=2024' });
    expect(response.statusCode).toBe(200);
    const ids = (await parseExport(response.body)).map((a) => a.activity.identifier);
    expect(ids).toContain('VN-COA-014-EXP-PIPE');
    expect(ids).not.toContain('VN-COA-014-EXP-MULTI');
    expect((await validateAgainstSchema(response.body, 'activities')).valid).toBe(true);

    const hanoi = await t.signInAs('agency', { agencyId: 'UBND:new34:01' });
    const theirs = await t.call(hanoi, { method: 'GET', url: '/api/iati/activities.xml' });
    expect((await parseExport(theirs.body)).map((a) => a.activity.identifier)).toEqual(['VN-COA-014-EXP-NODEC']);
  });
});

describe('GET /api/public/iati/organisations/:id.xml', () => {
  it('answers a valid iati-organisations document with the yearly USD disbursed', async () => {
    const response = await t.call(null, { method: 'GET', url: `/api/public/iati/organisations/${ngo.id}.xml` });
    expect(response.statusCode).toBe(200);
    expect(await validateAgainstSchema(response.body, 'organisations')).toEqual({ valid: true, errors: [] });
    expect(response.body).toContain('<organisation-identifier>GB-CHC-123456</organisation-identifier>');
    expect(response.body).toMatch(/<narrative xml:lang="vi">Tổ chức Bàn Tay Nhân Ái<\/narrative>/);
    expect(response.body).toMatch(/<total-expenditure>[\s\S]*<value currency="USD" value-date="2024-01-01">4002.00<\/value>/);
  });

  it('answers 404 for an unknown organisation', async () => {
    const response = await t.call(null, { method: 'GET', url: '/api/public/iati/organisations/00000000-0000-4000-8000-000000000000.xml' });
    expect(response.statusCode).toBe(404);
  });
});
