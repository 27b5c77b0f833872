import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { buildAidItem, buildOrganisation } from '@modules/aid/aid.fixtures';
import { createOrganisation, issue } from '@modules/registry/registry.fixtures';

let t: TestContext;
let central: Session;
let caoBang: Session;
let haNoi: Session;
let ngoA: Session;
let ngoB: Session;
let orgA: { id: string };

const proposal = (overrides: Record<string, unknown> = {}) => ({
  titleVi: 'Nâng cấp trạm y tế xã vùng cao',
  titleEn: 'Upgrading upland commune health stations',
  summaryVi: 'Trang thiết bị và đào tạo cho 12 trạm y tế xã.',
  programmeCode: 'NP-2026-2030',
  priorityCode: 'HEALTH',
  sectorCode: 'YTE',
  provinceIds: ['new34:04'],
  beneficiaries: '24.000 người dân tộc thiểu số',
  budget: '450000.50',
  currency: 'USD',
  durationMonths: 24,
  counterpartAmount: '50000',
  contactOffice: 'Sở Ngoại vụ Cao Bằng',
  ...overrides,
});

const post = (session: Session | null, url: string, payload: Record<string, unknown>) => t.call(session, { method: 'POST', url, payload });
const get = (session: Session | null, url: string) => t.call(session, { method: 'GET', url });
const act = async (session: Session, id: string, action: string, comment?: string) => {
  const version = (await get(central, `/api/needs/${id}`)).json().version;
  return post(session, `/api/needs/${id}/actions`, { action, version, comment });
};

/** Files, submits and publishes a proposal; returns its id. */
async function published(session: Session, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await post(session, '/api/needs', proposal(overrides));
  expect(created.statusCode).toBe(201);
  const id = created.json().id;
  expect((await act(session, id, 'submit')).statusCode).toBe(200);
  expect((await act(central, id, 'publish')).statusCode).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
  caoBang = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
  haNoi = await t.signInAs('agency', { agencyId: 'UBND:new34:01' });
  orgA = await buildOrganisation(t.db, { name: 'Tổ chức A' });
  const orgB = await buildOrganisation(t.db, { name: 'Tổ chức B' });
  ngoA = await t.signInAs('ngo', { organisationId: orgA.id });
  ngoB = await t.signInAs('ngo', { organisationId: orgB.id });
});
afterAll(async () => t.close());

describe('proposing: scope', () => {
  it('lets a province propose for its own territory only (403 proposal_outside_province otherwise), audited', async () => {
    const outside = await t.call(caoBang, {
      method: 'POST',
      url: '/api/needs',
      headers: { 'accept-language': 'en' },
      payload: proposal({ titleVi: 'Ngoài địa bàn', provinceIds: ['new34:04', 'new34:01'] }),
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error).toMatchObject({ code: 'proposal_outside_province', details: { provinceIds: ['new34:01'] } });
    expect(outside.json().error.message).toMatch(/own territory/);
    expect(await t.db.selectFrom('need_proposals').select('id').where('title_vi', '=', 'Ngoài địa bàn').execute()).toHaveLength(0);

    const created = await post(caoBang, '/api/needs', proposal());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      status: 'DRAFT',
      proposedBy: 'UBND:new34:04',
      budget: '450000.50',
      actions: ['submit'],
      editable: true,
    });
    expect(created.json().code).toMatch(/^NC-\d{4}-\d{4}$/);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', created.json().id).execute();
    expect(audit.map((a) => a.action)).toEqual(['need_proposal.create']);
  });

  it('refuses NGOs (403), unknown codes (400) and a sector outside the priority field (400)', async () => {
    expect((await post(ngoA, '/api/needs', proposal())).statusCode).toBe(403);
    const unknown = await post(
      central,
      '/api/needs',
      proposal({ proposingAgencyId: 'MOH', sectorCode: 'NOPE', priorityCode: null, programmeCode: null }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('unknown_reference');
    const mismatch = await post(central, '/api/needs', proposal({ proposingAgencyId: 'MOH', sectorCode: 'GDDT' }));
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.details.issues[0].path).toBe('body.sectorCode');
  });

  it('hides drafts from other agencies and from the public (404), and lists only published proposals publicly', async () => {
    const draft = (await post(caoBang, '/api/needs', proposal({ titleVi: 'Bản nháp riêng' }))).json();
    expect((await get(haNoi, `/api/needs/${draft.id}`)).statusCode).toBe(404);
    expect((await get(null, `/api/public/needs/${draft.id}`)).statusCode).toBe(404);
    expect((await get(ngoA, `/api/needs/${draft.id}`)).statusCode).toBe(404);
    const list = (await get(null, '/api/public/needs?q=ban nhap rieng')).json();
    expect(list.total).toBe(0);
    expect((await get(caoBang, '/api/needs?mine=true&q=ban nhap rieng')).json().total).toBe(1);
    expect((await get(haNoi, '/api/needs?mine=false&q=ban nhap rieng')).json().total).toBe(0);
    expect((await get(central, '/api/needs?mine=false&q=ban nhap rieng')).json().total).toBe(1);
  });
});

describe('review workflow', () => {
  it('goes draft → submitted → changes requested (comment) → resubmitted → published, each step audited', async () => {
    const id = (await post(caoBang, '/api/needs', proposal({ titleVi: 'Nước sạch cho trường học' }))).json().id;
    expect((await act(caoBang, id, 'submit')).json().status).toBe('SUBMITTED');
    const selfPublish = await act(caoBang, id, 'publish');
    expect(selfPublish.statusCode).toBe(403);
    expect(selfPublish.json().error.details.rule).toBe('transition_role_not_allowed');
    expect((await act(central, id, 'request_changes')).statusCode).toBe(400);
    const returned = await act(central, id, 'request_changes', 'Bổ sung phần vốn đối ứng');
    expect(returned.json()).toMatchObject({ status: 'CHANGES_REQUESTED', reviewComment: 'Bổ sung phần vốn đối ứng' });
    const version = (await get(caoBang, `/api/needs/${id}`)).json().version;
    const edited = await t.call(caoBang, { method: 'PATCH', url: `/api/needs/${id}`, payload: { version, counterpartAmount: '80000' } });
    expect(edited.statusCode).toBe(200);
    const stale = await t.call(caoBang, { method: 'PATCH', url: `/api/needs/${id}`, payload: { version, counterpartAmount: '1' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    expect((await act(caoBang, id, 'submit')).statusCode).toBe(200);
    const publishedDetail = (await act(central, id, 'publish')).json();
    expect(publishedDetail).toMatchObject({ status: 'PUBLISHED', counterpartAmount: '80000', editable: false });
    expect(publishedDetail.events.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'DRAFT',
      'SUBMITTED',
      'CHANGES_REQUESTED',
      'SUBMITTED',
      'PUBLISHED',
    ]);
    const locked = await t.call(caoBang, {
      method: 'PATCH',
      url: `/api/needs/${id}`,
      payload: { version: publishedDetail.version, budget: '1' },
    });
    expect(locked.statusCode).toBe(422);
    const publicView = (await get(null, `/api/public/needs/${id}`)).json();
    expect(publicView).toMatchObject({ status: 'PUBLISHED', events: [], reviewComment: null, actions: [] });
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'need_proposal.create',
      'need_proposal.submit',
      'need_proposal.request_changes',
      'need_proposal.update',
      'need_proposal.submit',
      'need_proposal.publish',
    ]);
  });

  it('declines with a reason, which stays out of the public catalogue', async () => {
    const id = (await post(caoBang, '/api/needs', proposal({ titleVi: 'Đề xuất bị từ chối' }))).json().id;
    await act(caoBang, id, 'submit');
    expect((await act(central, id, 'decline', 'Không thuộc lĩnh vực ưu tiên')).json().status).toBe('DECLINED');
    expect((await get(null, `/api/public/needs/${id}`)).statusCode).toBe(404);
  });
});

describe('GET /api/public/needs (contract)', () => {
  it('answers the contract shape, matches with or without accents, filters and paginates', async () => {
    await published(central, {
      proposingAgencyId: 'MOH',
      titleVi: 'Y tế cơ sở miền núi',
      titleEn: 'Mountain primary care',
      provinceIds: ['new34:11'],
    });
    await published(central, {
      proposingAgencyId: 'MOET',
      titleVi: 'Trường học an toàn',
      titleEn: 'Safe schools',
      summaryVi: 'Cải tạo lớp học và sân trường.',
      programmeCode: 'NP-2026-2030',
      priorityCode: 'EDU_HR',
      sectorCode: 'GDDT',
      provinceIds: ['new34:11', 'new34:12'],
    });
    const search = (await get(null, '/api/public/needs?q=y te')).json();
    expect(search.items.map((i: { titleVi: string }) => i.titleVi)).toContain('Y tế cơ sở miền núi');
    expect(search.items.map((i: { titleVi: string }) => i.titleVi)).not.toContain('Trường học an toàn');
    expect((await get(null, `/api/public/needs?q=${encodeURIComponent('Y TẾ CƠ SỞ')}`)).json().total).toBe(1);
    const item = search.items.find((i: { titleVi: string }) => i.titleVi === 'Y tế cơ sở miền núi');
    expect(Object.keys(item)).toEqual(
      expect.arrayContaining([
        'id',
        'code',
        'titleVi',
        'titleEn',
        'provinceIds',
        'sectorCode',
        'budget',
        'currency',
        'status',
        'proposedBy',
      ]),
    );
    expect(item).toMatchObject({
      provinceIds: ['new34:11'],
      sectorCode: 'YTE',
      budget: '450000.50',
      currency: 'USD',
      status: 'PUBLISHED',
      proposedBy: 'MOH',
    });

    const province = (await get(null, '/api/public/needs?province=new34:11')).json();
    expect(province.total).toBe(2);
    // An old province reads as the unit it rolled up to (old63:12 Lai Châu → new34:12).
    expect((await get(null, '/api/public/needs?province=old63:12')).json().total).toBe(1);
    expect((await get(null, '/api/public/needs?province=new34:11&sector=GDDT')).json().total).toBe(1);
    const page1 = (await get(null, '/api/public/needs?province=new34:11&pageSize=1&page=1')).json();
    const page2 = (await get(null, '/api/public/needs?province=new34:11&pageSize=1&page=2')).json();
    expect([page1.items.length, page2.items.length, page1.total]).toEqual([1, 1, 2]);
    expect(page1.items[0].id).not.toBe(page2.items[0].id);
    expect((await get(null, '/api/public/needs?pageSize=500')).statusCode).toBe(400);
  });
});

describe('interests, funding and suggestions', () => {
  it('lets an NGO express interest once; it sees only its own, the province sees all and marks them', async () => {
    const id = await published(caoBang, { titleVi: 'Sinh kế cho phụ nữ' });
    const interest = await post(ngoA, `/api/needs/${id}/interests`, { message: 'Chúng tôi có thể tài trợ một phần', contactName: 'Ms A' });
    expect(interest.statusCode).toBe(201);
    expect(interest.json()).toMatchObject({ status: 'NEW', organisationId: orgA.id });
    expect((await post(ngoA, `/api/needs/${id}/interests`, { message: 'again', contactName: 'Ms A' })).statusCode).toBe(409);
    expect((await post(ngoB, `/api/needs/${id}/interests`, { message: 'B too', contactName: 'Mr B' })).statusCode).toBe(201);

    const seenByA = (await get(ngoA, `/api/needs/${id}/interests`)).json().items;
    expect(seenByA.map((i: { organisationId: string }) => i.organisationId)).toEqual([orgA.id]);
    expect((await get(ngoB, '/api/need-interests')).json().items.map((i: { contactName: string }) => i.contactName)).toEqual(['Mr B']);
    expect((await get(caoBang, `/api/needs/${id}/interests`)).json().items).toHaveLength(2);
    expect((await get(haNoi, `/api/needs/${id}/interests`)).json().items).toHaveLength(0);

    const a = seenByA[0];
    expect(
      (await t.call(ngoA, { method: 'PATCH', url: `/api/need-interests/${a.id}`, payload: { version: a.version, status: 'AGREED' } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.call(haNoi, { method: 'PATCH', url: `/api/need-interests/${a.id}`, payload: { version: a.version, status: 'AGREED' } }))
        .statusCode,
    ).toBe(404);
    const marked = await t.call(caoBang, {
      method: 'PATCH',
      url: `/api/need-interests/${a.id}`,
      payload: { version: a.version, status: 'IN_TALKS' },
    });
    expect(marked.json()).toMatchObject({ status: 'IN_TALKS', version: a.version + 1 });
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', a.id).orderBy('id').execute();
    expect(audit.map((r) => r.action)).toEqual(['need_interest.create', 'need_interest.update']);

    const draft = (await post(caoBang, '/api/needs', proposal())).json().id;
    expect((await post(ngoA, `/api/needs/${draft}/interests`, { message: 'x', contactName: 'y' })).statusCode).toBe(404);
  });

  it('links a funding aid item: the proposal is FUNDED and the amount mobilised is tracked against the budget', async () => {
    const id = await published(caoBang, { titleVi: 'Cầu dân sinh', budget: '100000' });
    const item = await buildAidItem(t.db, { organisation_id: orgA.id, provinces: [['new34:04', '100']] });
    const linked = await post(caoBang, `/api/needs/${id}/fundings`, { aidItemId: item.id, amount: '60000.25' });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({ status: 'FUNDED', mobilised: '60000.25', budget: '100000' });
    expect(linked.json().fundings[0]).toMatchObject({ aidItemId: item.id, aidItemCode: item.code });
    expect((await post(caoBang, `/api/needs/${id}/fundings`, { aidItemId: item.id, amount: '1' })).statusCode).toBe(409);
    const pub = (await get(null, `/api/public/needs/${id}`)).json();
    expect(pub).toMatchObject({ status: 'FUNDED', mobilised: '60000.25' });
    expect((await get(null, '/api/public/needs?q=cau dan sinh')).json().items[0].status).toBe('FUNDED');
    const draft = (await post(caoBang, '/api/needs', proposal())).json().id;
    expect((await post(caoBang, `/api/needs/${draft}/fundings`, { aidItemId: item.id, amount: '1' })).statusCode).toBe(422);
  });

  it('suggests NGOs with the reasons: a certificate in force for the province and field ranks first', async () => {
    const id = await published(caoBang, { titleVi: 'Phục hồi chức năng' });
    const covered = await createOrganisation(t, central, { nameOriginal: 'Covered NGO' });
    expect((await issue(t, central, covered.id, { provinceIds: ['new34:04'], sectorCodes: ['YTE'] })).statusCode).toBe(201);
    const fieldOnly = await createOrganisation(t, central, { nameOriginal: 'Field Only NGO' });
    expect((await issue(t, central, fieldOnly.id, { provinceIds: ['new34:01'], sectorCodes: ['YTE'] })).statusCode).toBe(201);
    const response = await get(caoBang, `/api/needs/${id}/suggestions`);
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items[0]).toMatchObject({ organisationId: covered.id, reasons: [{ code: 'CERTIFICATE_PROVINCE_AND_FIELD', points: 40 }] });
    const field = items.find((m: { organisationId: string }) => m.organisationId === fieldOnly.id);
    expect(field.reasons.map((r: { code: string }) => r.code)).toEqual(['CERTIFICATE_FIELD']);
    expect((await get(ngoA, `/api/needs/${id}/suggestions`)).statusCode).toBe(403);

    // Seen from the NGO: the proposal is suggested to it for the same reason, until it answers it.
    const coveredNgo = await t.signInAs('ngo', { organisationId: covered.id });
    const forNgo = (await get(coveredNgo, '/api/needs/suggested')).json().items;
    expect(forNgo.find((m: { proposalId: string }) => m.proposalId === id)).toMatchObject({
      reasons: [{ code: 'CERTIFICATE_PROVINCE_AND_FIELD', points: 40 }],
    });
    expect((await post(coveredNgo, `/api/needs/${id}/interests`, { message: 'Yes', contactName: 'C' })).statusCode).toBe(201);
    const after = (await get(coveredNgo, '/api/needs/suggested')).json().items;
    expect(after.map((m: { proposalId: string }) => m.proposalId)).not.toContain(id);
  });
});
