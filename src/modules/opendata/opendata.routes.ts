import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, publicAccess } from '@http/policy';
import { isoDate } from '@http/primitives';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import { vietnamToday } from '@common/time/vietnam-today';
import { DATASETS } from './opendata.fields';
import { requestBundle } from './opendata.job';
import { FIELDS_URL, listBundles, openBundleFile } from './opendata.service';
import { statisticsYears } from './opendata.datasets';

const tags = ['open data'];
const fileView = z.object({
  name: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  rows: z.number().int(),
  contentType: z.string(),
  url: z.string(),
});
const bundleView = z.object({ date: z.string(), createdAt: z.string(), synthetic: z.boolean(), files: z.array(fileView) });
const text = z.object({ vi: z.string(), en: z.string() });
const indexView = z.object({
  latest: bundleView.nullable(),
  bundles: z.array(bundleView),
  documentation: z.string().describe('field-by-field documentation (also docs/open-data.md)'),
  iati: z.object({
    activities: z.string().describe('the IATI 2.03 activity document; add ?year=YYYY'),
    years: z.array(z.number().int()).describe('years with aid figures'),
    organisation: z.string().describe('the IATI organisation document of one NGO (replace :id)'),
    pipeline: z.string().describe("the needs catalogue's published proposals not yet funded, as IATI pipeline activities"),
  }),
  api: z.object({ openapi: z.string(), docs: z.string() }),
});
const fieldsView = z.object({
  conventions: text,
  datasets: z.array(
    z.object({
      name: z.string(),
      description: text,
      files: z.array(z.string()),
      fields: z.array(z.object({ name: z.string(), type: z.string(), description: text })),
    }),
  ),
});

/**
 * Bulk downloads (issue 7): the index of the daily bundles, their files, the field documentation, and the
 * administrator's on-demand rebuild. The daily schedule is started by the process entry (src/main.ts), not here.
 */
export const opendataRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/public/opendata',
      {
        config: { policy: publicAccess },
        schema: {
          tags,
          summary:
            'Open data index: the daily bundles (directory, statistics and the needs catalogue as CSV and JSON, codes and labels in vi and en), the IATI documents and the API',
          response: { 200: indexView },
        },
      },
      async () => {
        const bundles = await listBundles(deps.db);
        return {
          latest: bundles[0] ?? null,
          bundles,
          documentation: FIELDS_URL,
          iati: {
            activities: '/api/public/iati/activities.xml',
            years: await statisticsYears(deps.db, vietnamToday()),
            organisation: '/api/public/iati/organisations/:id.xml',
            pipeline: '/api/public/iati/pipeline.xml',
          },
          api: { openapi: '/api/openapi.json', docs: '/api/docs' },
        };
      },
    );

    app.get(
      '/api/public/opendata/fields',
      {
        config: { policy: publicAccess },
        schema: { tags, summary: 'Every file of the bundle, field by field, in Vietnamese and English', response: { 200: fieldsView } },
      },
      async () => ({
        conventions: {
          vi: 'CSV: UTF-8 có BOM, dòng tiêu đề là tên trường, danh sách nối bằng "; ". JSON: {dataset, description, bundleDate, generatedAt, synthetic, documentation, fields, items}. Mỗi trường mã hóa có thêm tên tiếng Việt (…Vi) và tiếng Anh (…En). Tiền là USD, chuỗi số thập phân 2 chữ số.',
          en: 'CSV: UTF-8 with BOM, a header row of field names, lists joined by "; ". JSON: {dataset, description, bundleDate, generatedAt, synthetic, documentation, fields, items}. Every coded field comes with its Vietnamese (…Vi) and English (…En) label. Money is USD as a decimal string with 2 decimals.',
        },
        datasets: DATASETS.map((d) => ({
          name: d.name,
          description: { vi: d.vi, en: d.en },
          files: [`${d.name}.csv`, `${d.name}.json`],
          fields: d.fields.map((f) => ({ name: f.name, type: f.type, description: { vi: f.vi, en: f.en } })),
        })),
      }),
    );

    app.get(
      '/api/public/opendata/:date/:file',
      {
        config: { policy: publicAccess },
        schema: {
          tags,
          summary: 'A file of a bundle (`latest` for the newest), e.g. /api/public/opendata/latest/directory.csv',
          params: z.object({
            date: z.union([z.literal('latest'), isoDate]),
            file: z.string().regex(/^[a-z-]+\.(csv|json)$/),
          }),
          response: { 200: z.unknown().describe('CSV or JSON file') },
        },
      },
      async (request, reply) => {
        const { stream, file, date } = await openBundleFile(deps.db, request.params.date, request.params.file);
        return reply
          .type(file.contentType)
          .header('content-disposition', `attachment; filename="vnaid-${date}-${file.name}"`)
          .header('content-length', String(file.bytes))
          .header('x-content-sha256', file.sha256)
          .header('cache-control', 'public, max-age=3600')
          .send(stream);
      },
    );

    app.post(
      '/api/opendata/bundles',
      {
        config: { policy: allow('admin') },
        schema: {
          tags,
          summary: "Rebuild today's bundle now (a background job; poll GET /api/jobs/:id). Answers the job already queued, if any",
          response: { 202: z.object({ jobId: z.string(), status: z.string() }) },
        },
      },
      async (request, reply) => {
        const job = await requestBundle(deps.db, writeContext(request));
        return reply.status(202).send({ jobId: job.id, status: job.status });
      },
    );
  };
