import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { addMonths, revocableFrom } from '@domain/reporting';
import { buildAidItem, buildOrganisation } from './aid.fixtures';
import { vietnamToday } from '@common/time/vietnam-today';

const today = vietnamToday();

let t: TestContext;
let central: Session;
let orgA: { id: string };
let orgB: { id: string };

const validBody = (overrides: Record<string, unknown> = {}) => ({
  modality: 'PROJECT',
  titleVi: 'Nâng cao năng lực y tế cơ sở',
  titleEn: 'Primary health capacity',
  organisationId: orgA.id,
  donorCountryCode: 'GB',
  governingAgencyId: 'UBND:new34:04',
  plannedStart: addMonths(today, -2),
  plannedEnd: addMonths(today, 24),
  locations: [{ provinceId: 'new34:04', share: '100' }],
  sectors: [
    { code: 'YTE', share: '70' },
    { code: 'GDDT', share: '30' },
  ],
  ...overrides,
});

beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
  orgA = await buildOrganisation(t.db, { name: 'Bàn Tay Nhân Ái' });
  orgB = await buildOrganisation(t.db);
});
afterAll(async () => t.close());

describe('aid items: access', () => {
  it('refuses anonymous callers (401), reviewers writing (403) and lists every problem of a bad body (400)', async () => {
    expect((await t.call(null, { method: 'GET', url: '/api/aid' })).statusCode).toBe(401);
    const reviewer = await t.signInAs('reviewer', { agencyId: 'MPS' });
    expect((await t.call(reviewer, { method: 'POST', url: '/api/aid', payload: validBody() })).statusCode).toBe(403);
    const bad = await t.call(central, {
      method: 'POST',
      url: '/api/aid',
      payload: { modality: 'LOAN', titleVi: 'x', locations: [{ provinceId: 'x', share: '100' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.length).toBeGreaterThanOrEqual(3);
  });

  it('applies the business rules at once: shares, approval data, old province codes before 01/07/2025', async () => {
    const response = await t.call(central, {
      method: 'POST',
      url: '/api/aid',
      headers: { 'accept-language': 'en' },
      payload: validBody({
        status: 'APPROVED',
        plannedStart: '2023-01-01',
        plannedEnd: '2024-12-31',
        sectors: [{ code: 'YTE', share: '50' }],
      }),
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.approvalDecisionNumber', 'body.approvalDate', 'body.sectors', 'body.locations.0.provinceId']),
    );
    expect(await t.db.selectFrom('aid_items').select('id').where('title_vi', '=', 'Nâng cao năng lực y tế cơ sở').execute()).toHaveLength(
      0,
    );
  });
});

describe('aid items: create, read, edit', () => {
  it('creates an item with its relations, audits it, and answers 409 with the current record on a stale edit', async () => {
    const created = await t.call(central, { method: 'POST', url: '/api/aid', payload: validBody() });
    expect(created.statusCode).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({ status: 'PIPELINE', provinces: ['new34:04'], version: 1, committedUsd: '0.00' });
    expect(item.code).toMatch(new RegExp(`^VT-${addMonths(today, -2).slice(0, 4)}-`));
    expect(item.sectors.map((s: { code: string; dacCode: string }) => [s.code, s.dacCode])).toEqual([
      ['YTE', '12220'],
      ['GDDT', '11110'],
    ]);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', item.id).execute();
    expect(audit.map((a) => a.action)).toContain('aid_item.create');
    // The donor's Vietnamese name travels with the list and the record, for the Vietnamese screens.
    await t.db.updateTable('organisations').set({ name_vi: 'Tổ chức Bàn Tay Nhân Ái' }).where('id', '=', orgA.id).execute();
    const listed = (await t.call(central, { method: 'GET', url: `/api/aid?q=${item.code}` })).json().items;
    expect(listed.map((i: { donorName: string; donorNameVi: string }) => [i.donorName, i.donorNameVi])).toEqual([
      ['Bàn Tay Nhân Ái', 'Tổ chức Bàn Tay Nhân Ái'],
    ]);
    expect((await t.call(central, { method: 'GET', url: `/api/aid/${item.id}` })).json().donorNameVi).toBe('Tổ chức Bàn Tay Nhân Ái');

    // Approved a month ago: not revocable yet; its approver may revoke it from the day after six months.
    const approvalDate = addMonths(today, -1);
    const first = await t.call(central, {
      method: 'PATCH',
      url: `/api/aid/${item.id}`,
      payload: { version: 1, status: 'APPROVED', approvalDecisionNumber: '15/QĐ-UBND', approvalDate },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      status: 'APPROVED',
      approvalLegalBasis: 'D313_2025',
      version: 2,
      mayBeRevoked: false,
      revocableFrom: revocableFrom(approvalDate),
    });
    const stale = await t.call(central, { method: 'PATCH', url: `/api/aid/${item.id}`, payload: { version: 1, titleVi: 'Tên khác' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.approvalDecisionNumber).toBe('15/QĐ-UBND');
  });

  it("lets an NGO file its own pipeline item but not approve it, and hides other organisations' items (404)", async () => {
    const ngo = await t.signInAs('ngo', { organisationId: orgA.id });
    const own = await t.call(ngo, { method: 'POST', url: '/api/aid', payload: validBody({ organisationId: orgB.id }) });
    expect(own.statusCode).toBe(201);
    expect(own.json().organisationId).toBe(orgA.id);
    const approve = await t.call(ngo, {
      method: 'PATCH',
      url: `/api/aid/${own.json().id}`,
      payload: { version: 1, status: 'APPROVED', approvalDecisionNumber: '1', approvalDate: '2026-01-01' },
    });
    expect(approve.statusCode).toBe(403);
    const foreign = await buildAidItem(t.db, { organisation_id: orgB.id });
    expect((await t.call(ngo, { method: 'GET', url: `/api/aid/${foreign.id}` })).statusCode).toBe(404);
    const donors = (await t.call(ngo, { method: 'GET', url: '/api/aid/donors' })).json();
    expect(donors.items.map((d: { id: string }) => d.id)).toEqual([orgA.id]);
    const list = await t.call(ngo, { method: 'GET', url: '/api/aid?pageSize=200' });
    expect(list.json().items.every((i: { organisationId: string }) => i.organisationId === orgA.id)).toBe(true);
  });

  it('keeps a province officer to its own province: no filing for another province', async () => {
    const caoBang = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
    const elsewhere = await t.call(caoBang, {
      method: 'POST',
      url: '/api/aid',
      payload: validBody({ governingAgencyId: 'MOH', locations: [{ provinceId: 'new34:08', share: '100' }] }),
    });
    expect(elsewhere.statusCode).toBe(403);
    const mine = await t.call(caoBang, { method: 'POST', url: '/api/aid', payload: validBody({ governingAgencyId: undefined }) });
    expect(mine.statusCode).toBe(201);
    expect(mine.json().governingAgencyId).toBe('UBND:new34:04');
  });
});

describe('aid items: scope and roll-up across 01/07/2025', () => {
  let haGiang2023: { id: string };
  let caoBangItem: { id: string };
  let mpiItem: { id: string };

  beforeAll(async () => {
    haGiang2023 = await buildAidItem(t.db, {
      organisation_id: orgA.id,
      planned_start: '2023-02-01',
      planned_end: '2023-12-31',
      provinces: [['old63:02', '100']],
      approval_date: '2023-01-15',
      approval_decision_number: '5/QĐ-UBND',
    });
    caoBangItem = await buildAidItem(t.db, { organisation_id: orgB.id, planned_start: '2026-01-01', provinces: [['new34:04', '100']] });
    mpiItem = await buildAidItem(t.db, {
      organisation_id: orgB.id,
      governing_agency_id: 'MPI',
      provinces: [['old63:01', '100']],
      planned_start: '2022-01-01',
    });
    await t.db
      .insertInto('aid_transactions')
      .values([
        {
          aid_item_id: haGiang2023.id,
          kind: 'COMMITMENT',
          tx_date: '2023-01-20',
          amount: '50000',
          currency: 'USD',
          amount_usd: '50000',
          amount_vnd: '1180000000',
        },
        {
          aid_item_id: haGiang2023.id,
          kind: 'DISBURSEMENT',
          tx_date: '2023-06-30',
          amount: '12345.67',
          currency: 'USD',
          amount_usd: '12345.67',
          amount_vnd: '291357812',
        },
      ])
      .execute();
  });

  it('counts aid in Hà Giang in 2023 under Tuyên Quang, for the filter and for the province officer', async () => {
    const filtered = await t.call(central, { method: 'GET', url: '/api/aid?province=new34:08&year=2023' });
    expect(filtered.json().items.map((i: { id: string }) => i.id)).toEqual([haGiang2023.id]);
    expect(filtered.json().items[0]).toMatchObject({ provinces: ['new34:08'], committedUsd: '50000.00', disbursedUsd: '12345.67' });
    const oldId = await t.call(central, { method: 'GET', url: '/api/aid?province=old63:02' });
    expect(oldId.json().items.map((i: { id: string }) => i.id)).toEqual([haGiang2023.id]);

    const tuyenQuang = await t.signInAs('agency', { agencyId: 'UBND:new34:08' });
    const seen = await t.call(tuyenQuang, { method: 'GET', url: '/api/aid?pageSize=200' });
    const ids = seen.json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(haGiang2023.id);
    expect(ids).not.toContain(caoBangItem.id);
    expect((await t.call(tuyenQuang, { method: 'GET', url: `/api/aid/${caoBangItem.id}` })).statusCode).toBe(404);
    const detail = await t.call(tuyenQuang, { method: 'GET', url: `/api/aid/${haGiang2023.id}` });
    expect(detail.json().locations[0]).toMatchObject({
      provinceId: 'old63:02',
      nameVi: 'Hà Giang',
      currentId: 'new34:08',
      currentNameVi: 'Tuyên Quang',
    });
  });

  it("adds Hà Giang's 2023 money into Tuyên Quang's province totals (the province report figures)", async () => {
    const tuyenQuang = await t.signInAs('agency', { agencyId: 'UBND:new34:08' });
    const report = await t.call(tuyenQuang, { method: 'POST', url: '/api/reports/agency', payload: { kind: 'AGENCY_MAU04', year: 2023 } });
    expect(report.statusCode).toBe(201);
    expect(report.json().figures).toMatchObject({ aidItems: 1, organisations: 1, committedUsd: '50000.00', disbursedUsd: '12345.67' });
    const caoBang = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
    const other = await t.call(caoBang, { method: 'POST', url: '/api/reports/agency', payload: { kind: 'AGENCY_MAU04', year: 2023 } });
    expect(other.json().figures.disbursedUsd).toBe('0.00');
  });

  it('shows a ministry the aid governed by its predecessors (MPI → MOF), and a reviewer nothing it does not govern', async () => {
    const mof = await t.signInAs('agency', { agencyId: 'MOF' });
    const ids = (await t.call(mof, { method: 'GET', url: '/api/aid?pageSize=200' })).json().items.map((i: { id: string }) => i.id);
    expect(ids).toEqual([mpiItem.id]);
    const reviewer = await t.signInAs('reviewer', { agencyId: 'MPS' });
    expect((await t.call(reviewer, { method: 'GET', url: '/api/aid' })).json().total).toBe(0);
  });

  it('filters by year, sector, status (nothing lapses: the revocation flag), text without accents, and sorts by money', async () => {
    const lapsed = await buildAidItem(t.db, {
      organisation_id: orgB.id,
      status: 'APPROVED',
      approval_date: '2024-01-10',
      approval_decision_number: '9/QĐ',
      title_vi: 'Nước sạch cho trường học',
      provinces: [['old63:04', '100']],
      sectors: [['NLNN', '100']],
    });
    const byStatus = await t.call(central, { method: 'GET', url: '/api/aid?status=APPROVED&mayBeRevoked=true' });
    expect(byStatus.json().items.map((i: { id: string }) => i.id)).toEqual([lapsed.id]);
    expect(byStatus.json().items[0]).toMatchObject({ status: 'APPROVED', mayBeRevoked: true });
    expect((await t.call(central, { method: 'GET', url: '/api/aid?q=nuoc%20sach' })).json().items.map((i: { id: string }) => i.id)).toEqual(
      [lapsed.id],
    );
    expect((await t.call(central, { method: 'GET', url: '/api/aid?sector=NLNN' })).json().total).toBe(1);
    expect((await t.call(central, { method: 'GET', url: '/api/aid?year=2022' })).json().items.map((i: { id: string }) => i.id)).toEqual([
      mpiItem.id,
    ]);
    const sorted = await t.call(central, { method: 'GET', url: '/api/aid?sort=committedUsd&order=desc&pageSize=1' });
    expect(sorted.json().items[0].id).toBe(haGiang2023.id);
    expect(sorted.json().total).toBeGreaterThan(1);
  });

  it("shows the public approved aid only, without a private donor's name", async () => {
    await buildAidItem(t.db, {
      status: 'COMPLETED',
      other_donor_name: 'Nguyễn Văn Tư nhân',
      approval_date: '2021-01-01',
      provinces: [['old63:01', '100']],
    });
    const response = await t.app.inject({ method: 'GET', url: '/api/public/aid?pageSize=200' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i: { status: string }) => ['APPROVED', 'IMPLEMENTING', 'COMPLETED'].includes(i.status))).toBe(true);
    expect(response.body).not.toContain('Tư nhân');
    expect(items.some((i: { status: string }) => i.status === 'PIPELINE')).toBe(false);
  });
});
