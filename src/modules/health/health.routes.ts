import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicAccess } from '@http/policy';
import type { AppDeps } from '@http/route-deps';

const healthBody = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.object({ engine: z.enum(['embedded', 'external']), version: z.string().optional() }),
  uptimeSeconds: z.number(),
});

export const healthRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/health',
      {
        config: { policy: publicAccess },
        schema: { tags: ['operations'], summary: 'Liveness and database check', response: { 200: healthBody, 503: healthBody } },
      },
      async (_request, reply) => {
        try {
          const version = await Promise.race([
            deps.database.serverVersion(),
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000)),
          ]);
          return {
            status: 'ok' as const,
            database: { engine: deps.database.engine, version },
            uptimeSeconds: Math.round(process.uptime()),
          };
        } catch {
          return reply.status(503).send({
            status: 'unavailable' as const,
            database: { engine: deps.database.engine },
            uptimeSeconds: Math.round(process.uptime()),
          });
        }
      },
    );
  };
