import type { FastifyInstance } from 'fastify';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@db/types';
import { buildApp } from '../app';
import { testConfig } from '../../test/support/test-app';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';

/**
 * Two application instances with pools of their own on one database, as two processes behind a load balancer: a
 * client's requests count against one limit whichever instance answers.
 */
let t: TestDatabase;
let second: Kysely<Database>;
const apps: FastifyInstance[] = [];

const build = async (db: Kysely<Database>) => {
  const app = await buildApp(
    {
      db,
      database: { engine: t.engine, serverVersion: async () => 'test' },
      config: { ...testConfig, directoryRateLimit: { searchPerMinute: 3, exportPerMinute: 2 } },
    },
    { web: false },
  );
  await app.ready();
  apps.push(app);
  return app;
};

beforeAll(async () => {
  t = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: t.url, max: 3 });
  pool.on('error', () => undefined);
  second = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await second?.destroy();
  await t?.drop();
});

describe('rate limits counted in PostgreSQL', () => {
  it('refuses the fourth search of a minute whichever process answers each request, per client and per route', async () => {
    const a = await build(t.db);
    const b = await build(second);
    const get = (app: FastifyInstance, url: string, ip = '203.0.113.7') => app.inject({ method: 'GET', url, remoteAddress: ip });
    expect((await get(a, '/api/public/organisations?q=a')).statusCode).toBe(200);
    expect((await get(b, '/api/public/organisations?q=a')).statusCode).toBe(200);
    const third = await get(a, '/api/public/organisations');
    expect(third.statusCode).toBe(200);
    expect(third.headers['x-ratelimit-remaining']).toBe('0');
    const limited = await get(b, '/api/public/organisations');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('too_many_requests');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await get(a, '/api/public/organisations')).statusCode).toBe(429);
    // Another client, and another route (the export has its own budget), are not affected.
    expect((await get(b, '/api/public/organisations', '198.51.100.9')).statusCode).toBe(200);
    expect((await get(b, '/api/public/organisations/export.csv')).statusCode).toBe(200);
  });

  it('counts a burst of concurrent requests exactly: three pass, the rest are refused', async () => {
    const [a, b] = apps;
    const ip = '192.0.2.201';
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? a! : b!).inject({ method: 'GET', url: '/api/public/organisations', remoteAddress: ip }).then((r) => r.statusCode),
      ),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
  });

  it('opens a fresh window once the last one ran out', async () => {
    const a = apps[0]!;
    const ip = '192.0.2.77';
    for (let i = 0; i < 3; i++)
      expect((await a.inject({ method: 'GET', url: '/api/public/organisations', remoteAddress: ip })).statusCode).toBe(200);
    expect((await a.inject({ method: 'GET', url: '/api/public/organisations', remoteAddress: ip })).statusCode).toBe(429);
    // The window's end, as another process would find it after a minute.
    await sql`update rate_limit_hits set expires_at = now() - interval '1 second' where key like ${`%|${ip}`}`.execute(t.db);
    const b = apps[1]!;
    expect((await b.inject({ method: 'GET', url: '/api/public/organisations', remoteAddress: ip })).statusCode).toBe(200);
  });
});
