import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdministrator } from '../../cli/create-admin';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';

let t: TestContext;
let admin: Session;
beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signInAs('admin');
});
afterAll(async () => t.close());

let lastAddress = 0;
const signIn = async (username: string, password: string) => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    remoteAddress: `203.0.113.${++lastAddress}`,
    payload: { username, password },
  });
  const cookie = response.cookies.find((c) => c.name === 'vnaid_session');
  const session: Session | null =
    response.statusCode === 200 ? { cookie: `vnaid_session=${cookie!.value}`, csrfToken: response.json().csrfToken, userId: '' } : null;
  return { response, session };
};
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const newToken = async (session: Session) =>
  (await t.call(session, { method: 'POST', url: '/api/me/tokens', payload: { name: 'export' } })).json().secret as string;
const meWithToken = (secret: string) => t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(secret) });
const auditActions = async (id: string) =>
  (await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('id').execute()).map((a) => a.action);

describe('changing credentials ends access', () => {
  it('changing one’s password ends the other sessions and revokes every API token, keeping this session', async () => {
    const user = await t.createUser('central');
    const here = (await signIn(user.username, user.password)).session!;
    const elsewhere = (await signIn(user.username, user.password)).session!;
    const token = await newToken(elsewhere);
    expect((await meWithToken(token)).statusCode).toBe(200);
    const changed = await t.call(here, {
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: user.password, newPassword: 'Another-pass-2026' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await t.call(elsewhere, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await meWithToken(token)).statusCode).toBe(401);
    expect((await t.call(here, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });

  it('an administrator’s reset ends every session and token of the account, and is audited', async () => {
    const user = await t.createUser('central');
    const session = (await signIn(user.username, user.password)).session!;
    const token = await newToken(session);
    const reset = await t.call(admin, { method: 'POST', url: `/api/users/${user.id}/password`, payload: { password: 'Reset-pass-2026' } });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().mustChangePassword).toBe(true);
    expect((await t.call(session, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await meWithToken(token)).statusCode).toBe(401);
    expect(await auditActions(user.id)).toContain('user.reset_password');
    expect((await signIn(user.username, 'Reset-pass-2026')).response.statusCode).toBe(200);
  });

  it('a reset through the account edit also revokes the tokens', async () => {
    const user = await t.createUser('central');
    const token = await newToken((await signIn(user.username, user.password)).session!);
    const edited = await t.call(admin, {
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { version: 1, password: 'Reset-pass-2027' },
    });
    expect(edited.statusCode).toBe(200);
    expect((await meWithToken(token)).statusCode).toBe(401);
  });

  it('an API token cannot create API tokens (403 session_required); only a browser session can', async () => {
    const session = await t.signInAs('central');
    const token = await newToken(session);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: { ...bearer(token), 'accept-language': 'en' },
      payload: { name: 'child' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('session_required');
    expect(refused.json().error.message).toContain('API token');
    const tokens = await t.db.selectFrom('api_tokens').select('name').where('user_id', '=', session.userId).execute();
    expect(tokens.map((x) => x.name)).toEqual(['export']);
  });
});

describe('passwords chosen by an administrator', () => {
  it('must be changed at the first sign-in: until then only the password change is allowed', async () => {
    const created = await t.call(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'first.signin', displayName: 'First sign-in', role: 'central', password: 'Chosen-by-admin-1' },
    });
    expect(created.json().mustChangePassword).toBe(true);
    const { response, session } = await signIn('first.signin', 'Chosen-by-admin-1');
    expect(response.json().user.mustChangePassword).toBe(true);
    const blocked = await t.call(session, { method: 'GET', url: '/api/aid', headers: { 'accept-language': 'en' } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    expect((await t.call(session, { method: 'GET', url: '/api/me' })).json().mustChangePassword).toBe(true);
    const changed = await t.call(session, {
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: 'Chosen-by-admin-1', newPassword: 'My-own-choice-1' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await t.call(session, { method: 'GET', url: '/api/aid' })).statusCode).toBe(200);
    expect((await t.call(session, { method: 'GET', url: '/api/auth/session' })).json().user.mustChangePassword).toBe(false);
  });
});

describe('passwords chosen by their owner', () => {
  it('are not forced to change: npm run create-admin is run by the administrator who will own the account', async () => {
    await createAdministrator(t.db, { username: 'own.admin', displayName: 'Own admin', password: 'My-own-admin-1' }, 'create-admin (test)');
    const { response, session } = await signIn('own.admin', 'My-own-admin-1');
    expect(response.json().user.mustChangePassword).toBe(false);
    expect((await t.call(session, { method: 'GET', url: '/api/users' })).statusCode).toBe(200);
  });
});

describe('account administration', () => {
  it('edits name, e-mail, role and agency, audited with before and after', async () => {
    const user = await t.createUser('central');
    const edited = await t.call(admin, {
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { version: 1, displayName: 'Sở Ngoại vụ Huế', email: 'snv@hue.gov.vn', role: 'agency', agencyId: 'UBND:new34:46' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      displayName: 'Sở Ngoại vụ Huế',
      email: 'snv@hue.gov.vn',
      role: 'agency',
      agencyId: 'UBND:new34:46',
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity_id', '=', user.id)
      .where('action', '=', 'user.update')
      .executeTakeFirstOrThrow();
    expect((audit.before as { role: string }).role).toBe('central');
    expect((audit.after as { role: string }).role).toBe('agency');
  });

  it('deactivates (ending sessions and tokens) and reactivates, each named in the audit trail', async () => {
    const user = await t.createUser('central');
    const session = (await signIn(user.username, user.password)).session!;
    const token = await newToken(session);
    expect(
      (await t.call(admin, { method: 'PATCH', url: `/api/users/${user.id}`, payload: { version: 1, active: false } })).statusCode,
    ).toBe(200);
    expect((await t.call(session, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await signIn(user.username, user.password)).response.statusCode).toBe(401);
    expect((await t.call(admin, { method: 'PATCH', url: `/api/users/${user.id}`, payload: { version: 2, active: true } })).statusCode).toBe(
      200,
    );
    expect((await meWithToken(token)).statusCode).toBe(401);
    expect((await signIn(user.username, user.password)).response.statusCode).toBe(200);
    expect(await auditActions(user.id)).toEqual(expect.arrayContaining(['user.deactivate', 'user.reactivate']));
  });

  it('is refused to other roles', async () => {
    const user = await t.createUser('central');
    const central = await t.signInAs('central');
    expect((await t.call(central, { method: 'POST', url: `/api/users/${user.id}/unlock` })).statusCode).toBe(403);
    expect(
      (await t.call(central, { method: 'POST', url: `/api/users/${user.id}/password`, payload: { password: 'Reset-pass-2026' } }))
        .statusCode,
    ).toBe(403);
  });
});
