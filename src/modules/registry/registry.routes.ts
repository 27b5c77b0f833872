import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '@http/route-deps';
import { certificateRoutes } from './certificates.routes';
import { directoryRoutes } from './directory.routes';
import { organisationRoutes } from './organisations.routes';
import { registryImportRoutes } from './registry-import.routes';

/**
 * The registry of foreign NGOs (issue 3): public directory, organisations, certificates and their lifecycle,
 * alerts and the legacy import. Multipart parsing is registered here, so only the import route accepts uploads.
 */
export const registryRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 5 } });
    await app.register(directoryRoutes(deps));
    await app.register(organisationRoutes(deps));
    await app.register(certificateRoutes(deps));
    await app.register(registryImportRoutes(deps));
  };
