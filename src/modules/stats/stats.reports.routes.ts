import { createReadStream } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reportJob, reportQueued, reportRequest } from '@common/contracts/stats';
import { requestLanguage } from '@http/error-handler';
import { actorOf, allow, signedIn } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import { attachmentDisposition } from '../../jobs/own-job';
import { reportFile, reportState, requestReport } from './stats.reports.service';

/**
 * Official reports are generated in the background: the request queues a job and answers 202 with its id; the
 * client polls the job for progress and downloads the file when done (rules in stats.reports.service.ts).
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
          body: reportRequest,
          response: { 202: reportQueued },
        },
      },
      async (request, reply) => {
        const ctx = { ...writeContext(request), actor: actorOf(request) };
        return reply.status(202).send(await requestReport(deps.db, ctx, request.body, requestLanguage(request)));
      },
    );

    const params = z.object({ id: z.string().uuid() });

    app.get(
      '/api/stats/reports/:id',
      {
        config: { policy: signedIn },
        schema: {
          tags: ['statistics'],
          summary: 'State of a report job; done reports expire after the retention period',
          params,
          response: { 200: reportJob },
        },
      },
      async (request) => reportState(deps.db, actorOf(request), request.params.id, requestLanguage(request)),
    );

    app.get(
      '/api/stats/reports/:id/download',
      {
        config: { policy: signedIn },
        schema: { tags: ['statistics'], summary: 'The file of a finished report (410 once expired)', params },
      },
      async (request, reply) => {
        const file = await reportFile(deps.db, actorOf(request), request.params.id);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', attachmentDisposition(file.fileName))
          .send(createReadStream(file.path));
      },
    );
  };
