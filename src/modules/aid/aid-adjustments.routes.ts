import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, allow } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import { notFound } from '@errors/app-error';
import { readAidDetail } from './aid-items.detail';
import { aidDetail } from './aid-items.schemas';
import { adjustmentView, decideAdjustmentBody, fileAdjustmentBody, revocationBody } from './aid-adjustments.schemas';
import { decideAdjustment, fileAdjustment, listAdjustments } from './aid-adjustments.service';
import { revokeAidItem } from './aid-revocation.service';

const idParams = z.object({ id: z.string().uuid() });
/** State officers decide (the service checks that the officer's agency approved the item, or is national). */
const deciders = allow('admin', 'central', 'agency');
const readers = allow('admin', 'central', 'agency', 'reviewer', 'ngo', 'owner');

/** Revocation (D80 Art. 4.7) and adjustments (Art. 16) of approved aid items. */
export const aidAdjustmentsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/aid/:id/revocation',
      {
        config: { policy: deciders },
        schema: {
          tags: ['aid'],
          summary: 'Revoke an approved item not started nor disbursed six months after approval (its approver; D80 Art. 4.7)',
          params: idParams,
          body: revocationBody,
          response: { 200: aidDetail },
        },
      },
      async (request) => revokeAidItem(deps.db, writeContext(request), request.params.id, request.body),
    );

    app.get(
      '/api/aid/adjustments',
      {
        config: { policy: deciders },
        schema: {
          tags: ['aid'],
          summary: 'Open adjustment requests the caller decides (its agency is their approver)',
          response: { 200: z.object({ items: z.array(adjustmentView) }) },
        },
      },
      async (request) => ({ items: await listAdjustments(deps.db, actorOf(request), { pending: true }) }),
    );

    app.get(
      '/api/aid/:id/adjustments',
      {
        config: { policy: readers },
        schema: {
          tags: ['aid'],
          summary: "An item's adjustment requests and decisions, newest first (its history)",
          params: idParams,
          response: { 200: z.object({ items: z.array(adjustmentView) }) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const items = await listAdjustments(deps.db, actor, { itemId: request.params.id });
        if (!items.length && !(await readAidDetail(deps.db, actor, request.params.id))) throw notFound('aid_item');
        return { items };
      },
    );

    app.post(
      '/api/aid/:id/adjustments',
      {
        config: { policy: allow('owner') },
        schema: {
          tags: ['aid'],
          summary: 'The aid owner asks to adjust its approved item (D80 Art. 16); it goes to the approver, or MOF for a PM case',
          params: idParams,
          body: fileAdjustmentBody,
          response: { 201: z.object({ items: z.array(adjustmentView) }) },
        },
      },
      async (request, reply) => {
        await fileAdjustment(deps.db, writeContext(request), request.params.id, request.body);
        return reply.status(201).send({ items: await listAdjustments(deps.db, actorOf(request), { itemId: request.params.id }) });
      },
    );

    app.post(
      '/api/aid/adjustments/:id/decision',
      {
        config: { policy: deciders },
        schema: {
          tags: ['aid'],
          summary: 'Approve (the change applies to the item) or refuse an adjustment request',
          params: idParams,
          body: decideAdjustmentBody,
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (request) => {
        await decideAdjustment(deps.db, writeContext(request), request.params.id, request.body);
        return { ok: true as const };
      },
    );
  };
