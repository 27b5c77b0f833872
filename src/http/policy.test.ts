import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/support/test-app';
import { MissingPolicyError, requirePolicies } from './policy';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

describe('deny by default', () => {
  it('refuses to register a route that declares no policy', async () => {
    const app = Fastify();
    requirePolicies(app);
    expect(() => app.get('/api/forgotten', async () => 'open')).toThrow(MissingPolicyError);
  });

  it('every registered route declares a policy, and non-public ones refuse anonymous callers', async () => {
    const routes: { method: string; url: string; policy: unknown }[] = [];
    // printRoutes cannot show config, so walk the routes through a fresh app that records them.
    const probe = Fastify();
    probe.addHook('onRoute', (route) => {
      for (const method of [route.method].flat())
        routes.push({ method: String(method), url: route.url, policy: (route.config as { policy?: unknown })?.policy });
    });
    const { moduleRoutes } = await import('@modules/index');
    const { serializerCompiler, validatorCompiler } = await import('fastify-type-provider-zod');
    probe.setValidatorCompiler(validatorCompiler);
    probe.setSerializerCompiler(serializerCompiler);
    for (const plugin of moduleRoutes)
      await probe.register(plugin({ db: t.db, database: { engine: 'embedded', serverVersion: async () => '' }, config: {} as never }));
    await probe.ready();
    expect(routes.length).toBeGreaterThan(10);
    const missing = routes.filter((r) => !r.policy);
    expect(missing).toEqual([]);
    for (const route of routes.filter((r) => !('public' in (r.policy as object)) && r.method !== 'HEAD')) {
      const url = route.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const response = await t.app.inject({ method: route.method as 'GET', url });
      expect([401], `${route.method} ${route.url}`).toContain(response.statusCode);
    }
  });
});
