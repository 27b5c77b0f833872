import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { vietnamToday } from '@common/time/vietnam-today';
import { addMonths } from '@domain/reporting';
import { buildAidItem, buildOrganisation } from './aid.fixtures';

/**
 * Issue 13 §1: adjustments of approved aid (D80 Art. 16) as a procedure: the aid owner files, the original approver
 * (or MOF, for a change that makes it a Prime Minister case) approves or refuses; an approval changes the item
 * (new version, audited), and the request stays on the item as its history.
 */
const today = vietnamToday();
const plusDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

let t: TestContext;
let donor: { id: string };
let owner: Session;
let otherOwner: Session;
let moh: Session;
let mof: Session;
let ngo: Session;

const approvedItem = () =>
  buildAidItem(t.db, {
    organisation_id: donor.id,
    status: 'APPROVED',
    approval_date: addMonths(today, -2),
    approval_decision_number: '31/QĐ-BYT',
    governing_agency_id: 'MOH',
    aid_owner_name: 'Hội Chữ thập đỏ Việt Nam',
    planned_start: addMonths(today, -1),
    planned_end: addMonths(today, 11),
    provinces: [['new34:04', '100']],
  });

const file = (session: Session, itemId: string, body: Record<string, unknown>) =>
  t.call(session, { method: 'POST', url: `/api/aid/${itemId}/adjustments`, payload: { reason: 'Nhà tài trợ gia hạn dự án', ...body } });
const decide = (session: Session, id: string, body: Record<string, unknown>) =>
  t.call(session, {
    method: 'POST',
    url: `/api/aid/adjustments/${id}/decision`,
    payload: { version: 1, decision: 'APPROVE', decisionNumber: '55/QĐ-BYT', decisionDate: today, ...body },
  });

beforeAll(async () => {
  t = await createTestContext();
  donor = await buildOrganisation(t.db, { name: 'Adjusting Donor' });
  owner = await t.signInAs('owner', { agencyId: 'VRC' });
  otherOwner = await t.signInAs('owner', { agencyId: 'VWU' });
  moh = await t.signInAs('agency', { agencyId: 'MOH' });
  mof = await t.signInAs('agency', { agencyId: 'MOF' });
  ngo = await t.signInAs('ngo', { organisationId: donor.id });
});
afterAll(async () => t.close());

describe('aid adjustments (D80 Art. 16)', () => {
  it('goes from the aid owner back to the approver, who approves: the item changes, versioned, audited, with its history', async () => {
    const item = await approvedItem();
    const newEnd = addMonths(today, 23);
    const filed = await file(owner, item.id, { changes: { plannedEnd: newEnd, provinceIds: ['new34:04', 'new34:01'] } });
    expect(filed.statusCode).toBe(201);
    const [request] = filed.json().items;
    expect(request).toMatchObject({
      status: 'FILED',
      approverAgencyId: 'MOH',
      pmLevel: false,
      filedOn: today,
      dueDate: plusDays(today, 20),
      procedureVersion: 'AID_ADJUSTMENT@D313-2025',
      before: { plannedEnd: item.planned_end, provinceIds: ['new34:04'] },
    });
    // Nothing on the item changes before the decision; a second request waits for the first.
    expect((await t.call(owner, { method: 'GET', url: `/api/aid/${item.id}` })).json()).toMatchObject({
      plannedEnd: item.planned_end,
      version: 1,
      abilities: { fileAdjustment: false },
    });
    expect((await file(owner, item.id, { changes: { titleVi: 'Tên mới của dự án' } })).json().error.code).toBe(
      'aid_adjustment_not_allowed',
    );
    // The approver is told and sees it in its queue; MOF (not the approver) is refused.
    const mohUsers = await t.db.selectFrom('users').select('id').where('agency_id', '=', 'MOH').execute();
    const told = await t.db.selectFrom('notifications').select('user_id').where('kind', '=', 'AID_ADJUSTMENT_FILED').execute();
    expect(told.map((n) => n.user_id).sort()).toEqual(mohUsers.map((u) => u.id).sort());
    expect((await t.call(moh, { method: 'GET', url: '/api/aid/adjustments' })).json().items).toEqual([
      expect.objectContaining({ id: request.id, mayDecide: true, overdue: false }),
    ]);
    expect((await decide(mof, request.id, {})).statusCode).toBe(403);
    expect((await decide(ngo, request.id, {})).statusCode).toBe(403);
    // Bad input: a decision dated in the future changes nothing.
    expect((await decide(moh, request.id, { decisionDate: plusDays(today, 3) })).statusCode).toBe(400);
    expect((await t.db.selectFrom('aid_adjustments').select('status').where('id', '=', request.id).executeTakeFirstOrThrow()).status).toBe(
      'FILED',
    );

    expect((await decide(moh, request.id, {})).statusCode).toBe(200);
    const after = (await t.call(owner, { method: 'GET', url: `/api/aid/${item.id}` })).json();
    expect(after).toMatchObject({ plannedEnd: newEnd, version: 2, abilities: { fileAdjustment: true } });
    expect(after.locations.map((l: { provinceId: string; share: string }) => [l.provinceId, l.share]).sort()).toEqual([
      ['new34:01', '50.00'],
      ['new34:04', '50.00'],
    ]);
    const history = (await t.call(owner, { method: 'GET', url: `/api/aid/${item.id}/adjustments` })).json().items;
    expect(history).toEqual([
      expect.objectContaining({
        status: 'APPROVED',
        decisionNumber: '55/QĐ-BYT',
        changes: { plannedEnd: newEnd, provinceIds: ['new34:04', 'new34:01'] },
        before: { plannedEnd: item.planned_end, provinceIds: ['new34:04'] },
      }),
    ]);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', 'in', [item.id, request.id]).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['aid_adjustment.approve', 'aid_adjustment.file', 'aid_item.adjust']);
    const ownerNotices = await t.db
      .selectFrom('notifications')
      .select('params')
      .where('user_id', '=', owner.userId)
      .where('kind', '=', 'AID_ADJUSTMENT_DECIDED')
      .execute();
    expect(ownerNotices.map((n) => (n.params as { outcome: string }).outcome)).toEqual(['APPROVED']);
    // Decided once: a second decision is refused.
    expect((await decide(moh, request.id, { version: 2 })).json().error.code).toBe('aid_adjustment_decided');
  });

  it('sends a change that makes it a Prime Minister case to MOF, which may refuse: the item stays as it was', async () => {
    const item = await approvedItem();
    const filed = await file(owner, item.id, { changes: { other: 'Bổ sung 2 xe cứu thương đã qua sử dụng' }, pmSubjects: ['USED_GOODS'] });
    expect(filed.statusCode).toBe(201);
    const [request] = filed.json().items;
    expect(request).toMatchObject({ approverAgencyId: 'MOF', pmLevel: true });
    // MOF reads the item it decides on, and the governing ministry no longer decides this one.
    expect((await t.call(mof, { method: 'GET', url: `/api/aid/${item.id}` })).statusCode).toBe(200);
    expect((await decide(moh, request.id, {})).statusCode).toBe(403);
    expect(
      (await decide(mof, request.id, { decision: 'REFUSE', decisionNumber: '9/BTC-QLN', note: 'Không đủ điều kiện' })).statusCode,
    ).toBe(200);
    const after = (await t.call(owner, { method: 'GET', url: `/api/aid/${item.id}` })).json();
    expect(after).toMatchObject({ version: 1, titleVi: item.title_vi });
    const [history] = (await t.call(owner, { method: 'GET', url: `/api/aid/${item.id}/adjustments` })).json().items;
    expect(history).toMatchObject({ status: 'REFUSED', decisionNote: 'Không đủ điều kiện' });
  });

  it('marks a request still open after its 20 days overdue, and refuses to apply one to an item revoked meanwhile', async () => {
    const item = await approvedItem();
    const [request] = (await file(owner, item.id, { changes: { titleVi: 'Tên điều chỉnh muộn' } })).json().items;
    await t.db
      .updateTable('aid_adjustments')
      .set({ filed_on: plusDays(today, -30), due_date: plusDays(today, -10) })
      .where('id', '=', request.id)
      .execute();
    expect((await t.call(owner, { method: 'GET', url: `/api/aid/${item.id}/adjustments` })).json().items[0]).toMatchObject({
      overdue: true,
    });
    await t.db.updateTable('aid_items').set({ status: 'REVOKED' }).where('id', '=', item.id).execute();
    expect((await decide(moh, request.id, {})).json().error.code).toBe('aid_adjustment_not_allowed');
    expect((await t.db.selectFrom('aid_items').select('title_vi').where('id', '=', item.id).executeTakeFirstOrThrow()).title_vi).toBe(
      item.title_vi,
    );
  });

  it("refuses bad requests with nothing stored, another owner's item (404), the donor (403), an item not approved (422)", async () => {
    const item = await approvedItem();
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('aid_adjustments')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('aid_item_id', '=', item.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const empty = await file(owner, item.id, { changes: {} });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.issues[0].path).toBe('body.changes');
    const reversed = await file(owner, item.id, { changes: { plannedEnd: addMonths(today, -3) } });
    expect(reversed.statusCode).toBe(400);
    expect((await file(owner, item.id, { changes: { provinceIds: ['new34:99'] } })).statusCode).toBe(400);
    expect((await file(owner, item.id, { changes: { value: '100' } })).statusCode).toBe(400);
    expect(await count()).toBe(0);
    expect((await file(otherOwner, item.id, { changes: { titleVi: 'Tên khác hẳn' } })).statusCode).toBe(404);
    expect((await file(ngo, item.id, { changes: { titleVi: 'Tên khác hẳn' } })).statusCode).toBe(403);
    const draft = await buildAidItem(t.db, { organisation_id: donor.id, status: 'PIPELINE', aid_owner_name: 'Hội Chữ thập đỏ Việt Nam' });
    expect((await file(owner, draft.id, { changes: { titleVi: 'Tên khác hẳn' } })).json().error.code).toBe('aid_adjustment_not_allowed');
    expect(await count()).toBe(0);
  });
});
