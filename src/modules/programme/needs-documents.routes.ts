import multipart from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, allow, publicAccess } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { singleFileUpload } from '@http/single-file-upload';
import { writeContext } from '@http/write-context';
import { vietnamToday } from '@common/time/vietnam-today';
import { MAX_UPLOAD_BYTES } from '@modules/procedures/documents.service';
import { openNeedDocument, removeNeedDocument, storeNeedDocument } from './needs-documents.service';
import { proposerRoles } from './needs.policy';
import { needDocumentKinds, needDocumentView } from './needs.schemas';
import { downloadHeaders } from '@files/stored-upload';

const documentParams = z.object({ id: z.string().uuid(), documentId: z.string().uuid() });
const tags = ['programme'];

function sendFile(reply: FastifyReply, doc: Awaited<ReturnType<typeof openNeedDocument>>) {
  return reply.headers(downloadHeaders(doc)).send(doc.stream);
}

/**
 * A proposal's documents: the proposing body and central attach (multipart `file`, checked and stored like
 * dossier uploads) and remove them while the proposal is editable; whoever may read the proposal downloads them
 * (the public route serves published and funded proposals only).
 */
export const needDocumentsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Only this plugin takes multipart bodies. Over 20 MB → 413, as for dossier uploads.
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 }, throwFileSizeLimit: true });

    app.post(
      '/api/needs/:id/documents',
      {
        config: { policy: allow(...proposerRoles) },
        schema: {
          tags,
          summary:
            'Attach a document to a draft or a proposal returned for changes (multipart field `file`: PDF, DOCX, XLSX, PNG or JPEG, at most 20 MB; type checked by content)',
          params: z.object({ id: z.string().uuid() }),
          querystring: z.object({ kind: z.enum(needDocumentKinds) }),
          response: { 201: needDocumentView },
        },
      },
      async (request, reply) => {
        const file = await singleFileUpload(request, { maxBytes: MAX_UPLOAD_BYTES });
        const content = await file.toBuffer();
        const stored = await storeNeedDocument(
          deps.db,
          writeContext(request),
          deps.config.dataDir,
          request.params.id,
          request.query.kind,
          { fileName: file.filename, content },
          vietnamToday(),
        );
        return reply.status(201).send(stored);
      },
    );

    app.delete(
      '/api/needs/:id/documents/:documentId',
      {
        config: { policy: allow(...proposerRoles) },
        schema: { tags, summary: 'Remove a document from a draft or a proposal returned for changes', params: documentParams },
      },
      async (request, reply) => {
        await removeNeedDocument(deps.db, writeContext(request), request.params.id, request.params.documentId);
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/needs/:id/documents/:documentId',
      {
        config: { policy: allow('admin', 'central', 'agency', 'reviewer', 'ngo') },
        schema: { tags, summary: "Download a document of a proposal in the caller's scope", params: documentParams },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await openNeedDocument(deps.db, actorOf(request), deps.config.dataDir, request.params.id, request.params.documentId),
        ),
    );

    app.get(
      '/api/public/needs/:id/documents/:documentId',
      {
        config: { policy: publicAccess },
        schema: {
          tags: [...tags, 'public'],
          summary: 'Download a document of a published (or funded) proposal',
          params: documentParams,
        },
      },
      async (request, reply) =>
        sendFile(reply, await openNeedDocument(deps.db, null, deps.config.dataDir, request.params.id, request.params.documentId)),
    );
  };
