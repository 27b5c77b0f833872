import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, allow } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import { addCounterpartFund, listCounterpartFunds, removeCounterpartFund } from './aid-reports.counterpart';
import {
  addCounterpartBody,
  aidReportList,
  aidReportView,
  counterpartList,
  createAidReportBody,
  listAidReportsQuery,
  putAidReportBody,
} from './aid-reports.schemas';
import { changeAidReport, createAidReport, getAidReport, listAidReports } from './aid-reports.service';
import { versionBody } from './reports.schemas';

const idParams = z.object({ id: z.string().uuid() });
const fundParams = z.object({ id: z.string().uuid(), fundId: z.string().uuid() });
/** Whoever sees aid items in a scope: national officers, agencies, reviewers, aid owners (the NGO donor files its own Mẫu 05). */
const readers = allow('admin', 'central', 'agency', 'reviewer', 'owner');
const filers = allow('agency', 'owner');
const tags = ['aid reports'];

/** The aid's reports on their clocks (D80 Art. 13.9, 14.4, 15.5, 18, 23.9b) and counterpart funds (Art. 3.9). */
export const aidReportsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/aid-reports',
      {
        config: { policy: readers },
        schema: {
          tags,
          summary: "Reports the aid items in the caller's scope owe for a year: upcoming, due, late or done",
          querystring: listAidReportsQuery,
          response: { 200: aidReportList },
        },
      },
      async (request) => listAidReports(deps.db, actorOf(request), request.query),
    );
    app.post(
      '/api/aid-reports',
      {
        config: { policy: filers },
        schema: {
          tags,
          summary: 'Start a report an item owes, pre-filled from the registry (the aid owner; the governing agency for the settlement)',
          body: createAidReportBody,
          response: { 201: aidReportView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createAidReport(deps.db, writeContext(request), actorOf(request), request.body)),
    );
    app.get(
      '/api/aid-reports/:id',
      {
        config: { policy: readers },
        schema: { tags, summary: 'One aid report with its figures', params: idParams, response: { 200: aidReportView } },
      },
      async (request) => getAidReport(deps.db, actorOf(request), request.params.id),
    );
    app.put(
      '/api/aid-reports/:id',
      {
        config: { policy: filers },
        schema: {
          tags,
          summary: 'Save the draft, optionally refreshing the figures',
          params: idParams,
          body: putAidReportBody,
          response: { 200: aidReportView },
        },
      },
      async (request) => changeAidReport(deps.db, writeContext(request), actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/aid-reports/:id/submit',
      {
        config: { policy: filers },
        schema: {
          tags,
          summary: 'File the report (figures refreshed at filing; the period must have ended)',
          params: idParams,
          body: versionBody,
          response: { 200: aidReportView },
        },
      },
      async (request) =>
        changeAidReport(deps.db, writeContext(request), actorOf(request), request.params.id, {
          version: request.body.version,
          submit: true,
        }),
    );

    app.get(
      '/api/aid/:id/counterpart-funds',
      {
        // The donor NGO reads them too: the decision that states them is notified to it (D80 Art. 11).
        config: { policy: allow('admin', 'central', 'agency', 'reviewer', 'owner', 'ngo') },
        schema: { tags, summary: 'Counterpart funds recorded beside the aid item', params: idParams, response: { 200: counterpartList } },
      },
      async (request) => listCounterpartFunds(deps.db, actorOf(request), request.params.id),
    );
    app.post(
      '/api/aid/:id/counterpart-funds',
      {
        config: { policy: allow('admin', 'central', 'agency', 'owner') },
        schema: {
          tags,
          summary: 'Record a counterpart amount (amount, currency, source)',
          params: idParams,
          body: addCounterpartBody,
          response: { 201: counterpartList },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addCounterpartFund(deps.db, writeContext(request), actorOf(request), request.params.id, request.body)),
    );
    app.delete(
      '/api/aid/:id/counterpart-funds/:fundId',
      {
        config: { policy: allow('admin', 'central', 'agency', 'owner') },
        schema: { tags, summary: 'Remove a counterpart amount', params: fundParams, response: { 200: counterpartList } },
      },
      async (request) => removeCounterpartFund(deps.db, writeContext(request), actorOf(request), request.params.id, request.params.fundId),
    );
  };
