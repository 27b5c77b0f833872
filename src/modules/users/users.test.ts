import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';

let t: TestContext;
let admin: Session;
beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signInAs('admin');
});
afterAll(async () => t.close());

describe('user administration', () => {
  it('is refused to anonymous callers (401) and to other roles (403)', async () => {
    expect((await t.call(null, { method: 'GET', url: '/api/users' })).statusCode).toBe(401);
    expect((await t.call(await t.signInAs('central'), { method: 'GET', url: '/api/users' })).statusCode).toBe(403);
  });

  it('creates an agency account with a hashed password and audits it in the same transaction', async () => {
    const response = await t.call(admin, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'so.ngoai.vu.hue',
        displayName: 'Sở Ngoại vụ Huế',
        role: 'agency',
        agencyId: 'UBND:new34:46',
        password: 'Mat-khau-2026',
      },
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    const row = await t.db.selectFrom('users').select('password_hash').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', created.id)
      .where('action', '=', 'user.create')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).not.toContain('Mat-khau-2026');
    expect((audit.after as { password_hash: string }).password_hash).toBe('[redacted]');
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'so.ngoai.vu.hue', password: 'Mat-khau-2026' },
    });
    expect(signIn.json().user.provinceId).toBe('new34:46');
  });

  it('lists every validation problem and saves nothing on bad input', async () => {
    const before = await t.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await t.call(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'x', displayName: '', role: 'ngo', password: 'short' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(response.json().error.details.issues.length).toBeGreaterThanOrEqual(3);
    const after = await t.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('answers 409 with the current record when an edit is based on a stale version', async () => {
    const user = await t.createUser('central');
    const first = await t.call(admin, { method: 'PATCH', url: `/api/users/${user.id}`, payload: { version: 1, displayName: 'Tên mới' } });
    expect(first.statusCode).toBe(200);
    const stale = await t.call(admin, {
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { 'accept-language': 'en' },
      payload: { version: 1, displayName: 'Another name' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    expect(stale.json().error.details.current.displayName).toBe('Tên mới');
  });

  it('disabling an account ends its sessions', async () => {
    const user = await t.createUser('central');
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: user.username, password: user.password },
    });
    const cookie = `vnaid_session=${signIn.cookies[0]!.value}`;
    await t.call(admin, { method: 'PATCH', url: `/api/users/${user.id}`, payload: { version: 1, active: false } });
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });
});
