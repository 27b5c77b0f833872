import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { paginated } from '@http/pagination';
import { actorOf, allow, signedIn } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { singleFileUpload } from '@http/single-file-upload';
import { writeContext } from '@http/write-context';
import { answerConsultation, listConsultations } from './consultation-answers.service';
import { openLetter, recordPaperOpinion, recordSilence, storeLetter } from './consultation-records.service';
import { performAction } from './dossier-actions.service';
import { issueOutcomeDocuments, stateOutcomeWithoutDocuments } from './outcome-documents';
import { renderReceipt } from './receipt';
import { MAX_UPLOAD_BYTES, openDocument, storeDocument } from './documents.service';
import {
  actionBody,
  answerBody,
  consultationListItem,
  createDossierBody,
  dossierDetail,
  dossierListItem,
  listConsultationsQuery,
  listDossiersQuery,
  paperOpinionBody,
  planView,
  silenceBody,
  updateDraftBody,
} from './dossiers.schemas';
import { createDraft, getDossier, listDossiers, planFor, updateDraft } from './dossiers.service';
import { vietnamToday } from '@common/time/vietnam-today';
import { downloadHeaders } from '@files/stored-upload';

const idParams = z.object({ id: z.string().uuid() });
const documentView = z.object({
  id: z.string(),
  documentCode: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

/** Dossiers: drafts, uploads, the actions of the state machine, consultations and downloads. */
export const dossierRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Registered here, not globally: only dossier uploads take multipart bodies. Over 20 MB → 413.
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 }, throwFileSizeLimit: true });
    const tags = ['dossiers'];

    app.get(
      '/api/dossiers',
      {
        config: { policy: signedIn },
        schema: {
          tags,
          summary: 'Dossiers the caller may see (an NGO its own), with due dates, days left or overdue',
          querystring: listDossiersQuery,
          response: { 200: paginated(dossierListItem) },
        },
      },
      async (request) => listDossiers(deps.db, actorOf(request), request.query, vietnamToday()),
    );
    app.post(
      '/api/dossiers',
      {
        config: { policy: allow('ngo', 'owner') },
        schema: {
          tags,
          summary: "Start a draft dossier for the caller's organisation (an aid owner: an aid approval for the donor named)",
          body: createDossierBody,
          response: { 201: dossierDetail },
        },
      },
      async (request, reply) => {
        const today = vietnamToday();
        const id = await createDraft(deps.db, writeContext(request), request.body, today);
        return reply.status(201).send(await getDossier(deps.db, actorOf(request), id, today));
      },
    );
    app.get(
      '/api/dossiers/:id',
      {
        config: { policy: signedIn },
        schema: {
          tags,
          summary: 'A dossier: steps with due dates, pauses, documents, consultations, timeline, allowed actions',
          params: idParams,
          response: { 200: dossierDetail },
        },
      },
      async (request) => getDossier(deps.db, actorOf(request), request.params.id, vietnamToday()),
    );
    app.patch(
      '/api/dossiers/:id',
      {
        config: { policy: allow('ngo', 'owner') },
        schema: {
          tags,
          summary: "Change a draft's application",
          params: idParams,
          body: updateDraftBody,
          response: { 200: dossierDetail },
        },
      },
      async (request) => {
        await updateDraft(deps.db, writeContext(request), request.params.id, request.body);
        return getDossier(deps.db, actorOf(request), request.params.id, vietnamToday());
      },
    );
    app.post(
      '/api/dossiers/:id/actions',
      {
        config: { policy: allow('ngo', 'owner', 'central', 'agency') },
        schema: {
          tags,
          summary: 'Act on a dossier (submit, request or supply documents, accept, consult, forward, decide, deliver, withdraw)',
          params: idParams,
          body: actionBody,
          response: { 200: dossierDetail },
        },
      },
      async (request) => {
        const today = vietnamToday();
        await performAction(deps.db, writeContext(request), request.params.id, request.body, today);
        // A decision produces its certificate, decision or written refusal (PDF, Decree 30) and states the outcome in its notices.
        if (request.body.action === 'APPROVE' || request.body.action === 'REJECT')
          await issueOutcomeDocuments(deps.db, writeContext(request), deps.config.dataDir, request.params.id, today).catch(
            async (error: unknown) => {
              request.log.error({ err: error, dossierId: request.params.id }, 'outcome documents not produced');
              await stateOutcomeWithoutDocuments(deps.db, request.params.id);
            },
          );
        return getDossier(deps.db, actorOf(request), request.params.id, today);
      },
    );
    app.get(
      '/api/dossiers/:id/consultation-plan',
      {
        config: { policy: allow('central', 'agency', 'admin') },
        schema: {
          tags,
          summary: 'Agencies the procedure says to consult on this dossier, routed to their current successors',
          params: idParams,
          querystring: z.object({ concerned: z.string().max(500).optional() }),
          response: { 200: planView },
        },
      },
      async (request) =>
        planFor(deps.db, actorOf(request), request.params.id, vietnamToday(), request.query.concerned?.split(',').filter(Boolean) ?? []),
    );

    app.post(
      '/api/dossiers/:id/documents',
      {
        config: { policy: allow('ngo', 'owner') },
        schema: {
          tags,
          summary:
            'Upload one file (multipart field `file`) for a checklist item: PDF, DOCX, XLSX, PNG or JPEG, at most 20 MB; type checked by content',
          params: idParams,
          querystring: z.object({ documentCode: z.string().min(1).max(60) }),
          response: { 201: documentView },
        },
      },
      async (request, reply) => {
        const file = await singleFileUpload(request);
        const content = await file.toBuffer();
        const stored = await storeDocument(
          deps.db,
          writeContext(request),
          deps.config.dataDir,
          request.params.id,
          request.query.documentCode,
          { fileName: file.filename, content },
          vietnamToday(),
        );
        return reply.status(201).send(stored);
      },
    );
    app.get(
      '/api/dossiers/:id/documents/:documentId',
      {
        config: { policy: signedIn },
        schema: {
          tags,
          summary: 'Download a document of a dossier the caller may see',
          params: z.object({ id: z.string().uuid(), documentId: z.string().uuid() }),
        },
      },
      async (request, reply) => {
        const doc = await openDocument(deps.db, actorOf(request), deps.config.dataDir, request.params.id, request.params.documentId);
        return reply.headers(downloadHeaders(doc)).send(doc.stream);
      },
    );
    app.get(
      '/api/dossiers/:id/receipt.pdf',
      {
        config: { policy: signedIn },
        schema: {
          tags,
          summary: 'The receipt of a submitted dossier (Giấy tiếp nhận hồ sơ và hẹn trả kết quả) as PDF, Decree 30 form',
          params: idParams,
        },
      },
      async (request, reply) => {
        const { code, pdf } = await renderReceipt(deps.db, actorOf(request), request.params.id, vietnamToday());
        return reply.type('application/pdf').header('content-disposition', `attachment; filename="giay-tiep-nhan-${code}.pdf"`).send(pdf);
      },
    );

    app.get(
      '/api/consultations',
      {
        config: { policy: allow('reviewer', 'agency', 'central', 'admin') },
        schema: {
          tags,
          summary: "Requests for opinions: a consulted agency's own, all for COMINGO",
          querystring: listConsultationsQuery,
          response: { 200: paginated(consultationListItem) },
        },
      },
      async (request) => listConsultations(deps.db, actorOf(request), request.query, vietnamToday()),
    );
    app.post(
      '/api/consultations/:id/answer',
      {
        config: { policy: allow('reviewer', 'agency') },
        schema: {
          tags,
          summary: 'Give the agency’s written opinion on a dossier',
          params: idParams,
          body: answerBody,
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (request) => {
        await answerConsultation(deps.db, writeContext(request), request.params.id, request.body, vietnamToday());
        return { ok: true as const };
      },
    );
    app.post(
      '/api/consultations/:id/paper-opinion',
      {
        config: { policy: allow('central', 'agency') },
        schema: {
          tags,
          summary: 'The handling officer records an opinion received on paper (position, letter number and date)',
          params: idParams,
          body: paperOpinionBody,
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (request) => {
        await recordPaperOpinion(deps.db, writeContext(request), request.params.id, request.body, vietnamToday());
        return { ok: true as const };
      },
    );
    app.post(
      '/api/consultations/:id/silence',
      {
        config: { policy: allow('central', 'agency') },
        schema: {
          tags,
          summary: 'The handling officer records that the agency did not answer within its working days; the case goes on',
          params: idParams,
          body: silenceBody,
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (request) => {
        await recordSilence(deps.db, writeContext(request), request.params.id, request.body, vietnamToday());
        return { ok: true as const };
      },
    );
    app.post(
      '/api/consultations/:id/letter',
      {
        config: { policy: allow('reviewer', 'agency', 'central') },
        schema: {
          tags,
          summary: "Attach the file of the agency's letter to a pending request (multipart field `file`; PDF, DOCX, PNG, JPEG…)",
          params: idParams,
          response: {
            201: z.object({ fileName: z.string(), mediaType: z.string(), sizeBytes: z.number(), sha256: z.string() }),
          },
        },
      },
      async (request, reply) => {
        const file = await singleFileUpload(request);
        const content = await file.toBuffer();
        const stored = await storeLetter(
          deps.db,
          writeContext(request),
          deps.config.dataDir,
          request.params.id,
          { fileName: file.filename, content },
          vietnamToday(),
        );
        return reply.status(201).send(stored);
      },
    );
    app.get(
      '/api/dossiers/:id/consultations/:consultationId/letter',
      {
        config: { policy: signedIn },
        schema: {
          tags,
          summary: "Download the letter file of an agency's opinion on a dossier the caller may see",
          params: z.object({ id: z.string().uuid(), consultationId: z.string().uuid() }),
        },
      },
      async (request, reply) => {
        const doc = await openLetter(deps.db, actorOf(request), deps.config.dataDir, request.params.id, request.params.consultationId);
        return reply.headers(downloadHeaders(doc)).send(doc.stream);
      },
    );
  };
