import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { vietnamToday } from '@common/time/vietnam-today';
import { notFound } from '@errors/app-error';
import { offsetOf, paginated } from '@http/pagination';
import { actorOf, allow, publicAccess } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { singleFileUpload } from '@http/single-file-upload';
import { writeContext } from '@http/write-context';
import { MAX_UPLOAD_BYTES } from '@modules/procedures/documents.service';
import { openMeetingDocument, storeMeetingDocument } from './meetings.documents';
import { meetingScopeCondition } from './meetings.policy';
import { findMeetings, findPublicMeetings, meetingFilterSql, readMeetingDetail } from './meetings.repository';
import {
  createMeetingBody,
  documentParams,
  meetingDetail,
  meetingDocumentView,
  meetingIdParams,
  meetingListItem,
  meetingsQuery,
  publicMeetingItem,
  publicMeetingsQuery,
  taskInput,
  taskParams,
  taskStatusBody,
  updateMeetingBody,
  updateTaskBody,
} from './meetings.schemas';
import { addTask, createMeeting, setTaskStatus, updateMeeting, updateTask } from './meetings.service';
import { downloadHeaders } from '@files/stored-upload';

const tags = ['programme'];
const readers = allow('admin', 'central', 'agency', 'reviewer', 'ngo');
const organisers = allow('admin', 'central');
const taskOwners = allow('admin', 'central', 'agency', 'reviewer');

/** Coordination meetings and events of the Programme: list, detail, editing, documents, follow-up tasks. */
export const meetingsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Only meeting document uploads take multipart bodies in this plugin. Over 20 MB → 413.
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 }, throwFileSizeLimit: true });

    app.get(
      '/api/public/meetings',
      {
        config: { policy: publicAccess },
        schema: {
          tags: [...tags, 'public'],
          summary: 'Meetings marked public: title, date and conclusions only',
          querystring: publicMeetingsQuery,
          response: { 200: paginated(publicMeetingItem) },
        },
      },
      async (request) => {
        const q = request.query;
        return { ...(await findPublicMeetings(deps.db, { limit: q.pageSize, offset: offsetOf(q) })), page: q.page, pageSize: q.pageSize };
      },
    );

    app.get(
      '/api/programme/meetings',
      {
        config: { policy: readers },
        schema: {
          tags,
          summary: "Meetings in the caller's scope (central: all; an agency or NGO: those it takes part in), latest first",
          querystring: meetingsQuery,
          response: { 200: paginated(meetingListItem) },
        },
      },
      async (request) => {
        const q = request.query;
        const conditions = [meetingScopeCondition(actorOf(request)), ...meetingFilterSql(q)];
        return {
          ...(await findMeetings(deps.db, conditions, { limit: q.pageSize, offset: offsetOf(q) })),
          page: q.page,
          pageSize: q.pageSize,
        };
      },
    );

    app.post(
      '/api/programme/meetings',
      {
        config: { policy: organisers },
        schema: {
          tags,
          summary: 'Record a meeting with its participants and follow-up tasks (central)',
          body: createMeetingBody,
          response: { 201: meetingDetail },
        },
      },
      async (request, reply) => reply.status(201).send(await createMeeting(deps.db, writeContext(request), request.body, vietnamToday())),
    );

    app.get(
      '/api/programme/meetings/:id',
      {
        config: { policy: readers },
        schema: {
          tags,
          summary: 'A meeting with participants, documents, conclusions and follow-up tasks (late ones marked)',
          params: meetingIdParams,
          response: { 200: meetingDetail },
        },
      },
      async (request) => {
        const detail = await readMeetingDetail(deps.db, actorOf(request), request.params.id, vietnamToday());
        if (!detail) throw notFound('programme_meeting');
        return detail;
      },
    );

    app.put(
      '/api/programme/meetings/:id',
      {
        config: { policy: organisers },
        schema: {
          tags,
          summary: 'Change a meeting and its participants (central; 409 stale_version on an old version)',
          params: meetingIdParams,
          body: updateMeetingBody,
          response: { 200: meetingDetail },
        },
      },
      async (request) => updateMeeting(deps.db, writeContext(request), request.params.id, request.body, vietnamToday()),
    );

    app.post(
      '/api/programme/meetings/:id/tasks',
      {
        config: { policy: organisers },
        schema: {
          tags,
          summary: 'Add a follow-up task (central)',
          params: meetingIdParams,
          body: taskInput,
          response: { 201: meetingDetail },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addTask(deps.db, writeContext(request), request.params.id, request.body, vietnamToday())),
    );

    app.put(
      '/api/programme/meetings/:id/tasks/:taskId',
      {
        config: { policy: organisers },
        schema: {
          tags,
          summary: "Change a follow-up task's text, owner or due date (central)",
          params: taskParams,
          body: updateTaskBody,
          response: { 200: meetingDetail },
        },
      },
      async (request) => updateTask(deps.db, writeContext(request), request.params.id, request.params.taskId, request.body, vietnamToday()),
    );

    app.post(
      '/api/programme/meetings/:id/tasks/:taskId/status',
      {
        config: { policy: taskOwners },
        schema: {
          tags,
          summary: 'Mark a follow-up task done (on a Vietnam date, default today) or open again: central or the owning agency only',
          params: taskParams,
          body: taskStatusBody,
          response: { 200: meetingDetail },
        },
      },
      async (request) =>
        setTaskStatus(deps.db, writeContext(request), request.params.id, request.params.taskId, request.body, vietnamToday()),
    );

    app.post(
      '/api/programme/meetings/:id/documents',
      {
        config: { policy: organisers },
        schema: {
          tags,
          summary: 'Upload one document (multipart field `file`): PDF, DOCX, XLSX, PNG or JPEG, at most 20 MB; type checked by content',
          params: meetingIdParams,
          response: { 201: meetingDocumentView },
        },
      },
      async (request, reply) => {
        const file = await singleFileUpload(request);
        const content = await file.toBuffer();
        const stored = await storeMeetingDocument(
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
      '/api/programme/meetings/:id/documents/:documentId',
      {
        config: { policy: readers },
        schema: { tags, summary: 'Download a document of a meeting the caller may read', params: documentParams },
      },
      async (request, reply) => {
        const doc = await openMeetingDocument(deps.db, actorOf(request), deps.config.dataDir, request.params.id, request.params.documentId);
        return reply.headers(downloadHeaders(doc)).send(doc.stream);
      },
    );
  };
