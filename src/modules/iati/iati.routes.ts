import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '@http/route-deps';
import { iatiBudgetRoutes } from './iati-budgets.routes';
import { iatiExportRoutes } from './iati-export.routes';
import { iatiImportRoutes } from './iati-import.routes';
import { importLimits } from './iati-import.service';
// Registers the job handlers of large files with the worker.
import './iati-import.jobs';

/**
 * IATI (issue 7): exports (activities, organisations), imports with dry run and all-or-nothing apply, likely
 * duplicates, gap report. Multipart parsing is registered here, for the upload route only; its size limit is the
 * import limit (413 iati_too_large beyond).
 */
export const iatiRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: importLimits.maxBytes, files: 1, fields: 2, parts: 3 }, throwFileSizeLimit: true });
    await app.register(iatiExportRoutes(deps));
    await app.register(iatiImportRoutes(deps));
    await app.register(iatiBudgetRoutes(deps));
  };
