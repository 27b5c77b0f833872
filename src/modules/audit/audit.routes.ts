import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow } from '@http/policy';
import { isoDate } from '@http/primitives';
import { offsetOf, pageQuery, paginated } from '@http/pagination';
import type { AppDeps } from '@http/route-deps';

const auditQuery = pageQuery.extend({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: z.string().uuid().optional(),
  action: z.string().max(80).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const auditView = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});

export const auditRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/audit',
      {
        config: { policy: allow('admin', 'central') },
        schema: { tags: ['audit'], summary: 'Browse the audit trail', querystring: auditQuery, response: { 200: paginated(auditView) } },
      },
      async (request) => {
        const q = request.query;
        let base = deps.db.selectFrom('audit_log');
        if (q.entityType) base = base.where('entity_type', '=', q.entityType);
        if (q.entityId) base = base.where('entity_id', '=', q.entityId);
        if (q.actorUserId) base = base.where('actor_user_id', '=', q.actorUserId);
        if (q.action) base = base.where('action', 'like', `${q.action}%`);
        if (q.from) base = base.where('at', '>=', new Date(`${q.from}T00:00:00+07:00`));
        if (q.to) base = base.where('at', '<', new Date(new Date(`${q.to}T00:00:00+07:00`).getTime() + 86_400_000));
        const [rows, count] = await Promise.all([
          base.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset(offsetOf(q)).execute(),
          base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
        ]);
        return {
          items: rows.map((row) => ({
            id: String(row.id),
            at: row.at.toISOString(),
            actorUserId: row.actor_user_id,
            actorLabel: row.actor_label,
            action: row.action,
            entityType: row.entity_type,
            entityId: row.entity_id,
            before: row.before,
            after: row.after,
            requestId: row.request_id,
          })),
          total: Number(count.n),
          page: q.page,
          pageSize: q.pageSize,
        };
      },
    );
  };
