import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPage, auditQuery } from '@common/contracts/audit';
import { allow } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { readAuditTrail } from './audit.reader';

export const auditRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/audit',
      {
        config: { policy: allow('admin', 'central') },
        schema: { tags: ['audit'], summary: 'Browse the audit trail', querystring: auditQuery, response: { 200: auditPage } },
      },
      async (request) => readAuditTrail(deps.db, request.query),
    );
  };
