import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { createTestContext, testConfig, type TestContext } from '../../../test/support/test-app';

let t: TestContext;
let proxied: FastifyInstance;
const PROXY = '10.0.0.1';
beforeAll(async () => {
  t = await createTestContext();
  proxied = await buildApp(
    { db: t.db, database: { engine: t.engine, serverVersion: async () => '15' }, config: { ...testConfig, trustedProxies: [PROXY] } },
    { web: false },
  );
  await proxied.ready();
});
afterAll(async () => {
  await proxied.close();
  await t.close();
});

const viaProxy = (app: FastifyInstance, client: string, username: string, password: string, remoteAddress = PROXY) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    remoteAddress,
    headers: { 'x-forwarded-for': client },
    payload: { username, password },
  });

describe('behind a trusted reverse proxy (VNAID_TRUSTED_PROXIES)', () => {
  it('throttles the attacker’s real address, not the proxy’s: the owner behind the same proxy still signs in', async () => {
    const owner = await t.createUser('admin');
    for (let i = 0; i < 6; i++) await viaProxy(proxied, '198.51.100.66', owner.username, `guess-${i}-password`);
    expect((await viaProxy(proxied, '198.51.100.66', owner.username, owner.password)).statusCode).toBe(429);
    const ownSignIn = await viaProxy(proxied, '192.0.2.10', owner.username, owner.password);
    expect(ownSignIn.statusCode).toBe(200);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('ip')
      .where('entity_id', '=', owner.id)
      .where('action', '=', 'auth.sign_in')
      .executeTakeFirstOrThrow();
    expect(audit.ip).toBe('192.0.2.10');
  });

  it('ignores X-Forwarded-For from anyone else (a client cannot pick its address)', async () => {
    const owner = await t.createUser('admin');
    for (let i = 0; i < 6; i++) await viaProxy(proxied, `192.0.2.${100 + i}`, owner.username, `guess-${i}-password`, '198.51.100.99');
    expect((await viaProxy(proxied, '192.0.2.200', owner.username, owner.password, '198.51.100.99')).statusCode).toBe(429);
  });

  it('without the setting every client behind the proxy is one address (what the setting fixes)', async () => {
    const owner = await t.createUser('admin');
    for (let i = 0; i < 6; i++) await viaProxy(t.app, '198.51.100.67', owner.username, `guess-${i}-password`);
    expect((await viaProxy(t.app, '192.0.2.11', owner.username, owner.password)).statusCode).toBe(429);
  });
});
