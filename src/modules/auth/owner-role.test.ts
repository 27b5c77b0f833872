import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '../../db/demo/demo-accounts';
import { addMissingDemoAccounts } from '../../db/demo/seed';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';

let t: TestContext;
let owner: Session;
beforeAll(async () => {
  t = await createTestContext();
  owner = await t.signInAs('owner', { agencyId: 'VRC' });
});
afterAll(async () => t.close());

describe('role owner (a Vietnamese aid owner)', () => {
  it('is created by an administrator with its agency, and refused without one', async () => {
    const admin = await t.signInAs('admin');
    const created = await t.call(admin, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'chu.khoan.vien.tro',
        displayName: 'Hội Chữ thập đỏ',
        role: 'owner',
        agencyId: 'VRC',
        password: 'Owner-pass-2026',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ role: 'owner', agencyId: 'VRC' });
    const missing = await t.call(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'chu.khoan.2', displayName: 'Không cơ quan', role: 'owner', password: 'Owner-pass-2026' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.issues[0].path).toBe('body.agencyId');
  });

  it('reaches its own account, session, inbox, the procedure catalogue and its dossiers', async () => {
    expect((await t.call(owner, { method: 'GET', url: '/api/me' })).json()).toMatchObject({ role: 'owner', agencyId: 'VRC' });
    expect((await t.call(owner, { method: 'GET', url: '/api/auth/session' })).statusCode).toBe(200);
    expect((await t.call(owner, { method: 'GET', url: '/api/inbox' })).statusCode).toBe(200);
    // The aid-approval dossiers it files (only those: none yet; see procedures/aid-approval.test.ts).
    expect((await t.call(owner, { method: 'GET', url: '/api/dossiers' })).json()).toMatchObject({ items: [], total: 0 });
    // The procedure catalogue, for the aid-approval wizard.
    expect((await t.call(owner, { method: 'GET', url: '/api/procedures' })).statusCode).toBe(200);
    // Its own aid only (aid_owner_agency_id in SQL; see aid/aid-revocation.test.ts): none in this empty database.
    expect((await t.call(owner, { method: 'GET', url: '/api/aid' })).json()).toMatchObject({ items: [], total: 0 });
  });

  it('is denied everything else, role-listed routes and routes open to any signed-in account alike', async () => {
    for (const url of [
      '/api/users',
      '/api/organisations',
      '/api/procedures/my-certificates',
      '/api/reports/calendar',
      '/api/exchange-rates',
    ]) {
      const response = await t.call(owner, { method: 'GET', url });
      expect([url, response.statusCode]).toEqual([url, 403]);
    }
  });

  it('has a demo account printed at start like every role', () => {
    const account = demoAccounts.find((a) => a.role === 'owner');
    expect(account).toMatchObject({ username: 'owner', agencyId: 'VRC' });
    expect(new Set(demoAccounts.map((a) => a.role))).toEqual(new Set(['admin', 'central', 'agency', 'reviewer', 'ngo', 'owner']));
  });

  it('is added to a demo database loaded before the role existed, once, and never to a database without demo data', async () => {
    expect(await addMissingDemoAccounts(t.db)).toEqual([]);
    for (const account of demoAccounts.filter((a) => a.role !== 'owner' && a.role !== 'ngo')) {
      await t.createUser(account.role, { username: account.username, ...(account.agencyId ? { agencyId: account.agencyId } : {}) });
    }
    const organisation = await t.db
      .insertInto('organisations')
      .values({ code: 'DEMO-0001', name_original: 'Demo NGO', country_code: 'US' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.createUser('ngo', { username: 'ngo', organisationId: organisation.id });
    await t.db
      .insertInto('audit_log')
      .values({ actor_label: 'demo-seed', action: 'demo.seed', entity_type: 'database', entity_id: null })
      .execute();
    expect(await addMissingDemoAccounts(t.db)).toEqual(['owner']);
    const added = await t.db.selectFrom('users').select(['role', 'agency_id']).where('username', '=', 'owner').executeTakeFirstOrThrow();
    expect(added).toEqual({ role: 'owner', agency_id: 'VRC' });
    expect(await addMissingDemoAccounts(t.db)).toEqual([]);
  });
});
