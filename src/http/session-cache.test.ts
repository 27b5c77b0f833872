import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, testConfig, type Session, type TestContext } from '../../test/support/test-app';
import { buildApp } from '../app';

/**
 * Resolved sessions kept in memory for a few seconds never outlive the session: signing out, a password change
 * (which deletes the account's sessions) or a deactivation ends access at once in the process that made the change
 * and, through the database's notification, in every other process.
 */

let t: TestContext;
let a: FastifyInstance;
let b: FastifyInstance;

async function processOnTestDatabase(): Promise<FastifyInstance> {
  const app = await buildApp(
    { db: t.db, database: { engine: t.engine, serverVersion: async () => '', url: t.runtimeUrl }, config: testConfig },
    { web: false },
  );
  await app.ready();
  await app.changeCaches!.listener.whenConnected();
  return app;
}

beforeAll(async () => {
  t = await createTestContext();
  [a, b] = [await processOnTestDatabase(), await processOnTestDatabase()];
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await t?.close();
});

const list = (app: FastifyInstance, session: Session) =>
  app.inject({ method: 'GET', url: '/api/aid?pageSize=5', headers: { cookie: session.cookie } }).then((r) => r.statusCode);

/**
 * Polls until `read` answers `expected` (a notification travels through the database), at most 2 s: well within
 * the cache's 5 s TTL, so only the notification can make it pass.
 */
async function eventually<T>(expected: T, read: () => Promise<T>): Promise<T> {
  const until = Date.now() + 2_000;
  for (;;) {
    const now = await read();
    if (now === expected || Date.now() > until) return now;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('sessions resolved from memory', () => {
  it('reuses a resolved session for the next requests', async () => {
    const session = await t.signInAs('central');
    expect(await list(a, session)).toBe(200);
    expect(a.sessionCache!.size).toBeGreaterThan(0);
    expect(await list(a, session)).toBe(200);
  });

  it('ends a signed-out session at once in the process that signed out, and soon after in every other', async () => {
    const session = await t.signInAs('central');
    expect([await list(a, session), await list(b, session)]).toEqual([200, 200]);
    const out = await a.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(out.statusCode).toBe(200);
    expect(await list(a, session)).toBe(401);
    expect(await eventually(401, () => list(b, session))).toBe(401);
  });

  it('ends access when the sessions are deleted elsewhere (a password change) or the account is deactivated', async () => {
    const first = await t.signInAs('agency', { agencyId: 'MOH' });
    expect([await list(a, first), await list(b, first)]).toEqual([200, 200]);
    await t.db.deleteFrom('sessions').where('user_id', '=', first.userId).execute();
    expect(await eventually(401, () => list(a, first))).toBe(401);
    expect(await eventually(401, () => list(b, first))).toBe(401);

    const second = await t.signInAs('central');
    expect(await list(b, second)).toBe(200);
    await t.db.updateTable('users').set({ active: false }).where('id', '=', second.userId).execute();
    expect(await eventually(401, () => list(b, second))).toBe(401);
  });

  it('sees a changed scope on the next request (the account moved to another agency)', async () => {
    const session = await t.signInAs('agency', { agencyId: 'MOH' });
    const scope = async () =>
      (await b.inject({ method: 'GET', url: '/api/stats/dashboard?year=2024', headers: { cookie: session.cookie } })).json().scope
        .id as string;
    expect(await scope()).toBe('MOH');
    await t.db.updateTable('users').set({ agency_id: 'MOET' }).where('id', '=', session.userId).execute();
    expect(await eventually('MOET', scope)).toBe('MOET');
  });
});

describe('GET /api/auth/session for a visitor', () => {
  it('answers 200 with no user and no CSRF token (not a 401 error) without a session, or with one that ended', async () => {
    const anonymous = await a.inject({ method: 'GET', url: '/api/auth/session' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ user: null, csrfToken: null });
    const ended = await a.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: 'vnaid_session=vs_not-a-session' } });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ user: null, csrfToken: null });
    const session = await t.signInAs('central');
    const signedIn = await a.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: session.cookie } });
    expect(signedIn.json()).toMatchObject({ user: { role: 'central' }, csrfToken: session.csrfToken });
  });
});
