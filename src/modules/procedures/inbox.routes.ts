import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuery } from '@http/pagination';
import { actorOf, signedIn } from '@http/policy';
import type { AppDeps } from '@http/route-deps';
import { listInbox, markAllRead, markRead } from './inbox.service';

const notificationView = z.object({
  id: z.string(),
  kind: z.string(),
  dossierId: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

/** The signed-in user's in-app inbox (dossier events and deadline reminders). */
export const inboxRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { policy: signedIn };
    const tags = ['inbox'];
    app.get(
      '/api/inbox',
      {
        config,
        schema: {
          tags,
          summary: 'My notifications, newest first, with the unread count',
          querystring: pageQuery.extend({ unread: z.enum(['true', 'false']).optional() }),
          response: {
            200: z.object({
              items: z.array(notificationView),
              total: z.number().int(),
              page: z.number().int(),
              pageSize: z.number().int(),
              unread: z.number().int(),
            }),
          },
        },
      },
      async (request) => listInbox(deps.db, actorOf(request).userId, { ...request.query, unread: request.query.unread === 'true' }),
    );
    app.post(
      '/api/inbox/:id/read',
      {
        config,
        schema: {
          tags,
          summary: 'Mark a notification read',
          params: z.object({ id: z.string().uuid() }),
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (request) => {
        await markRead(deps.db, actorOf(request).userId, request.params.id);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/inbox/read-all',
      { config, schema: { tags, summary: 'Mark all my notifications read', response: { 200: z.object({ updated: z.number().int() }) } } },
      async (request) => ({ updated: await markAllRead(deps.db, actorOf(request).userId) }),
    );
  };
