import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app';
import { createTestContext, testConfig, type TestContext } from '../../../test/support/test-app';
import en from '../../../common/i18n/en/errors.json';
import vi from '../../../common/i18n/vi/errors.json';

let t: TestContext;
let app: FastifyInstance;
beforeAll(async () => {
  t = await createTestContext();
  // The same application with low limits, so the test reaches them in a few requests.
  app = await buildApp(
    {
      db: t.db,
      database: { engine: t.engine, serverVersion: async () => 'test' },
      config: { ...testConfig, directoryRateLimit: { searchPerMinute: 3, exportPerMinute: 2 } },
    },
    { web: false },
  );
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const get = (url: string, lang = 'vi', ip = '203.0.113.7') =>
  app.inject({ method: 'GET', url, headers: { 'accept-language': lang }, remoteAddress: ip });

describe('public directory rate limits (per IP)', () => {
  it('answers 429 with the error format, in Vietnamese and English, once the search limit is reached', async () => {
    for (let i = 0; i < 3; i++) expect((await get('/api/public/organisations?q=a')).statusCode).toBe(200);
    const limited = await get('/api/public/organisations?q=a');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: expect.objectContaining({ code: 'too_many_requests', message: vi.too_many_requests }) });
    const english = await get('/api/public/organisations', 'en');
    expect(english.statusCode).toBe(429);
    expect(english.json().error).toMatchObject({ code: 'too_many_requests', message: en.too_many_requests });
    // Another visitor is not affected.
    expect((await get('/api/public/organisations', 'vi', '198.51.100.9')).statusCode).toBe(200);
  });

  it('limits each export more tightly than the search', async () => {
    const ip = '192.0.2.44';
    for (let i = 0; i < 2; i++) expect((await get('/api/public/organisations/export.csv', 'en', ip)).statusCode).toBe(200);
    const limited = await get('/api/public/organisations/export.csv', 'en', ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: 'too_many_requests', message: en.too_many_requests });
    for (let i = 0; i < 2; i++) expect((await get('/api/public/organisations/export.xlsx', 'en', ip)).statusCode).toBe(200);
    expect((await get('/api/public/organisations/export.xlsx', 'en', ip)).statusCode).toBe(429);
    // The search keeps its own budget.
    expect((await get('/api/public/organisations', 'en', ip)).statusCode).toBe(200);
  });
});
