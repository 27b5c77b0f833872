import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '@http/route-deps';
import { aidAdjustmentsRoutes } from './aid-adjustments.routes';
import { aidItemsRoutes } from './aid-items.routes';
import { aidReportsRoutes } from './aid-reports.routes';
import { publicAidItemRoutes } from './public-aid-item.routes';
import { reportsRoutes } from './reports.routes';
import { transactionsRoutes } from './transactions.routes';

/** The aid registry: aid items, transactions and exchange rates, periodic reports. One entry in modules/index.ts. */
export const aidRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(aidItemsRoutes(deps));
    await app.register(aidAdjustmentsRoutes(deps));
    await app.register(transactionsRoutes(deps));
    await app.register(reportsRoutes(deps));
    await app.register(aidReportsRoutes(deps));
    await app.register(publicAidItemRoutes(deps));
  };
