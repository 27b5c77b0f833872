import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forbidden } from '@errors/app-error';
import { requestLanguage } from '@http/error-handler';
import { paginated } from '@http/pagination';
import { actorOf, allow } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import { searchDirectory } from './directory.repository';
import { organisationHistory } from './organisation-history';
import {
  contactsBody,
  createOrganisationBody,
  historyView,
  listOrganisationsQuery,
  organisationListItem,
  organisationView,
  updateOrganisationBody,
} from './organisations.schemas';
import { createOrganisation, getOrganisation, updateOrganisation, updateOwnContacts } from './organisations.service';
import { organisationScope } from './registry.policy';
import { vietnamToday } from '@common/time/vietnam-today';

const idParams = z.object({ id: z.string().uuid() });

/** Officer screens over organisations (scope in registry.policy.ts) and the NGO's own record. */
export const organisationRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const read = { policy: allow('admin', 'central', 'agency') };
    const manage = { policy: allow('admin', 'central') };
    const tags = ['organisations'];

    app.get(
      '/api/organisations',
      {
        config: read,
        schema: {
          tags,
          summary: 'Organisations in the caller’s scope, with status as of a date (derived from certificates)',
          querystring: listOrganisationsQuery,
          response: { 200: paginated(organisationListItem) },
        },
      },
      async (request) => {
        const { page, pageSize, asOf, ...filters } = request.query;
        return searchDirectory(
          deps.db,
          filters,
          { page, pageSize },
          { today: asOf ?? vietnamToday(), scope: organisationScope(actorOf(request)) },
        );
      },
    );
    app.post(
      '/api/organisations',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Create an organisation (with representative, partners, bank accounts)',
          body: createOrganisationBody,
          response: { 201: organisationView },
        },
      },
      async (request, reply) => reply.status(201).send(await createOrganisation(deps.db, writeContext(request), request.body)),
    );
    app.get(
      '/api/organisations/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'One organisation with its certificates as of today (personal data for admin and central only)',
          params: idParams,
          response: { 200: organisationView },
        },
      },
      async (request) => getOrganisation(deps.db, actorOf(request), request.params.id),
    );
    app.patch(
      '/api/organisations/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Edit an organisation; `version` must be current, else 409 stale_version saying what changed',
          params: idParams,
          body: updateOrganisationBody,
          response: { 200: organisationView },
        },
      },
      async (request) => updateOrganisation(deps.db, writeContext(request), request.params.id, request.body, requestLanguage(request)),
    );
    app.get(
      '/api/organisations/:id/history',
      {
        config: read,
        schema: {
          tags,
          summary: 'Timeline: certificate decisions, and audited changes for admin and central',
          params: idParams,
          response: { 200: historyView },
        },
      },
      async (request) => organisationHistory(deps.db, actorOf(request), request.params.id),
    );

    app.get(
      '/api/my-organisation',
      {
        config: { policy: allow('ngo') },
        schema: { tags, summary: 'The NGO representative’s own organisation', response: { 200: organisationView } },
      },
      async (request) => {
        const actor = actorOf(request);
        if (!actor.organisationId) throw forbidden();
        return getOrganisation(deps.db, actor, actor.organisationId);
      },
    );
    app.patch(
      '/api/my-organisation/contacts',
      {
        config: { policy: allow('ngo') },
        schema: {
          tags,
          summary: 'The NGO edits its own contact details (versioned, audited)',
          body: contactsBody,
          response: { 200: organisationView },
        },
      },
      async (request) => updateOwnContacts(deps.db, writeContext(request), request.body, requestLanguage(request)),
    );
  };
