import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '@http/route-deps';
import { needsRoutes } from './needs.routes';
import { programmesRoutes } from './programmes.routes';
import { programmeReportRoutes } from './programme-reports.routes';
import { reviewRoutes } from './reviews.routes';
import { meetingsRoutes } from './meetings.routes';
import { awardsRoutes } from './awards.routes';

/** The National Programme: programmes as data and the needs catalogue. One entry in modules/index.ts. */
export const programmeRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(programmesRoutes(deps));
    await app.register(needsRoutes(deps));
    await app.register(programmeReportRoutes(deps));
    await app.register(reviewRoutes(deps));
    await app.register(meetingsRoutes(deps));
    await app.register(awardsRoutes(deps));
  };
