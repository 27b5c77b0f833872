import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '@http/route-deps';
import { needsRoutes } from './needs.routes';
import { programmesRoutes } from './programmes.routes';

/** The National Programme: programmes as data and the needs catalogue. One entry in modules/index.ts. */
export const programmeRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(programmesRoutes(deps));
    await app.register(needsRoutes(deps));
  };
