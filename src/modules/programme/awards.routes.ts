import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { vietnamToday } from '@common/time/vietnam-today';
import { notFound } from '@errors/app-error';
import { paginated } from '@http/pagination';
import { actorOf, allow } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import { awardScopeCondition } from './awards.policy';
import { listAwards, readAward } from './awards.repository';
import { awardIdParams, awardsQuery, awardView, decideBody, nominateBody } from './awards.schemas';
import { decideAward, nominate } from './awards.service';

const tags = ['programme'];

/** Awards of the Programme: nominations by agencies, decisions recorded by central. */
export const awardsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/programme/awards',
      {
        config: { policy: allow('admin', 'central', 'agency', 'reviewer', 'ngo') },
        schema: {
          tags,
          summary: "Awards in the caller's scope (central: all; an agency: its nominations and decided awards; others: decided awards)",
          querystring: awardsQuery,
          response: { 200: paginated(awardView) },
        },
      },
      async (request) => listAwards(deps.db, actorOf(request), request.query),
    );

    app.post(
      '/api/programme/awards',
      {
        config: { policy: allow('admin', 'central', 'agency') },
        schema: {
          tags,
          summary: 'Nominate an NGO or a person for an award (an agency for itself; central for any agency)',
          body: nominateBody,
          response: { 201: awardView },
        },
      },
      async (request, reply) => reply.status(201).send(await nominate(deps.db, writeContext(request), request.body, vietnamToday())),
    );

    app.get(
      '/api/programme/awards/:id',
      {
        config: { policy: allow('admin', 'central', 'agency', 'reviewer', 'ngo') },
        schema: { tags, summary: 'One award in the caller’s scope', params: awardIdParams, response: { 200: awardView } },
      },
      async (request) => {
        const actor = actorOf(request);
        const award = await readAward(deps.db, actor, request.params.id, awardScopeCondition(actor));
        if (!award) throw notFound('programme_award');
        return award;
      },
    );

    app.post(
      '/api/programme/awards/:id/decision',
      {
        config: { policy: allow('admin', 'central') },
        schema: {
          tags,
          summary: 'Record the decision: decided (number, date, issuing authority) or declined (reason); final',
          params: awardIdParams,
          body: decideBody,
          response: { 200: awardView },
        },
      },
      async (request) => decideAward(deps.db, writeContext(request), request.params.id, request.body, vietnamToday()),
    );
  };
