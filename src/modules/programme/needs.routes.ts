import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { paginated } from '@http/pagination';
import { actorOf, allow, publicAccess } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import { notFound } from '@errors/app-error';
import { createInterest, listInterests, updateInterest } from './interests.service';
import { suggestNeedsForOrganisation, suggestNgos } from './matching.service';
import { iatiPipelineRoutes } from '@modules/iati/iati-export.pipeline';
import { needDocumentsRoutes } from './needs-documents.routes';
import { readNeedDetail } from './needs.detail';
import { proposerRoles } from './needs.policy';
import { listNeeds, listPublicNeeds } from './needs.repository';
import {
  createInterestBody,
  createNeedBody,
  idParams,
  interestView,
  linkFundingBody,
  matchView,
  needMatchView,
  needActionBody,
  needDetail,
  needListItem,
  needsQuery,
  publicNeedsQuery,
  updateInterestBody,
  updateNeedBody,
} from './needs.schemas';
import { actOnNeed, createNeed, linkFunding, updateNeed } from './needs.service';

const readers = allow('admin', 'central', 'agency', 'reviewer', 'ngo');
const proposers = allow(...proposerRoles);

/** The needs catalogue: public list and page, officers' proposals and workflow, NGOs' interest, suggestions. */
export const needsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(needDocumentsRoutes(deps));
    // The catalogue's IATI pipeline document lives with the IATI exports, and is served from here.
    await app.register(iatiPipelineRoutes(deps));

    app.get(
      '/api/public/needs',
      {
        config: { policy: publicAccess },
        schema: {
          tags: ['programme', 'public'],
          summary: 'Published proposals seeking aid; q matches with or without Vietnamese accents',
          querystring: publicNeedsQuery,
          response: { 200: paginated(needListItem) },
        },
      },
      async (request) => listPublicNeeds(deps.db, request.query),
    );

    app.get(
      '/api/public/needs/:id',
      {
        config: { policy: publicAccess },
        schema: {
          tags: ['programme', 'public'],
          summary: 'A published proposal, with the amount mobilised against the budget sought',
          params: idParams,
          response: { 200: needDetail },
        },
      },
      async (request) => {
        const detail = await readNeedDetail(deps.db, null, request.params.id);
        if (!detail) throw notFound('need_proposal');
        return detail;
      },
    );

    app.get(
      '/api/needs',
      {
        config: { policy: readers },
        schema: {
          tags: ['programme'],
          summary: "Proposals in the caller's scope (own agency's in every state; published ones), with status and 'mine' filters",
          querystring: needsQuery,
          response: { 200: paginated(needListItem) },
        },
      },
      async (request) => listNeeds(deps.db, actorOf(request), request.query),
    );

    app.post(
      '/api/needs',
      {
        config: { policy: proposers },
        schema: {
          tags: ['programme'],
          summary: 'Propose a project seeking aid (a draft); a province only for its own territory',
          body: createNeedBody,
          response: { 201: needDetail },
        },
      },
      async (request, reply) => reply.status(201).send(await createNeed(deps.db, writeContext(request), request.body)),
    );

    app.get(
      '/api/needs/:id',
      {
        config: { policy: readers },
        schema: {
          tags: ['programme'],
          summary: 'A proposal with its history and the actions open to the caller',
          params: idParams,
          response: { 200: needDetail },
        },
      },
      async (request) => {
        const detail = await readNeedDetail(deps.db, actorOf(request), request.params.id);
        if (!detail) throw notFound('need_proposal');
        return detail;
      },
    );

    app.patch(
      '/api/needs/:id',
      {
        config: { policy: proposers },
        schema: {
          tags: ['programme'],
          summary: 'Change a draft or a proposal returned for changes (409 stale_version on an old version)',
          params: idParams,
          body: updateNeedBody,
          response: { 200: needDetail },
        },
      },
      async (request) => updateNeed(deps.db, writeContext(request), request.params.id, request.body),
    );

    app.post(
      '/api/needs/:id/actions',
      {
        config: { policy: proposers },
        schema: {
          tags: ['programme'],
          summary: 'Submit; central: publish, request changes (comment) or decline (reason)',
          params: idParams,
          body: needActionBody,
          response: { 200: needDetail },
        },
      },
      async (request) => actOnNeed(deps.db, writeContext(request), request.params.id, request.body),
    );

    app.post(
      '/api/needs/:id/fundings',
      {
        config: { policy: proposers },
        schema: {
          tags: ['programme'],
          summary: 'Link an aid item funding the proposal, with the amount it mobilises (the proposal becomes FUNDED)',
          params: idParams,
          body: linkFundingBody,
          response: { 200: needDetail },
        },
      },
      async (request) => linkFunding(deps.db, writeContext(request), request.params.id, request.body),
    );

    app.get(
      '/api/needs/:id/suggestions',
      {
        config: { policy: proposers },
        schema: {
          tags: ['programme'],
          summary: 'NGOs suggested for the proposal, ranked, each with the reasons for its score',
          params: idParams,
          response: { 200: z.object({ items: z.array(matchView) }) },
        },
      },
      async (request) => ({
        items: (await suggestNgos(deps.db, actorOf(request), request.params.id)).map(({ id, ...m }) => ({ organisationId: id, ...m })),
      }),
    );

    app.get(
      '/api/needs/suggested',
      {
        config: { policy: allow('ngo') },
        schema: {
          tags: ['programme'],
          summary: "Published proposals suggested to the caller's organisation (not yet answered), ranked, with the reasons",
          response: { 200: z.object({ items: z.array(needMatchView) }) },
        },
      },
      async (request) => {
        const organisationId = actorOf(request).organisationId;
        return {
          items: organisationId
            ? (await suggestNeedsForOrganisation(deps.db, organisationId)).map(({ id, ...m }) => ({ proposalId: id, ...m }))
            : [],
        };
      },
    );

    app.get(
      '/api/needs/:id/interests',
      {
        config: { policy: allow('admin', 'central', 'agency', 'ngo') },
        schema: {
          tags: ['programme'],
          summary: 'Interests in a proposal (an NGO: only its own)',
          params: idParams,
          response: { 200: z.object({ items: z.array(interestView) }) },
        },
      },
      async (request) => ({ items: await listInterests(deps.db, actorOf(request), request.params.id) }),
    );

    app.post(
      '/api/needs/:id/interests',
      {
        config: { policy: allow('ngo') },
        schema: {
          tags: ['programme'],
          summary: "Express the NGO's interest in a published proposal (once per organisation)",
          params: idParams,
          body: createInterestBody,
          response: { 201: interestView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createInterest(deps.db, writeContext(request), request.params.id, request.body)),
    );

    app.get(
      '/api/need-interests',
      {
        config: { policy: allow('admin', 'central', 'agency', 'ngo') },
        schema: {
          tags: ['programme'],
          summary: 'Interests the caller may see: an NGO its own, an agency those on its proposals, central all',
          response: { 200: z.object({ items: z.array(interestView) }) },
        },
      },
      async (request) => ({ items: await listInterests(deps.db, actorOf(request)) }),
    );

    app.patch(
      '/api/need-interests/:id',
      {
        config: { policy: allow('admin', 'central', 'agency') },
        schema: {
          tags: ['programme'],
          summary: 'Mark an interest: in talks, agreed, not pursued (409 stale_version on an old version)',
          params: idParams,
          body: updateInterestBody,
          response: { 200: interestView },
        },
      },
      async (request) => updateInterest(deps.db, writeContext(request), request.params.id, request.body),
    );
  };
