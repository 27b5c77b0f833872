import { createReadStream, existsSync } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { interpolate } from '@common/i18n/languages';
import { resources } from '@common/i18n/resources';
import { AppError, notFound } from '@errors/app-error';
import { requestLanguage } from '@http/error-handler';
import { actorOf, allow, signedIn } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import { writeAudit } from '@modules/audit/audit.writer';
import { enqueueJob } from '../../jobs/queue';
import { REPORT_JOB, type ReportPayload } from './reports/report.job';
import { reportRetentionDays, type ExpiredMark } from './reports/report-retention';
import { resolveScope } from './stats.policy';
import { hasNationalScope } from '@modules/auth/actor';

const reportBody = z.object({
  year: z.number().int().min(2000).max(2100),
  format: z.enum(['xlsx', 'pdf', 'csv']),
  kind: z
    .enum(['national', 'agency'])
    .describe('national: the annual national report (central officers); agency: a province or ministry annual report'),
  agency: z.string().max(60).optional().describe('central officers and administrators: which province or ministry'),
});

const reportView = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed', 'expired']),
  progress: z.number().int(),
  error: z.string().nullable(),
  fileName: z.string().nullable(),
  downloadUrl: z.string().nullable(),
  expiresAt: z.string().nullable().describe('when the file will be removed (VNAID_REPORT_RETENTION_DAYS after it was made)'),
  message: z.string().nullable().describe('for an expired report: that it must be generated again'),
});
type ReportResult = ExpiredMark & { file?: string; fileName?: string; contentType?: string };

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
        const central = hasNationalScope(actor);
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
        return reply.status(202).send({ jobId: job.id, statusUrl: `/api/stats/reports/${job.id}` });
      },
    );

    /** A report job of the caller (administrators: any), 404 for anything else so others' jobs stay unknown. */
    const loadReport = async (id: string, request: Parameters<typeof actorOf>[0]) => {
      const actor = actorOf(request);
      const job = await deps.db.selectFrom('jobs').selectAll().where('id', '=', id).where('kind', '=', REPORT_JOB).executeTakeFirst();
      if (!job || (job.requested_by !== actor.userId && actor.role !== 'admin')) throw notFound('job');
      const result = (job.result ?? {}) as ReportResult;
      // A file gone without the sweep's mark (removed by hand, a lost disk) is just as expired.
      const expired = job.status === 'done' && (result.expired === true || !result.file || !existsSync(result.file));
      return { job, result, expired };
    };
    const params = z.object({ id: z.string().uuid() });

    app.get(
      '/api/stats/reports/:id',
      {
        config: { policy: signedIn },
        schema: {
          tags: ['statistics'],
          summary: 'State of a report job; done reports expire after the retention period',
          params,
          response: { 200: reportView },
        },
      },
      async (request) => {
        const { job, result, expired } = await loadReport(request.params.id, request);
        const days = reportRetentionDays();
        const lang = requestLanguage(request);
        return {
          id: job.id,
          status: expired ? ('expired' as const) : job.status,
          progress: job.progress,
          error: job.status === 'failed' ? job.error : null,
          fileName: result.fileName ?? null,
          downloadUrl: job.status === 'done' && !expired ? `/api/stats/reports/${job.id}/download` : null,
          expiresAt:
            job.status === 'done' && !expired && job.finished_at
              ? new Date(job.finished_at.getTime() + days * 86_400_000).toISOString()
              : null,
          message: expired ? interpolate(resources[lang].errors.report_expired, { days }) : null,
        };
      },
    );

    app.get(
      '/api/stats/reports/:id/download',
      {
        config: { policy: signedIn },
        schema: { tags: ['statistics'], summary: 'The file of a finished report (410 once expired)', params },
      },
      async (request, reply) => {
        const { job, result, expired } = await loadReport(request.params.id, request);
        if (job.status !== 'done') throw new AppError('job_not_ready', { details: { status: job.status } });
        if (expired)
          throw new AppError('report_expired', {
            params: { days: reportRetentionDays() },
            details: { expiredAt: result.expiredAt ?? null },
          });
        const name = result.fileName ?? 'report';
        return reply
          .header('content-type', result.contentType ?? 'application/octet-stream')
          .header(
            'content-disposition',
            `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
          )
          .send(createReadStream(result.file!));
      },
    );
  };
