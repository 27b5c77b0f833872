import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '@errors/app-error';
import { requestLanguage } from '@http/error-handler';
import { actorOf, allow } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import { writeAudit } from '@modules/audit/audit.writer';
import { enqueueJob } from '../../jobs/queue';
import { REPORT_JOB, type ReportPayload } from './reports/report.job';
import { resolveScope } from './stats.policy';

const reportBody = z.object({
  year: z.number().int().min(2000).max(2100),
  format: z.enum(['xlsx', 'pdf', 'csv']),
  kind: z
    .enum(['national', 'agency'])
    .describe('national: the annual national report (central officers); agency: a province or ministry annual report'),
  agency: z.string().max(60).optional().describe('central officers and administrators: which province or ministry'),
});

/**
 * Official reports are generated in the background: the request queues a job and answers 202 with its id; the
 * client polls GET /api/jobs/:id for progress and downloads the file when done.
 */
export const statsReportRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/stats/reports',
      {
        config: { policy: allow('admin', 'central', 'agency') },
        schema: {
          tags: ['statistics'],
          summary: 'Queue an official annual report (xlsx, PDF or CSV)',
          body: reportBody,
          response: { 202: z.object({ jobId: z.string(), statusUrl: z.string() }) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const body = request.body;
        const central = actor.role === 'admin' || actor.role === 'central';
        if (body.kind === 'national' && !central) throw new AppError('forbidden');
        if (body.kind === 'agency' && !central && body.agency && body.agency !== actor.agencyId) throw new AppError('forbidden');
        if (body.kind === 'agency' && central && !body.agency)
          throw new AppError('validation_failed', { details: { issues: [{ path: 'body.agency', message: 'required' }] } });
        const scope =
          body.kind === 'national'
            ? ({ kind: 'national' } as const)
            : await resolveScope(deps.db, actor, { agency: central ? body.agency : undefined });
        const lang = requestLanguage(request);
        let scopeName: string | null = null;
        let scopeId: string | null = null;
        if (scope.kind !== 'national') {
          scopeId = scope.kind === 'province' ? scope.provinceId : scope.agencyId;
          const agencyId = scope.kind === 'province' ? `UBND:${scope.provinceId}` : scope.agencyId;
          const agency = await deps.db.selectFrom('agencies').select(['name_vi', 'name_en']).where('id', '=', agencyId).executeTakeFirst();
          scopeName = agency ? (lang === 'en' ? agency.name_en : agency.name_vi) : agencyId;
        }
        const payload: ReportPayload = {
          year: body.year,
          format: body.format,
          lang,
          scopeName,
          scopeId,
          filter:
            scope.kind === 'province' ? { province: scope.provinceId } : scope.kind === 'ministry' ? { agencyIds: scope.agencyIds } : {},
        };
        const job = await deps.db.transaction().execute(async (trx) => {
          const row = await enqueueJob(trx, { kind: REPORT_JOB, payload, requestedBy: actor.userId });
          await writeAudit(trx, writeContext(request), {
            action: 'stats.report.request',
            entityType: 'job',
            entityId: row.id,
            after: payload,
          });
          return row;
        });
        return reply.status(202).send({ jobId: job.id, statusUrl: `/api/jobs/${job.id}` });
      },
    );
  };
