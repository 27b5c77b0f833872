import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '@errors/app-error';
import { requestLanguage } from '@http/error-handler';
import { actorOf, allow } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { singleFileUpload } from '@http/single-file-upload';
import { writeContext } from '@http/write-context';
import { vietnamToday as todayInVietnam } from '@common/time/vietnam-today';
import { MAX_UPLOAD_BYTES } from '@modules/procedures/documents.service';
import { complianceCsv, complianceXlsx } from './compliance.export';
import { complianceList } from './compliance.service';
import { fulfilObligation, openObligationDocument, recordReceipt, waiveObligation } from './obligation-records.service';
import { listObligations } from './obligations.service';
import {
  complianceQuery,
  complianceView,
  fulfilJsonBody,
  obligationParams,
  obligationsQuery,
  obligationsView,
  organisationParams,
  receiptBody,
  waiveBody,
} from './supervision.schemas';
import { downloadHeaders } from '@files/stored-upload';

/** The fulfilment fields, from JSON or multipart: 400 validation_failed listing the issues, like schema-checked routes. */
function parseFulfil(input: unknown): z.infer<typeof fulfilJsonBody> {
  const parsed = fulfilJsonBody.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw new AppError('validation_failed', {
    details: { issues: parsed.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })) },
  });
}

const recordResult = z.object({ key: z.string(), status: z.enum(['DONE', 'WAIVED']), doneOn: z.string() });

/** Supervision of FNGOs (issue 14): obligations per organisation, fulfilments, waivers, receipts, compliance lists. */
export const supervisionRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Only the implementation plan upload takes a multipart body here. Over 20 MB → 413.
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 }, throwFileSizeLimit: true });
    const tags = ['supervision'];

    app.get(
      '/api/organisations/:id/obligations',
      {
        config: { policy: allow('admin', 'central', 'agency', 'ngo') },
        schema: {
          tags,
          summary:
            'Obligations of an organisation (D58 Art. 19.1b, 21) with due dates, status and legal basis; officers in scope and the NGO itself',
          params: organisationParams,
          querystring: obligationsQuery,
          response: { 200: obligationsView },
        },
      },
      async (request) =>
        listObligations(deps.db, actorOf(request), request.params.id, request.query.asOf ?? todayInVietnam(), requestLanguage(request)),
    );

    app.post(
      '/api/organisations/:id/obligations/:key/fulfil',
      {
        config: { policy: allow('ngo') },
        schema: {
          tags,
          summary:
            'The NGO records an obligation as done: JSON {doneOn?, note?}, or multipart with fields doneOn, note and then `file` (required for an implementation plan)',
          params: obligationParams,
          response: { 201: recordResult },
        },
      },
      async (request, reply) => {
        let body: z.infer<typeof fulfilJsonBody>;
        let file: { fileName: string; content: Buffer } | null = null;
        if (request.isMultipart()) {
          const part = await singleFileUpload(request, { maxBytes: MAX_UPLOAD_BYTES });
          const field = (name: string) => {
            const f = part.fields[name];
            return f && !Array.isArray(f) && f.type === 'field' && typeof f.value === 'string' && f.value !== '' ? f.value : undefined;
          };
          body = parseFulfil({ doneOn: field('doneOn'), note: field('note') });
          file = { fileName: part.filename, content: await part.toBuffer() };
        } else {
          body = parseFulfil(request.body);
        }
        const today = todayInVietnam();
        const result = await fulfilObligation(
          deps.db,
          writeContext(request),
          deps.config.dataDir,
          request.params.id,
          request.params.key,
          body,
          file,
          today,
        );
        return reply.status(201).send(result);
      },
    );

    app.post(
      '/api/organisations/:id/obligations/:key/waive',
      {
        config: { policy: allow('admin', 'central') },
        schema: {
          tags,
          summary: 'Waive an open obligation, saying why (admin, central)',
          params: obligationParams,
          body: waiveBody,
          response: { 201: recordResult },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await waiveObligation(
              deps.db,
              writeContext(request),
              request.params.id,
              request.params.key,
              request.body.reason,
              todayInVietnam(),
            ),
          ),
    );

    app.get(
      '/api/organisations/:id/obligations/:key/document',
      {
        config: { policy: allow('admin', 'central', 'agency', 'ngo') },
        schema: { tags, summary: 'Download the implementation plan filed for an obligation the caller may see', params: obligationParams },
      },
      async (request, reply) => {
        const doc = await openObligationDocument(deps.db, actorOf(request), deps.config.dataDir, request.params.id, request.params.key);
        return reply.headers(downloadHeaders(doc)).send(doc.stream);
      },
    );

    app.put(
      '/api/organisations/:id/certificate-receipts',
      {
        config: { policy: allow('admin', 'central', 'ngo') },
        schema: {
          tags,
          summary: 'Record the day a certificate decision was received (the obligations count from it instead of the decision date)',
          params: organisationParams,
          body: receiptBody,
          response: { 200: receiptBody },
        },
      },
      async (request) =>
        recordReceipt(deps.db, writeContext(request), request.params.id, request.body.eventId, request.body.receivedOn, todayInVietnam()),
    );

    const complianceRoute = { config: { policy: allow('admin', 'central', 'agency') } };
    app.get(
      '/api/supervision/compliance',
      {
        ...complianceRoute,
        schema: {
          tags,
          summary: 'Which organisations of the caller’s scope are late on what, with their compliance score and its formula',
          querystring: complianceQuery,
          response: { 200: complianceView },
        },
      },
      async (request) => {
        const { synthetic: _synthetic, ...view } = await complianceList(
          deps.db,
          actorOf(request),
          request.query,
          request.query.asOf ?? todayInVietnam(),
        );
        return view;
      },
    );
    app.get(
      '/api/supervision/compliance/export.csv',
      { ...complianceRoute, schema: { tags, summary: 'The compliance list as CSV (request language)', querystring: complianceQuery } },
      async (request, reply) => {
        const list = await complianceList(deps.db, actorOf(request), request.query, request.query.asOf ?? todayInVietnam());
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="compliance-${list.asOf}.csv"`)
          .send(complianceCsv(list.items, requestLanguage(request), list.synthetic, list.asOf));
      },
    );
    app.get(
      '/api/supervision/compliance/export.xlsx',
      { ...complianceRoute, schema: { tags, summary: 'The compliance list as xlsx (request language)', querystring: complianceQuery } },
      async (request, reply) => {
        const list = await complianceList(deps.db, actorOf(request), request.query, request.query.asOf ?? todayInVietnam());
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="compliance-${list.asOf}.xlsx"`)
          .send(await complianceXlsx(list.items, requestLanguage(request), list.synthetic, list.asOf));
      },
    );
  };
