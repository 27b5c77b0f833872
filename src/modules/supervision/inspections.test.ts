import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@domain/calendar/iso-date';
import { vietnamToday } from '@common/time/vietnam-today';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { multipart, pdf, useTempDataDir } from '../procedures/procedures.test-support';
import { createOrganisation, issue } from '../registry/registry.fixtures';

let t: TestContext;
let central: Session;
let caoBang: Session;
let haNoi: Session;
let hue: Session;
let org: { id: string };
let hueOnly: { id: string };
const today = vietnamToday();

// An NGO working in Cao Bằng (new34:04) and Hà Nội (new34:01); another only in Huế (new34:46).
beforeAll(async () => {
  useTempDataDir();
  t = await createTestContext();
  central = await t.signInAs('central');
  org = await createOrganisation(t, central);
  expect((await issue(t, central, org.id, { provinceIds: ['new34:04', 'new34:01'] })).statusCode).toBe(201);
  hueOnly = await createOrganisation(t, central);
  expect((await issue(t, central, hueOnly.id, { provinceIds: ['new34:46'] })).statusCode).toBe(201);
  caoBang = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
  haNoi = await t.signInAs('agency', { agencyId: 'UBND:new34:01' });
  hue = await t.signInAs('agency', { agencyId: 'UBND:new34:46' });
});
afterAll(async () => t.close());

const count = async (table: 'inspection_plans' | 'inspections' | 'inspection_findings' | 'inspection_actions' | 'audit_log') =>
  Number(
    (
      await t.db
        .selectFrom(table as 'audit_log')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const audits = async (action: string) => (await t.db.selectFrom('audit_log').select('id').where('action', '=', action).execute()).length;

const entry = (over: Record<string, unknown> = {}) => ({
  organisationId: org.id,
  kind: 'FIELD_VISIT',
  provinceIds: ['new34:04'],
  plannedFrom: '2026-05-04',
  plannedTo: '2026-05-06',
  ...over,
});
const plan = (session: Session, body: Record<string, unknown>) =>
  t.call(session, { method: 'POST', url: '/api/supervision/inspection-plans', payload: { year: 2026, title: 'Kế hoạch 2026', ...body } });
const visit = (over: Record<string, unknown> = {}) => ({
  organisationId: org.id,
  kind: 'KIEM_TRA',
  provinceIds: ['new34:04'],
  team: ['Nguyễn Văn A – Sở Ngoại vụ Cao Bằng'],
  startsOn: '2026-03-10',
  endsOn: '2026-03-12',
  scope: 'Dự án nước sạch',
  ...over,
});

describe('yearly inspection plans', () => {
  it('a province plans its own visits; it, a participating province and central see the plan, another province does not', async () => {
    const created = await plan(caoBang, { entries: [entry()] });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p.ownerAgency.id).toBe('UBND:new34:04');
    expect(p.entryList[0].leadAgency.id).toBe('UBND:new34:04');
    expect(p.canEdit).toBe(true);

    const list = async (s: Session) => (await t.call(s, { method: 'GET', url: '/api/supervision/inspection-plans?year=2026' })).json();
    expect((await list(caoBang)).items.map((x: { id: string }) => x.id)).toContain(p.id);
    expect((await list(central)).items.map((x: { id: string }) => x.id)).toContain(p.id);
    expect((await list(haNoi)).items.map((x: { id: string }) => x.id)).not.toContain(p.id);
    expect((await t.call(haNoi, { method: 'GET', url: `/api/supervision/inspection-plans/${p.id}` })).statusCode).toBe(404);

    // Hà Nội added as a participating agency: it sees the plan, read-only.
    const updated = await t.call(caoBang, {
      method: 'PUT',
      url: `/api/supervision/inspection-plans/${p.id}`,
      payload: { version: p.version, year: 2026, title: 'Kế hoạch 2026', entries: [entry({ agencyIds: ['UBND:new34:01'] })] },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const seen = await t.call(haNoi, { method: 'GET', url: `/api/supervision/inspection-plans/${p.id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().canEdit).toBe(false);
    const byHaNoi = await t.call(haNoi, {
      method: 'PUT',
      url: `/api/supervision/inspection-plans/${p.id}`,
      payload: { version: seen.json().version, year: 2026, title: 'x', entries: [] },
    });
    expect(byHaNoi.statusCode).toBe(403);
    expect(await audits('inspection_plan.update')).toBe(1);
  });

  it('refuses another province, an NGO outside the scope and another lead agency, writing nothing', async () => {
    const before = await count('inspection_plans');
    const other = await plan(caoBang, { entries: [entry({ provinceIds: ['new34:01'] })] });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('supervision_out_of_scope');
    const outside = await plan(caoBang, { entries: [entry({ organisationId: hueOnly.id })] });
    expect(outside.statusCode).toBe(403);
    const lead = await plan(caoBang, { entries: [entry({ leadAgencyId: 'UBND:new34:01' })] });
    expect(lead.statusCode).toBe(403);
    expect(await count('inspection_plans')).toBe(before);
  });

  it('answers 400 on bad input and writes nothing', async () => {
    const before = [await count('inspection_plans'), await count('audit_log')];
    const reversed = await plan(central, { entries: [entry({ leadAgencyId: 'UBND:new34:04', plannedTo: '2026-05-01' })] });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details.issues[0].path).toBe('body.entries.0.plannedTo');
    const otherYear = await plan(central, { entries: [entry({ leadAgencyId: 'UBND:new34:04', plannedFrom: '2025-05-01' })] });
    expect(otherYear.statusCode).toBe(400);
    const unknown = await plan(central, { entries: [entry({ leadAgencyId: 'UBND:new34:04', agencyIds: ['NOPE'] })] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('unknown_reference');
    const badKind = await plan(central, { entries: [entry({ kind: 'RAID' })] });
    expect(badKind.statusCode).toBe(400);
    expect(await count('inspection_plans')).toBe(before[0]);
    expect(await count('audit_log')).toBe(before[1]);
  });

  it('central plans any NGO with any lead agency', async () => {
    const created = await plan(central, {
      entries: [entry({ organisationId: hueOnly.id, provinceIds: ['new34:46'], leadAgencyId: 'UBND:new34:46' })],
    });
    expect(created.statusCode, created.body).toBe(201);
    const list = (await t.call(hue, { method: 'GET', url: '/api/supervision/inspection-plans' })).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([created.json().id]);
  });
});

describe('inspections and field visits', () => {
  let id: string;
  let version: number;

  it('a province records a visit with a finding, a follow-up action (overdue) and a document', async () => {
    const created = await t.call(caoBang, { method: 'POST', url: '/api/supervision/inspections', payload: visit() });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    const finding = await t.call(caoBang, {
      method: 'POST',
      url: `/api/supervision/inspections/${id}/findings`,
      payload: { description: 'Hoạt động ngoài địa bàn đăng ký', recommendation: 'Bổ sung địa bàn' },
    });
    expect(finding.statusCode, finding.body).toBe(201);
    const findingId = finding.json().findingList[0].id;
    const action = await t.call(caoBang, {
      method: 'POST',
      url: `/api/supervision/inspections/${id}/actions`,
      payload: { description: 'Nộp báo cáo khắc phục', ownerAgencyId: 'UBND:new34:04', dueDate: '2026-04-10', findingId },
    });
    expect(action.statusCode, action.body).toBe(201);
    expect(action.json().actions[0]).toMatchObject({ status: 'OPEN', overdue: today > '2026-04-10', canChangeStatus: true });
    expect(action.json().overdueActions).toBe(today > '2026-04-10' ? 1 : 0);
    const upload = await t.call(caoBang, {
      method: 'POST',
      url: `/api/supervision/inspections/${id}/documents`,
      ...multipart('bien-ban.pdf', pdf('minutes')),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const download = await t.call(caoBang, { method: 'GET', url: `/api/supervision/inspections/${id}/documents/${upload.json().id}` });
    expect(download.statusCode).toBe(200);
    expect(download.body).toContain('minutes');
    expect(await audits('inspection.create')).toBe(1);
    expect(await audits('inspection.finding.create')).toBe(1);
    expect(await audits('inspection.action.create')).toBe(1);
    expect(await audits('inspection.document.upload')).toBe(1);
  });

  it('scope: the lead province and central see it, another province does not; the overdue filter finds it', async () => {
    const ids = async (s: Session, q = '') =>
      (await t.call(s, { method: 'GET', url: `/api/supervision/inspections${q}` })).json().items.map((x: { id: string }) => x.id);
    expect(await ids(caoBang)).toContain(id);
    expect(await ids(central)).toContain(id);
    expect(await ids(haNoi)).not.toContain(id);
    expect((await t.call(haNoi, { method: 'GET', url: `/api/supervision/inspections/${id}` })).statusCode).toBe(404);
    expect(
      (await t.call(haNoi, { method: 'POST', url: `/api/supervision/inspections/${id}/findings`, payload: { description: 'x' } }))
        .statusCode,
    ).toBe(404);
    if (today > '2026-04-10') expect(await ids(central, '?state=overdue')).toEqual([id]);
    const page = (await t.call(central, { method: 'GET', url: '/api/supervision/inspections?pageSize=1' })).json();
    expect(page).toMatchObject({ page: 1, pageSize: 1, total: 1 });
    const ngo = await t.signInAs('ngo', { organisationId: org.id });
    expect((await t.call(ngo, { method: 'GET', url: '/api/supervision/inspections' })).statusCode).toBe(403);
  });

  it("shows the findings on the NGO's record, with the link to propose a sanction", async () => {
    const forCentral = (await t.call(central, { method: 'GET', url: `/api/organisations/${org.id}/inspection-findings` })).json();
    expect(forCentral.items).toHaveLength(1);
    expect(forCentral.items[0]).toMatchObject({ description: 'Hoạt động ngoài địa bàn đăng ký', inspectionId: id, openActions: 1 });
    expect(forCentral.sanctionUrl).toBe(`/supervision/sanctions/new?organisationId=${org.id}`);
    const forCaoBang = (await t.call(caoBang, { method: 'GET', url: `/api/organisations/${org.id}/inspection-findings` })).json();
    expect(forCaoBang.items).toHaveLength(1);
    expect(forCaoBang.sanctionUrl).toBe(`/supervision/sanctions/new?organisationId=${org.id}`);
    const forHaNoi = (await t.call(haNoi, { method: 'GET', url: `/api/organisations/${org.id}/inspection-findings` })).json();
    expect(forHaNoi.items).toEqual([]);
    expect((await t.call(hue, { method: 'GET', url: `/api/organisations/${org.id}/inspection-findings` })).statusCode).toBe(404);
  });

  it('refuses to close with an open action, closes once done, and is read-only afterwards', async () => {
    let detail = (await t.call(caoBang, { method: 'GET', url: `/api/supervision/inspections/${id}` })).json();
    const refused = await t.call(caoBang, {
      method: 'POST',
      url: `/api/supervision/inspections/${id}/close`,
      payload: { version: detail.version, summary: 'Kết luận' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('inspection_actions_open');
    const future = await t.call(caoBang, {
      method: 'POST',
      url: `/api/supervision/inspections/${id}/actions/${detail.actions[0].id}/status`,
      payload: { version: detail.actions[0].version, status: 'DONE', doneOn: addDays(today, 1) },
    });
    expect(future.statusCode).toBe(400);
    const done = await t.call(caoBang, {
      method: 'POST',
      url: `/api/supervision/inspections/${id}/actions/${detail.actions[0].id}/status`,
      payload: { version: detail.actions[0].version, status: 'DONE', doneOn: '2026-04-09' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().actions[0]).toMatchObject({ status: 'DONE', overdue: false });
    detail = done.json();
    const closed = await t.call(caoBang, {
      method: 'POST',
      url: `/api/supervision/inspections/${id}/close`,
      payload: { version: detail.version, closedOn: '2026-04-20', summary: 'Tổ chức đã khắc phục' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ closedOn: '2026-04-20', closureSummary: 'Tổ chức đã khắc phục', canEdit: false });
    version = closed.json().version;

    const before = [await count('inspection_findings'), await count('inspection_actions'), await count('audit_log')];
    const writes = [
      await t.call(caoBang, { method: 'POST', url: `/api/supervision/inspections/${id}/findings`, payload: { description: 'late' } }),
      await t.call(central, {
        method: 'PUT',
        url: `/api/supervision/inspections/${id}`,
        payload: { ...visit({ leadAgencyId: 'UBND:new34:04' }), version },
      }),
      await t.call(caoBang, {
        method: 'POST',
        url: `/api/supervision/inspections/${id}/actions/${detail.actions[0].id}/status`,
        payload: { version: detail.actions[0].version + 1, status: 'OPEN' },
      }),
      await t.call(caoBang, { method: 'POST', url: `/api/supervision/inspections/${id}/documents`, ...multipart('late.pdf', pdf('late')) }),
      await t.call(caoBang, { method: 'POST', url: `/api/supervision/inspections/${id}/close`, payload: { version, summary: 'again' } }),
    ];
    expect(writes.map((w) => [w.statusCode, w.json().error.code])).toEqual(Array(5).fill([409, 'inspection_closed']));
    expect([await count('inspection_findings'), await count('inspection_actions'), await count('audit_log')]).toEqual(before);
    expect(await audits('inspection.close')).toBe(1);
  });

  it('answers 400 on bad input and writes nothing', async () => {
    const before = [await count('inspections'), await count('audit_log')];
    const bad = [
      await t.call(caoBang, { method: 'POST', url: '/api/supervision/inspections', payload: visit({ endsOn: '2026-03-01' }) }),
      await t.call(caoBang, { method: 'POST', url: '/api/supervision/inspections', payload: visit({ startsOn: '2026-02-30' }) }),
      await t.call(caoBang, { method: 'POST', url: '/api/supervision/inspections', payload: visit({ provinceIds: ['old63:99x'] }) }),
      await t.call(caoBang, { method: 'POST', url: '/api/supervision/inspections', payload: visit({ team: 'one person' }) }),
    ];
    expect(bad.map((r) => r.statusCode)).toEqual([400, 400, 400, 400]);
    const outside = await t.call(caoBang, {
      method: 'POST',
      url: '/api/supervision/inspections',
      payload: visit({ organisationId: hueOnly.id }),
    });
    expect(outside.statusCode).toBe(403);
    expect([await count('inspections'), await count('audit_log')]).toEqual(before);
  });
});
