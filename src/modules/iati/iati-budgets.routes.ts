import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '@errors/app-error';
import { actorOf, allow } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { aidBudgetsView, readAidBudgets } from './iati-budgets.reader';

const readers = allow('admin', 'central', 'agency', 'reviewer', 'ngo');

/** `GET /api/aid/:id/budgets`: what the aid page shows beside the transactions (issue 16 #4, #7). */
export const iatiBudgetRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/aid/:id/budgets',
      {
        config: { policy: readers },
        schema: {
          tags: ['aid', 'iati'],
          summary: "An aid item's budgets, planned disbursements and its publisher's exact DAC sector codes (plans: counted in no figure)",
          params: z.object({ id: z.string().uuid() }),
          response: { 200: aidBudgetsView },
        },
      },
      async (request) => {
        const view = await readAidBudgets(deps.db, actorOf(request), request.params.id);
        if (!view) throw notFound('aid_item');
        return view;
      },
    );
  };
