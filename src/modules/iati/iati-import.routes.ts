import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { paginated } from '@http/pagination';
import { singleFileUpload } from '@http/single-file-upload';
import { actorOf, allow } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import { decideCandidate, listCandidates } from './iati-candidates.service';
import { gapReport } from './iati-gap.service';
import { discardImport, importLimits, receiveUpload, requestApply, tooLarge } from './iati-import.service';
import { getImport, listImports } from './iati-import.view';
import {
  applyBody,
  candidateView,
  decideCandidateBody,
  gapReportView,
  importView,
  listCandidatesQuery,
  listImportsQuery,
} from './iati.schemas';

const idParams = z.object({ id: z.string().uuid() });
/** National officers import (an import touches aid anywhere in the country) and decide likely duplicates. */
const importers = allow('admin', 'central');
const readers = allow('admin', 'central', 'agency', 'reviewer', 'ngo');

/** IATI imports (upload = dry run, then apply all or nothing), likely duplicates, and the gap report. */
export const iatiImportRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['iati import'];

    app.post(
      '/api/iati/imports',
      {
        config: { policy: importers },
        schema: {
          tags,
          summary:
            'Upload an IATI 2.01–2.03 activity file (multipart field "file") and run its dry run: what would be created, changed and left out, and why. Nothing changes until it is applied. Files over 8 MB are checked by a background job (status PLANNING; poll GET /api/iati/imports/:id). 413 iati_too_large over the limit; 400/422 iati_* for a file that cannot be read',
          consumes: ['multipart/form-data'],
          response: { 201: importView },
        },
      },
      async (request, reply) => {
        const file = await singleFileUpload(request, { maxBytes: importLimits.maxBytes, tooLarge });
        const view = await receiveUpload(deps.db, writeContext(request), deps.config.dataDir, file);
        return reply.status(201).send(view);
      },
    );

    app.get(
      '/api/iati/imports',
      {
        config: { policy: importers },
        schema: {
          tags,
          summary: 'IATI imports, newest first (filter by status; paginated)',
          querystring: listImportsQuery,
          response: { 200: paginated(importView) },
        },
      },
      async (request) => listImports(deps.db, request.query),
    );

    app.get(
      '/api/iati/imports/:id',
      {
        config: { policy: importers },
        schema: {
          tags,
          summary: 'One IATI import with its dry-run report and, once applied, its result',
          params: idParams,
          response: { 200: importView },
        },
      },
      async (request) => getImport(deps.db, request.params.id),
    );

    app.post(
      '/api/iati/imports/:id/apply',
      {
        config: { policy: importers },
        schema: {
          tags,
          summary:
            'Apply a checked import: the file is read again and written in ONE transaction (all or nothing). Large files run as a job (status APPLYING). 409 iati_import_not_ready unless its dry run is done; 409 iati_file_changed (nothing written) when the stored file is not the one the dry run checked (SHA-256)',
          params: idParams,
          body: applyBody,
          response: { 200: importView },
        },
      },
      async (request) => requestApply(deps.db, writeContext(request), request.params.id),
    );

    app.post(
      '/api/iati/imports/:id/discard',
      {
        config: { policy: importers },
        schema: {
          tags,
          summary: 'Drop an import that was not applied (its stored file is deleted)',
          params: idParams,
          response: { 200: importView },
        },
      },
      async (request) => discardImport(deps.db, writeContext(request), request.params.id),
    );

    app.get(
      '/api/iati/org-candidates',
      {
        config: { policy: importers },
        schema: {
          tags,
          summary: 'Likely duplicates: IATI publishers whose name is close to a registered organisation, for a person to confirm or reject',
          querystring: listCandidatesQuery,
          response: { 200: paginated(candidateView) },
        },
      },
      async (request) => listCandidates(deps.db, request.query),
    );

    app.post(
      '/api/iati/org-candidates/:id',
      {
        config: { policy: importers },
        schema: {
          tags,
          summary:
            'Confirm (the publisher is that organisation: it gets the IATI identifier and the imported aid items are linked) or reject a likely duplicate; 409 stale_version on an old version',
          params: idParams,
          body: decideCandidateBody,
          response: { 200: candidateView },
        },
      },
      async (request) => decideCandidate(deps.db, writeContext(request), request.params.id, request.body),
    );

    app.get(
      '/api/iati/gap/:organisationId',
      {
        config: { policy: readers },
        schema: {
          tags: ['iati'],
          summary:
            'Gap report of an NGO: what it publishes to IATI about Viet Nam against what it reported to Viet Nam, by year (USD decimal strings)',
          params: z.object({ organisationId: z.string().uuid() }),
          response: { 200: gapReportView },
        },
      },
      async (request) => gapReport(deps.db, actorOf(request), request.params.organisationId),
    );
  };
