import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

describe('sign-in', () => {
  it('signs in with the right password, sets an HttpOnly SameSite cookie and returns a CSRF token', async () => {
    const user = await t.createUser('central');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: user.username, password: user.password },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'vnaid_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(response.json().user.role).toBe('central');
    // base64url: letters, digits, "-" and "_" (a "-" must not fail the match).
    expect(response.json().csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it('refuses a wrong password with a localized 401', async () => {
    const user = await t.createUser('central');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'accept-language': 'en' },
      payload: { username: user.username, password: 'wrong-password-1' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'invalid_credentials', message: 'The user name or password is wrong.' } });
  });

  it('gives the same answer for an unknown user as for a wrong password', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'nobody-here', password: 'whatever-123' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('invalid_credentials');
  });
});

describe('session and CSRF', () => {
  it('signs in while another session is live in the same browser, replacing it (no csrf_failed)', async () => {
    const first = await t.signInAs('central');
    const other = await t.createUser('agency');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { cookie: first.cookie },
      payload: { username: other.username, password: other.password },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user.username).toBe(other.username);
    const cookie = response.cookies.find((c) => c.name === 'vnaid_session');
    expect(`vnaid_session=${cookie!.value}`).not.toBe(first.cookie);
    expect((await t.call(first, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `vnaid_session=${cookie!.value}` } });
    expect(me.json().username).toBe(other.username);
  });

  it('requires the CSRF header on cookie-authenticated writes', async () => {
    const session = await t.signInAs('central');
    const withoutToken = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: session.cookie },
      payload: { locale: 'en' },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.code).toBe('csrf_failed');
    const withToken = await t.call(session, { method: 'PATCH', url: '/api/me', payload: { locale: 'en' } });
    expect(withToken.statusCode).toBe(200);
    expect(withToken.json().locale).toBe('en');
  });

  it('remembers the language per user and answers errors in it when the request names none', async () => {
    const session = await t.signInAs('ngo', {
      organisationId: (
        await t.db
          .insertInto('organisations')
          .values({ code: `T-${Date.now()}`, name_original: 'Org', country_code: 'US' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    });
    await t.call(session, { method: 'PATCH', url: '/api/me', payload: { locale: 'en' } });
    const response = await t.call(session, { method: 'GET', url: '/api/users' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe('You are not allowed to do this.');
  });

  it('ends the session on sign-out', async () => {
    const session = await t.signInAs('central');
    expect((await t.call(session, { method: 'POST', url: '/api/auth/sign-out' })).statusCode).toBe(200);
    expect((await t.call(session, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });
});

describe('API tokens', () => {
  it('authenticates a machine client by bearer token without CSRF, and stops after revocation', async () => {
    const session = await t.signInAs('central');
    const created = await t.call(session, { method: 'POST', url: '/api/me/tokens', payload: { name: 'statistics export' } });
    expect(created.statusCode).toBe(201);
    const { secret, id } = created.json();
    const stored = await t.db.selectFrom('api_tokens').select('token_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(secret);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${secret}` } });
    expect(me.json().role).toBe('central');
    await t.call(session, { method: 'DELETE', url: `/api/me/tokens/${id}` });
    const after = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${secret}` } });
    expect(after.statusCode).toBe(401);
  });
});
