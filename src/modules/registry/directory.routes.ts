import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestLanguage } from '@http/error-handler';
import { publicAccess } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { anySynthetic, directoryCsv, directoryXlsx } from './directory.export';
import { searchDirectory } from './directory.repository';
import { directoryFilters, directoryPage, directoryQuery, publicProfile } from './directory.schemas';
import { publicProfileOf } from './directory.service';
import { publiclyListed } from './registry.policy';
import { vietnamToday } from '@common/time/vietnam-today';

const idParams = z.object({ id: z.string().uuid() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Per-IP requests per minute when the configuration sets none (see VNAID_DIRECTORY_*_PER_MINUTE). */
const DEFAULT_LIMITS = { searchPerMinute: 120, exportPerMinute: 10 };

/** The public directory: search, profile and exports, for anonymous visitors. No person data leaves here. */
export const directoryRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { policy: publicAccess };
    // Anonymous and scriptable: per-IP limits keep one client from monopolising the search or the exports.
    const limits = deps.config.directoryRateLimit ?? DEFAULT_LIMITS;
    // The same for everyone: kept in memory until the registry changes (src/http/public-cache.ts).
    const searchConfig = {
      ...config,
      publicCache: 'everyone' as const,
      rateLimit: { max: limits.searchPerMinute, timeWindow: '1 minute' },
    };
    const exportConfig = { ...config, rateLimit: { max: limits.exportPerMinute, timeWindow: '1 minute' } };

    app.get(
      '/api/public/organisations',
      {
        config: searchConfig,
        schema: {
          tags: ['directory'],
          summary: 'Search the public directory of foreign NGOs (any name or acronym, accent-insensitive; ranked, paginated)',
          querystring: directoryQuery,
          response: { 200: directoryPage },
        },
      },
      async (request) => {
        const { page, pageSize, ...filters } = request.query;
        const today = vietnamToday();
        return searchDirectory(deps.db, filters, { page, pageSize }, { today, scope: publiclyListed(today) });
      },
    );

    for (const format of ['xlsx', 'csv'] as const) {
      app.get(
        `/api/public/organisations/export.${format}`,
        {
          config: exportConfig,
          schema: {
            tags: ['directory'],
            summary: `Export every organisation matching the directory filters as ${format === 'xlsx' ? 'an Excel workbook' : 'CSV (UTF-8)'}; synthetic data is labelled`,
            querystring: directoryFilters,
            response: { 200: z.unknown().describe(`${format} file`) },
          },
        },
        async (request, reply) => {
          const lang = requestLanguage(request);
          const today = vietnamToday();
          const synthetic = await anySynthetic(deps.db, request.query, today);
          const name = `vnaid-directory-${today}${synthetic ? '-synthetic' : ''}.${format}`;
          reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
          if (synthetic) reply.header('x-vnaid-synthetic', 'true');
          if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(directoryCsv(deps.db, request.query, today, lang));
          return reply.type(XLSX).send(directoryXlsx(deps.db, request.query, today, lang, synthetic));
        },
      );
    }

    app.get(
      '/api/public/organisations/:id',
      {
        config,
        schema: {
          tags: ['directory'],
          summary:
            'Public profile: names, country, website, mission, the certificates in force (type, number, validity, provinces, fields), what it does, its office, the history of its certificates and its approved aid of the last five years; no person data',
          params: idParams,
          response: { 200: publicProfile },
        },
      },
      async (request) => publicProfileOf(deps.db, request.params.id, vietnamToday(), requestLanguage(request)),
    );
  };
