import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { definitions } from '@domain/statistics/definitions';
import { requestLanguage } from '@http/error-handler';
import { publicAccess } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { dashboard, filterOf, records } from './stats.dashboard';
import { statsReportRoutes } from './stats.reports.routes';
import { applyScope, resolveScope } from './stats.policy';
import {
  dashboardView,
  definitionsView,
  filterQuery,
  provinceList,
  recordsQuery,
  regionList,
  regionQuery,
  recordsView,
  sectorList,
  summaryQuery,
  summaryView,
  trendView,
  yearQuery,
} from '@common/contracts/stats';
import { byRegion, publicSummary, summaryRequest } from './stats.period';
import { byProvince, bySector, hasSyntheticData, trend } from './stats.service';

const tags = ['statistics'];
// A visitor's answers are the same for every visitor: kept in memory until the data changes (src/http/public-cache.ts).
const config = { policy: publicAccess, publicCache: 'anonymous' as const };

/**
 * Statistics: the public routes of the API contract (national figures, no personal data) and the dashboard
 * routes, which answer officers within their scope. Reports and their jobs are in stats.reports.routes.ts.
 */
export const statsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps;
    await app.register(statsReportRoutes(deps));

    app.get(
      '/api/public/stats/summary',
      {
        config,
        schema: {
          tags,
          summary: 'National figures of a calendar year, of a year up to a date (`asOf`) or of a period of years (`from`, `to`)',
          querystring: summaryQuery,
          response: { 200: summaryView },
        },
      },
      async (request) => publicSummary(db, summaryRequest(request.query)),
    );
    app.get(
      '/api/public/stats/by-region',
      {
        config,
        schema: {
          tags,
          summary: "A period by region: today's regions of the 34 provinces, or the 8 traditional regions of the 63 former provinces",
          querystring: regionQuery,
          response: { 200: regionList },
        },
      },
      async (request) => byRegion(db, request.query, requestLanguage(request)),
    );
    app.get(
      '/api/public/stats/by-province',
      {
        config,
        schema: {
          tags,
          summary: 'A year by the 34 current provinces (older records rolled up), split by location shares',
          querystring: yearQuery,
          response: { 200: provinceList },
        },
      },
      async (request) => ({
        year: request.query.year,
        ...(await byProvince(db, request.query.year, {}, requestLanguage(request))),
        synthetic: await hasSyntheticData(db),
      }),
    );
    app.get(
      '/api/public/stats/by-sector',
      {
        config,
        schema: { tags, summary: 'A year by sector, split by sector shares', querystring: yearQuery, response: { 200: sectorList } },
      },
      async (request) => ({
        year: request.query.year,
        ...(await bySector(db, request.query.year, {}, requestLanguage(request))),
        synthetic: await hasSyntheticData(db),
      }),
    );
    app.get(
      '/api/public/stats/trend',
      {
        config,
        schema: { tags, summary: 'National figures of the ten years up to `year`', querystring: yearQuery, response: { 200: trendView } },
      },
      async (request) => trend(db, request.query.year, {}),
    );
    app.get(
      '/api/public/stats/definitions',
      { config, schema: { tags, summary: 'What each statistic means', response: { 200: definitionsView } } },
      async (request) => {
        const lang = requestLanguage(request);
        return { items: definitions.map((d) => ({ id: d.id, ...d[lang] })) };
      },
    );

    app.get(
      '/api/stats/dashboard',
      {
        config,
        schema: {
          tags,
          summary: 'Dashboard of a year: key figures, trend and breakdowns under shared filters; officers see their scope',
          querystring: filterQuery,
          response: { 200: dashboardView },
        },
      },
      async (request) => {
        const scope = await resolveScope(db, request.actor, request.query);
        return dashboard(db, request.query.year, applyScope(scope, filterOf(request.query)), scope, requestLanguage(request));
      },
    );
    app.get(
      '/api/stats/records',
      {
        config,
        schema: {
          tags,
          summary: 'The aid items behind a figure (the filtered part of their amounts)',
          querystring: recordsQuery,
          response: { 200: recordsView },
        },
      },
      async (request) => {
        const scope = await resolveScope(db, request.actor, request.query);
        const q = request.query;
        return records(db, q.year, applyScope(scope, filterOf(q)), requestLanguage(request), q.page, q.pageSize);
      },
    );
  };
