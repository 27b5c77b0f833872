import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { registerAuthentication } from '@http/authenticate';
import { registerChangeCaches } from '@http/change-caches';
import { registerErrorHandler } from '@http/error-handler';
import { registerOpenApi } from '@http/openapi';
import { postgresRateLimitStore } from '@http/rate-limit-store';
import { enforcePolicy, requirePolicies } from '@http/policy';
import { registerNulGuard } from '@http/reject-nul';
import type { AppDeps } from '@http/route-deps';
import { registerWeb } from '@http/web';
import { moduleRoutes } from '@modules/index';

export type BuildOptions = { logger?: FastifyBaseLogger; web?: boolean; extraRoutes?: (app: FastifyInstance) => void };

/** Builds the HTTP application without listening, so tests drive it with `inject`. */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const proxies = deps.config.trustedProxies ?? false;
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 5 * 1024 * 1024,
    // Only the configured reverse proxies may name the client address (VNAID_TRUSTED_PROXIES); none by default.
    // A number of hops is proxy-addr's "trust the n nearest hops", written as the function Fastify's types accept.
    trustProxy: typeof proxies === 'number' ? (_address: string, hop: number) => hop < proxies : proxies,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  requirePolicies(app);
  registerErrorHandler(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
  });

  await app.register(cookie);
  // Counted in PostgreSQL, so a limit holds whichever process answers (several processes on one database).
  await app.register(rateLimit, { global: false, store: postgresRateLimitStore(deps.db) });
  await registerOpenApi(app);
  // Before any route: the caches hook into the routes that declare `config.publicCache` as they are added.
  registerChangeCaches(app, deps.database.url, (message) => app.log.warn(message));
  registerAuthentication(app, deps.db);
  app.addHook('preValidation', async (request) => enforcePolicy(request));
  registerNulGuard(app);

  for (const routes of moduleRoutes) await app.register(routes(deps));
  options.extraRoutes?.(app);
  if (options.web !== false) await registerWeb(app);
  return app;
}
