import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { vietnamToday } from '@common/time/vietnam-today';
import { z } from 'zod';
import { requestLanguage } from '@http/error-handler';
import { offsetOf, paginated } from '@http/pagination';
import { actorOf, allow, publicAccess } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import { notFound } from '@errors/app-error';
import { aidCsv, aidXlsx, provinceNames } from './aid-export';
import { readAidDetail } from './aid-items.detail';
import { anySynthetic, countAidItems, donorsInScope, listAidRows, type Audience } from './aid-items.repository';
import {
  aidDetail,
  aidListItem,
  createAidBody,
  exportAidQuery,
  listAidQuery,
  publicAidItem,
  publicAidQuery,
  updateAidBody,
} from './aid-items.schemas';
import { createAidItem, updateAidItem } from './aid-items.service';

const idParams = z.object({ id: z.string().uuid() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Everyone with an account reads aid in their own scope (reviewers: what their agency governs; aid owners: their own aid). */
const readers = allow('admin', 'central', 'agency', 'reviewer', 'ngo', 'owner');
const writers = allow('admin', 'central', 'agency', 'ngo');

/** The aid list, exports, aid page and forms; the public list of approved aid. */
export const aidItemsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/aid',
      {
        // Depends on the caller only through its scope: kept in memory per scope until aid data changes (src/http/public-cache.ts).
        config: { policy: readers, publicCache: 'scope' },
        schema: {
          tags: ['aid'],
          summary: "Aid items in the caller's scope: filters, sort, pagination, USD totals per row (decimal strings)",
          querystring: listAidQuery,
          response: { 200: paginated(aidListItem) },
        },
      },
      async (request) => {
        const audience: Audience = { actor: actorOf(request) };
        const q = request.query;
        const [items, total] = await Promise.all([
          listAidRows(deps.db, audience, q, { limit: q.pageSize, offset: offsetOf(q) }),
          countAidItems(deps.db, audience, q),
        ]);
        return { items, total, page: q.page, pageSize: q.pageSize };
      },
    );

    for (const format of ['csv', 'xlsx'] as const) {
      app.get(
        `/api/aid/export.${format}`,
        {
          config: { policy: readers },
          schema: {
            tags: ['aid'],
            summary: `The aid list with the same filters and sort, as ${format === 'xlsx' ? 'an Excel workbook' : 'CSV (UTF-8)'}; synthetic data is labelled`,
            querystring: exportAidQuery,
            response: { 200: z.unknown().describe(`${format} file`) },
          },
        },
        async (request, reply) => {
          const audience: Audience = { actor: actorOf(request) };
          const lang = requestLanguage(request);
          const [synthetic, provinces] = await Promise.all([anySynthetic(deps.db, audience, request.query), provinceNames(deps.db, lang)]);
          const stamp = vietnamToday();
          reply.header('content-disposition', `attachment; filename="vnaid-aid-${stamp}.${format}"`);
          reply.type(format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8');
          return reply.send(
            format === 'xlsx'
              ? aidXlsx(deps.db, audience, request.query, lang, synthetic, provinces)
              : aidCsv(deps.db, audience, request.query, lang, synthetic, provinces),
          );
        },
      );
    }

    app.get(
      '/api/aid/donors',
      {
        config: { policy: readers },
        schema: {
          tags: ['aid'],
          summary: "Registered organisations with aid in the caller's scope (for the list filter)",
          response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), countryCode: z.string() })) }) },
        },
      },
      async (request) => ({ items: await donorsInScope(deps.db, { actor: actorOf(request) }) }),
    );

    app.post(
      '/api/aid',
      {
        config: { policy: writers },
        schema: {
          tags: ['aid'],
          summary: 'Register an aid item (NGOs: their own, in the pipeline)',
          body: createAidBody,
          response: { 201: aidDetail },
        },
      },
      async (request, reply) => reply.status(201).send(await createAidItem(deps.db, writeContext(request), request.body)),
    );

    app.get(
      '/api/aid/:id',
      {
        config: { policy: readers },
        schema: {
          tags: ['aid'],
          summary: 'An aid item with locations, sectors, partners and totals',
          params: idParams,
          response: { 200: aidDetail },
        },
      },
      async (request) => {
        const detail = await readAidDetail(deps.db, actorOf(request), request.params.id);
        if (!detail) throw notFound('aid_item');
        return detail;
      },
    );

    app.patch(
      '/api/aid/:id',
      {
        config: { policy: writers },
        schema: {
          tags: ['aid'],
          summary: 'Change an aid item (optimistic concurrency: 409 stale_version on an old version)',
          params: idParams,
          body: updateAidBody,
          response: { 200: aidDetail },
        },
      },
      async (request) => updateAidItem(deps.db, writeContext(request), request.params.id, request.body),
    );

    app.get(
      '/api/public/aid',
      {
        config: { policy: publicAccess },
        schema: {
          tags: ['aid', 'public'],
          summary: 'Approved, ongoing and completed aid, without personal data',
          querystring: publicAidQuery,
          response: { 200: paginated(publicAidItem) },
        },
      },
      async (request) => {
        const audience: Audience = { public: true };
        const q = request.query;
        const [rows, total] = await Promise.all([
          listAidRows(deps.db, audience, q, { limit: q.pageSize, offset: offsetOf(q) }),
          countAidItems(deps.db, audience, q),
        ]);
        // Only a registered organisation is named; a donor named in clear may be a private person.
        const items = rows.map(({ donorName, ...row }) => ({ ...row, organisationName: row.organisationId ? donorName : null }));
        return { items, total, page: q.page, pageSize: q.pageSize };
      },
    );
  };
