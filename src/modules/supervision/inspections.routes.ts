import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { vietnamToday } from '@common/time/vietnam-today';
import { notFound } from '@errors/app-error';
import { downloadHeaders } from '@files/stored-upload';
import { offsetOf, paginated } from '@http/pagination';
import { actorOf, allow } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { singleFileUpload } from '@http/single-file-upload';
import { writeContext } from '@http/write-context';
import { MAX_UPLOAD_BYTES } from '@modules/procedures/documents.service';
import { createPlan, updatePlan } from './inspection-plans.service';
import { openInspectionDocument, storeInspectionDocument } from './inspections.documents';
import {
  findInspections,
  findOrganisationFindings,
  findPlans,
  readInspectionDetail,
  readPlanDetail,
  sanctionUrlOf,
} from './inspections.repository';
import {
  actionInput,
  actionParams,
  actionStatusBody,
  closeBody,
  createInspectionBody,
  createPlanBody,
  documentParams,
  documentView,
  findingInput,
  idParams,
  inspectionDetail,
  inspectionListItem,
  inspectionsQuery,
  organisationFindingsView,
  planDetail,
  planListItem,
  plansQuery,
  updateInspectionBody,
  updatePlanBody,
} from './inspections.schemas';
import { addAction, addFinding, closeInspection, createInspection, setActionStatus, updateInspection } from './inspections.service';
import { assertOrganisationVisible } from './supervision.policy';

const tags = ['supervision'];
const officers = allow('admin', 'central', 'agency');

/** Yearly inspection plans and inspections or field visits with findings, follow-up actions, documents and closure. */
export const inspectionsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Only inspection document uploads take multipart bodies in this plugin. Over 20 MB → 413.
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 }, throwFileSizeLimit: true });
    const base = { config: { policy: officers } };

    app.get(
      '/api/supervision/inspection-plans',
      {
        ...base,
        schema: {
          tags,
          summary: 'Yearly inspection plans the caller leads or takes part in (central: all), latest year first',
          querystring: plansQuery,
          response: { 200: paginated(planListItem) },
        },
      },
      async (request) => {
        const q = request.query;
        return {
          ...(await findPlans(deps.db, actorOf(request), q, { limit: q.pageSize, offset: offsetOf(q) })),
          page: q.page,
          pageSize: q.pageSize,
        };
      },
    );
    app.post(
      '/api/supervision/inspection-plans',
      {
        ...base,
        schema: {
          tags,
          summary: 'Make a yearly plan (central: any; an agency: the visits it leads, NGOs and province of its scope)',
          body: createPlanBody,
          response: { 201: planDetail },
        },
      },
      async (request, reply) => reply.status(201).send(await createPlan(deps.db, writeContext(request), request.body)),
    );
    app.get(
      '/api/supervision/inspection-plans/:id',
      { ...base, schema: { tags, summary: 'A yearly plan with its entries', params: idParams, response: { 200: planDetail } } },
      async (request) => {
        const plan = await readPlanDetail(deps.db, actorOf(request), request.params.id);
        if (!plan) throw notFound('inspection_plan');
        return plan;
      },
    );
    app.put(
      '/api/supervision/inspection-plans/:id',
      {
        ...base,
        schema: {
          tags,
          summary: 'Change a plan and replace its entries (its owner agency or central; 409 stale_version on an old version)',
          params: idParams,
          body: updatePlanBody,
          response: { 200: planDetail },
        },
      },
      async (request) => updatePlan(deps.db, writeContext(request), request.params.id, request.body),
    );

    app.get(
      '/api/supervision/inspections',
      {
        ...base,
        schema: {
          tags,
          summary: 'Inspections and field visits the caller leads or takes part in (central: all), latest first',
          querystring: inspectionsQuery,
          response: { 200: paginated(inspectionListItem) },
        },
      },
      async (request) => {
        const q = request.query;
        const page = await findInspections(deps.db, actorOf(request), q, { limit: q.pageSize, offset: offsetOf(q) }, vietnamToday());
        return { ...page, page: q.page, pageSize: q.pageSize };
      },
    );
    app.post(
      '/api/supervision/inspections',
      {
        ...base,
        schema: {
          tags,
          summary: 'Record an inspection or field visit (central: any; an agency: one it leads, NGO and province of its scope)',
          body: createInspectionBody,
          response: { 201: inspectionDetail },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createInspection(deps.db, writeContext(request), request.body, vietnamToday())),
    );
    app.get(
      '/api/supervision/inspections/:id',
      {
        ...base,
        schema: {
          tags,
          summary: 'An inspection with team, findings, follow-up actions (overdue marked), documents and closure',
          params: idParams,
          response: { 200: inspectionDetail },
        },
      },
      async (request) => {
        const detail = await readInspectionDetail(deps.db, actorOf(request), request.params.id, vietnamToday());
        if (!detail) throw notFound('inspection');
        return detail;
      },
    );
    app.put(
      '/api/supervision/inspections/:id',
      {
        ...base,
        schema: {
          tags,
          summary: 'Change an open inspection (lead agency or central; 409 inspection_closed once closed)',
          params: idParams,
          body: updateInspectionBody,
          response: { 200: inspectionDetail },
        },
      },
      async (request) => updateInspection(deps.db, writeContext(request), request.params.id, request.body, vietnamToday()),
    );
    app.post(
      '/api/supervision/inspections/:id/findings',
      {
        ...base,
        schema: {
          tags,
          summary: 'Add a finding with its recommendation',
          params: idParams,
          body: findingInput,
          response: { 201: inspectionDetail },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addFinding(deps.db, writeContext(request), request.params.id, request.body, vietnamToday())),
    );
    app.post(
      '/api/supervision/inspections/:id/actions',
      {
        ...base,
        schema: {
          tags,
          summary: 'Add a follow-up action (text, owner agency, due date)',
          params: idParams,
          body: actionInput,
          response: { 201: inspectionDetail },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addAction(deps.db, writeContext(request), request.params.id, request.body, vietnamToday())),
    );
    app.post(
      '/api/supervision/inspections/:id/actions/:actionId/status',
      {
        ...base,
        schema: {
          tags,
          summary: 'Mark a follow-up action done (Vietnam date, default today) or open again: central, the lead or the owning agency',
          params: actionParams,
          body: actionStatusBody,
          response: { 200: inspectionDetail },
        },
      },
      async (request) =>
        setActionStatus(deps.db, writeContext(request), request.params.id, request.params.actionId, request.body, vietnamToday()),
    );
    app.post(
      '/api/supervision/inspections/:id/close',
      {
        ...base,
        schema: {
          tags,
          summary: 'Close an inspection with its date and summary once every follow-up action is done; read-only afterwards',
          params: idParams,
          body: closeBody,
          response: { 200: inspectionDetail },
        },
      },
      async (request) => closeInspection(deps.db, writeContext(request), request.params.id, request.body, vietnamToday()),
    );
    app.post(
      '/api/supervision/inspections/:id/documents',
      {
        ...base,
        schema: {
          tags,
          summary: 'Upload one document (multipart field `file`): PDF, DOCX, XLSX, PNG or JPEG, at most 20 MB; type checked by content',
          params: idParams,
          response: { 201: documentView },
        },
      },
      async (request, reply) => {
        const file = await singleFileUpload(request);
        const content = await file.toBuffer();
        const stored = await storeInspectionDocument(
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
      '/api/supervision/inspections/:id/documents/:documentId',
      { ...base, schema: { tags, summary: 'Download a document of an inspection the caller may read', params: documentParams } },
      async (request, reply) => {
        const doc = await openInspectionDocument(
          deps.db,
          actorOf(request),
          deps.config.dataDir,
          request.params.id,
          request.params.documentId,
        );
        return reply.headers(downloadHeaders(doc)).send(doc.stream);
      },
    );

    app.get(
      '/api/organisations/:id/inspection-findings',
      {
        ...base,
        schema: {
          tags,
          summary: "Findings of the organisation's inspections the caller may read (its record's compliance view)",
          params: idParams,
          response: { 200: organisationFindingsView },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await assertOrganisationVisible(deps.db, actor, request.params.id);
        return {
          items: await findOrganisationFindings(deps.db, actor, request.params.id),
          sanctionUrl: sanctionUrlOf(actor, request.params.id),
        };
      },
    );
  };
