import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, allow } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { readAidApprovalDecision } from './aid-approval-decision.reader';

/**
 * The approval decision behind a registered aid item (D80 Art. 11): the dossier that approved it, with the decision's
 * number, date and content, for everyone who may see the item (the item's own scope, in SQL). 404 when the item is
 * not visible or was not approved through a dossier (entered by hand, imported).
 */
export const aidApprovalRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/aid/:id/approval-decision',
      {
        config: { policy: allow('admin', 'central', 'agency', 'reviewer', 'ngo', 'owner') },
        schema: {
          tags: ['aid'],
          summary: 'The approval decision (number, date and D80 Art. 11 content) of the dossier that registered the aid item',
          params: z.object({ id: z.string().uuid() }),
          response: {
            200: z.object({
              dossierId: z.string(),
              code: z.string().nullable(),
              decisionNumber: z.string().nullable(),
              decisionDate: z.string().nullable(),
              content: z.record(z.string(), z.unknown()).nullable(),
            }),
          },
        },
      },
      async (request) => readAidApprovalDecision(deps.db, actorOf(request), request.params.id),
    );
  };
