import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { createTestContext, testConfig, type TestContext } from '../../../test/support/test-app';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

describe('operations contract', () => {
  it('GET /api/health reports the engine and the server version', async () => {
    const response = await t.app.inject({ url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: { engine: t.engine } });
    expect(response.json().database.version).toMatch(/^\d+(\.\d+)?/);
  });

  it('answers 503 when the database does not answer', async () => {
    const broken = await buildApp(
      {
        db: t.db,
        database: { engine: 'external', serverVersion: () => Promise.reject(new Error('connection refused')) },
        config: testConfig,
      },
      { web: false },
    );
    const response = await broken.inject({ url: '/api/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'unavailable', database: { engine: 'external' } });
    await broken.close();
  });

  it('serves the OpenAPI document of every route and the interactive docs', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/sign-in', '/api/users/{id}']));
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers unknown API routes with the JSON error shape in the requested language', async () => {
    const vi = await t.app.inject({ url: '/api/nothing-here' });
    expect(vi.statusCode).toBe(404);
    expect(vi.json().error.code).toBe('route_not_found');
    expect(vi.json().error.message).toBe('Không có địa chỉ API này.');
    const en = await t.app.inject({ url: '/api/nothing-here', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.json().error.message).toBe('There is no such API address.');
  });
});
