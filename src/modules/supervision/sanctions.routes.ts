import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, allow } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import { vietnamToday } from '@common/time/vietnam-today';
import { answerOpinion, openSanction } from './sanctions.service';
import { takeSanctionStep } from './sanction-steps.service';
import { assertSanctionVisible, getSanction, listSanctions } from './sanctions.view';
import {
  opinionBody,
  sanctionActionBody,
  sanctionListView,
  sanctionParams,
  sanctionsQuery,
  sanctionView,
  startSanctionBody,
} from './sanctions.schemas';

/** Sanctions as procedures (D58 Art. 18 suspension, Art. 19 forced termination; issue 14 §4). */
export const sanctionsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['supervision'];
    const today = () => vietnamToday();

    app.get(
      '/api/sanctions',
      {
        config: { policy: allow('admin', 'central', 'agency', 'reviewer', 'ngo') },
        schema: { tags, summary: 'Sanction cases in the caller’s scope', querystring: sanctionsQuery, response: { 200: sanctionListView } },
      },
      async (request) => listSanctions(deps.db, actorOf(request), request.query, request.query.asOf ?? today()),
    );

    app.post(
      '/api/sanctions',
      {
        config: { policy: allow('admin', 'central', 'agency') },
        schema: {
          tags,
          summary: 'Propose a suspension or forced termination (grounds, evidence); the agencies concerned are asked for opinions',
          body: startSanctionBody,
          response: { 201: sanctionView },
        },
      },
      async (request, reply) => {
        const ctx = writeContext(request);
        const proposedOn = request.body.proposedOn ?? today();
        const id = await deps.db.transaction().execute((trx) => openSanction(trx, ctx, { ...request.body, proposedOn }));
        return reply.status(201).send(await getSanction(deps.db, actorOf(request), id, today()));
      },
    );

    app.get(
      '/api/sanctions/:id',
      {
        config: { policy: allow('admin', 'central', 'agency', 'reviewer', 'ngo') },
        schema: {
          tags,
          summary: 'One sanction case with its opinions, steps, clocks and timeline',
          params: sanctionParams,
          response: { 200: sanctionView },
        },
      },
      async (request) => getSanction(deps.db, actorOf(request), request.params.id, today()),
    );

    app.post(
      '/api/sanctions/:id/opinions',
      {
        config: { policy: allow('admin', 'central', 'agency', 'reviewer') },
        schema: {
          tags,
          summary: 'An agency’s written opinion (10 working days)',
          params: sanctionParams,
          body: opinionBody,
          response: { 200: sanctionView },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await answerOpinion(
          deps.db,
          writeContext(request),
          request.params.id,
          { ...request.body, answeredOn: request.body.answeredOn ?? today() },
          (a, id) => assertSanctionVisible(deps.db, a, id),
        );
        return getSanction(deps.db, actor, request.params.id, today());
      },
    );

    app.post(
      '/api/sanctions/:id/actions',
      {
        config: { policy: allow('admin', 'central', 'ngo') },
        schema: {
          tags,
          summary: 'Take a step: meeting, decision, drop, notice, remedy report, reinstate, escalate, recovery, settlement',
          params: sanctionParams,
          body: sanctionActionBody,
          response: { 200: sanctionView },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const next = await takeSanctionStep(deps.db, writeContext(request), request.params.id, request.body, (id) =>
          assertSanctionVisible(deps.db, actor, id),
        );
        return getSanction(deps.db, actor, next, today());
      },
    );
  };
