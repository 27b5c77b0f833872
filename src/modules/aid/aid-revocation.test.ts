import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { vietnamToday } from '@common/time/vietnam-today';
import { addMonths } from '@domain/reporting';
import { buildAidItem, buildMoney, buildOrganisation } from './aid.fixtures';

/**
 * Issue 13 §1: nothing lapses by itself (D80 Art. 4.7). An approved item not started six months after approval stays
 * APPROVED and public, flagged "may be revoked"; its approver (and only it) records a revocation decision; the aid
 * owner (role `owner`) reads its own aid and nobody else's.
 */
const today = vietnamToday();

let t: TestContext;
let donor: { id: string };
let moh: Session;
let province: Session;
let ngo: Session;
let owner: Session;
let ownerUserId: string;
let ngoUserId: string;

const stale = (overrides: Parameters<typeof buildAidItem>[1] = {}) =>
  buildAidItem(t.db, {
    organisation_id: donor.id,
    status: 'APPROVED',
    approval_date: addMonths(today, -7),
    approval_decision_number: '12/QĐ-BYT',
    governing_agency_id: 'MOH',
    aid_owner_name: 'Hội Chữ thập đỏ Việt Nam',
    actual_start: null,
    planned_start: addMonths(today, -6),
    planned_end: addMonths(today, 12),
    provinces: [['new34:04', '100']],
    ...overrides,
  });

const revoke = (session: Session | null, id: string, body: Record<string, unknown>) =>
  t.call(session, {
    method: 'POST',
    url: `/api/aid/${id}/revocation`,
    payload: { decisionNumber: '7/QĐ-BYT', decisionDate: today, reason: 'Chưa triển khai sau 6 tháng', ...body },
  });

beforeAll(async () => {
  t = await createTestContext();
  donor = await buildOrganisation(t.db, { name: 'Helping Hands' });
  moh = await t.signInAs('agency', { agencyId: 'MOH' });
  province = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
  ngo = await t.signInAs('ngo', { organisationId: donor.id });
  ngoUserId = ngo.userId;
  owner = await t.signInAs('owner', { agencyId: 'VRC' });
  ownerUserId = owner.userId;
});
afterAll(async () => t.close());

describe('aid revocation (D80 Art. 4.7)', () => {
  it('keeps an item not started seven months after approval APPROVED and public, flagged "may be revoked"', async () => {
    const item = await stale({ title_vi: 'Nhà tránh lũ chưa khởi công' });
    const fresh = await stale({ approval_date: addMonths(today, -1) });
    const listed = (await t.call(moh, { method: 'GET', url: '/api/aid?pageSize=200' })).json().items as {
      id: string;
      status: string;
      mayBeRevoked: boolean;
    }[];
    expect(listed.find((i) => i.id === item.id)).toMatchObject({ status: 'APPROVED', mayBeRevoked: true });
    expect(listed.find((i) => i.id === fresh.id)).toMatchObject({ status: 'APPROVED', mayBeRevoked: false });
    const flagged = (await t.call(moh, { method: 'GET', url: '/api/aid?mayBeRevoked=true&pageSize=200' }))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(flagged).toContain(item.id);
    expect(flagged).not.toContain(fresh.id);
    const pub = (await t.call(null, { method: 'GET', url: '/api/public/aid?pageSize=200' })).json().items as {
      id: string;
      mayBeRevoked: boolean;
    }[];
    expect(pub.find((i) => i.id === item.id)).toMatchObject({ mayBeRevoked: true });
    const page = (await t.call(moh, { method: 'GET', url: `/api/aid/${item.id}` })).json();
    expect(page).toMatchObject({ status: 'APPROVED', mayBeRevoked: true, revocableFrom: expect.any(String), abilities: { revoke: true } });
    expect((await t.call(province, { method: 'GET', url: `/api/aid/${item.id}` })).json().abilities.revoke).toBe(false);
  });

  it('lets only the approver revoke, with a number, a date and a reason: audited, the owner and the donor told', async () => {
    const item = await stale();
    // The donor, the aid owner, a province where the aid is located: refused (403), the item unchanged.
    for (const who of [ngo, owner, province]) expect((await revoke(who, item.id, { version: 1 })).statusCode).toBe(403);
    // Bad input: a decision dated tomorrow, no reason — nothing changes.
    expect((await revoke(moh, item.id, { version: 1, decisionDate: addMonths(today, 1) })).statusCode).toBe(400);
    expect((await revoke(moh, item.id, { version: 1, reason: '' })).statusCode).toBe(400);
    expect(await t.db.selectFrom('aid_items').select(['status', 'version']).where('id', '=', item.id).executeTakeFirst()).toEqual({
      status: 'APPROVED',
      version: 1,
    });
    const done = await revoke(moh, item.id, { version: 1 });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'REVOKED',
      mayBeRevoked: false,
      revocation: { decisionNumber: '7/QĐ-BYT', decisionDate: today, reason: 'Chưa triển khai sau 6 tháng', agencyId: 'MOH' },
      abilities: { revoke: false, edit: false },
    });
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', item.id).execute();
    expect(audit.map((a) => a.action)).toContain('aid_item.revoke');
    const notices = await t.db
      .selectFrom('notifications')
      .select(['user_id', 'kind'])
      .where('kind', '=', 'AID_REVOKED')
      .where('user_id', 'in', [ownerUserId, ngoUserId])
      .execute();
    expect(notices.map((n) => n.user_id).sort()).toEqual([ownerUserId, ngoUserId].sort());
    // Revoked: out of the public list and the statistics' counted set.
    const pub = (await t.call(null, { method: 'GET', url: '/api/public/aid?pageSize=200' })).json().items.map((i: { id: string }) => i.id);
    expect(pub).not.toContain(item.id);
    // Twice: refused, not revocable any more.
    expect((await revoke(moh, item.id, { version: 2 })).json().error.code).toBe('aid_not_revocable');
  });

  it('refuses to revoke an item approved a month ago or already disbursed (422), and REVOKED as a field edit', async () => {
    const young = await stale({ approval_date: addMonths(today, -1) });
    expect((await revoke(moh, young.id, { version: 1 })).json().error.code).toBe('aid_not_revocable');
    const paid = await stale();
    await buildMoney(t.db, paid.id, addMonths(today, -2), '1000', '100');
    expect((await revoke(moh, paid.id, { version: 1 })).json().error.code).toBe('aid_not_revocable');
    const patched = await t.call(moh, { method: 'PATCH', url: `/api/aid/${young.id}`, payload: { version: 1, status: 'REVOKED' } });
    expect(patched.statusCode).toBe(422);
    expect(patched.json().error.code).toBe('aid_revoked_by_decision');
  });

  it('leaves aid the Prime Minister approved to MOF: the governing ministry may not revoke it, MOF sees and revokes it', async () => {
    const item = await stale({ governing_agency_id: 'MOH' });
    await t.db
      .insertInto('dossiers')
      .values({
        organisation_id: donor.id,
        procedure_code: 'AID_APPROVAL',
        procedure_version_id: 'AID_APPROVAL@D313-2025',
        application: JSON.stringify({ approvalLevel: 'PM', governingAgencyId: 'MOH' }),
        aid_item_id: item.id,
      })
      .execute();
    const mof = await t.signInAs('agency', { agencyId: 'MOF' });
    expect((await t.call(moh, { method: 'GET', url: `/api/aid/${item.id}` })).json().abilities.revoke).toBe(false);
    expect((await revoke(moh, item.id, { version: 1 })).statusCode).toBe(403);
    expect((await t.call(mof, { method: 'GET', url: `/api/aid/${item.id}` })).json().abilities.revoke).toBe(true);
    expect((await revoke(mof, item.id, { version: 1 })).json()).toMatchObject({ status: 'REVOKED', revocation: { agencyId: 'MOF' } });
  });
});

describe('the aid owner reads its own aid', () => {
  it('links items to the owner agency their owner name designates, lists them in SQL scope, and hides the rest (404)', async () => {
    const mine = await stale({ aid_owner_name: 'Hội Chữ thập đỏ Việt Nam', title_vi: 'Cứu trợ của Hội Chữ thập đỏ' });
    const theirs = await stale({ aid_owner_name: 'Hội Liên hiệp Phụ nữ Việt Nam' });
    const links = await t.db
      .selectFrom('aid_items')
      .select(['id', 'aid_owner_agency_id'])
      .where('id', 'in', [mine.id, theirs.id])
      .execute();
    expect(Object.fromEntries(links.map((l) => [l.id, l.aid_owner_agency_id]))).toEqual({ [mine.id]: 'VRC', [theirs.id]: 'VWU' });
    const list = await t.call(owner, { method: 'GET', url: '/api/aid?pageSize=200' });
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    const rows = await t.db.selectFrom('aid_items').select('id').where('aid_owner_agency_id', '=', 'VRC').execute();
    expect(list.json().total).toBe(rows.length);
    expect((await t.call(owner, { method: 'GET', url: `/api/aid/${mine.id}` })).json()).toMatchObject({
      aidOwnerAgencyId: 'VRC',
      abilities: { edit: false, addTransaction: false, revoke: false, fileAdjustment: true },
    });
    expect((await t.call(owner, { method: 'GET', url: `/api/aid/${theirs.id}` })).statusCode).toBe(404);
    // Its money too, and only its own.
    expect((await t.call(owner, { method: 'GET', url: `/api/aid/${mine.id}/transactions` })).statusCode).toBe(200);
    expect((await t.call(owner, { method: 'GET', url: `/api/aid/${theirs.id}/transactions` })).statusCode).toBe(404);
    // Filing an aid approval, it picks its own draft: a donor's PIPELINE item naming it as aid owner.
    const draft = await stale({
      status: 'PIPELINE',
      approval_date: null,
      approval_decision_number: null,
      title_vi: 'Bản nháp nêu Hội Chữ thập đỏ',
    });
    const drafts = (await t.call(owner, { method: 'GET', url: '/api/aid?status=PIPELINE&pageSize=200' }))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(drafts).toContain(draft.id);
    expect(drafts).not.toContain(mine.id);
    // It reads; it does not write the registry.
    expect(
      (await t.call(owner, { method: 'PATCH', url: `/api/aid/${mine.id}`, payload: { version: 1, titleVi: 'Đổi tên' } })).statusCode,
    ).toBe(403);
  });
});
