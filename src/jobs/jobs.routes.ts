import { createReadStream, existsSync } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '@errors/app-error';
import { actorOf, signedIn } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { reportRetentionDays, type ExpiredMark } from '@modules/stats/reports/report-retention';
import { attachmentDisposition, findOwnJob, type JobFile } from './own-job';

const jobView = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number().int(),
  error: z.string().nullable(),
  fileName: z.string().nullable(),
  downloadUrl: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** Polling and download of background jobs; a job is visible to the account that asked for it and to administrators. */
export const jobsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const load = (id: string, request: Parameters<typeof actorOf>[0]) => findOwnJob(deps.db, actorOf(request), id);
    const params = z.object({ id: z.string().uuid() });

    app.get(
      '/api/jobs/:id',
      {
        config: { policy: signedIn },
        schema: { tags: ['jobs'], summary: 'State and progress of a background job', params, response: { 200: jobView } },
      },
      async (request) => {
        const job = await load(request.params.id, request);
        const result = (job.result ?? {}) as JobFile;
        return {
          id: job.id,
          kind: job.kind,
          status: job.status,
          progress: job.progress,
          error: job.status === 'failed' ? job.error : null,
          fileName: result.fileName ?? null,
          downloadUrl: job.status === 'done' && result.file ? `/api/jobs/${job.id}/download` : null,
          createdAt: job.created_at.toISOString(),
          finishedAt: job.finished_at?.toISOString() ?? null,
        };
      },
    );

    app.get(
      '/api/jobs/:id/download',
      { config: { policy: signedIn }, schema: { tags: ['jobs'], summary: 'The file a finished job produced', params } },
      async (request, reply) => {
        const job = await load(request.params.id, request);
        const result = (job.result ?? {}) as JobFile;
        if (job.status !== 'done' || !result.file) throw new AppError('job_not_ready', { details: { status: job.status } });
        if ((result as ExpiredMark).expired) throw new AppError('report_expired', { params: { days: reportRetentionDays() } });
        if (!existsSync(result.file)) throw notFound('file');
        const name = result.fileName ?? 'export';
        return reply
          .header('content-type', result.contentType ?? 'application/octet-stream')
          .header('content-disposition', attachmentDisposition(name))
          .send(createReadStream(result.file));
      },
    );
  };
