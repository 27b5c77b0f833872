import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@db/types';
import type { Actor } from '@modules/auth/actor';

/** What a service knows about the request that causes a write. */
export type WriteContext = { actor: Actor | null; requestId?: string; ip?: string; label?: string };

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

/** Fields never copied into the trail. */
const SECRET_FIELDS = new Set(['password_hash', 'token_hash', 'csrf_token', 'id_hash', 'password', 'passport_number']);

function redact(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, v]) => [key, SECRET_FIELDS.has(key) ? '[redacted]' : redact(v)]),
    );
  }
  return value;
}

function actorLabel(ctx: WriteContext): string {
  return ctx.actor ? `${ctx.actor.username} (${ctx.actor.role})` : (ctx.label ?? 'system');
}

const snapshot = (value: unknown) => (value === undefined ? null : JSON.stringify(redact(value)));

/**
 * Records a write in the audit trail. Call it with the transaction of the write itself, so the change and its
 * record commit or roll back together.
 */
export async function writeAudit(trx: Transaction<Database> | Kysely<Database>, ctx: WriteContext, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      actor_user_id: ctx.actor?.userId ?? null,
      actor_label: actorLabel(ctx),
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
      request_id: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
    })
    .execute();
}

/**
 * Records many writes of one request at once (bulk imports): the same rows as {@link writeAudit}, redacted the same
 * way, in one statement, because one insert per entity was most of the time of a large import.
 */
export async function writeAuditMany(
  trx: Transaction<Database> | Kysely<Database>,
  ctx: WriteContext,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    before: e.before === undefined ? null : redact(e.before),
    after: e.after === undefined ? null : redact(e.after),
  }));
  await sql`
    insert into audit_log (actor_user_id, actor_label, action, entity_type, entity_id, before, after, request_id, ip)
    select ${ctx.actor?.userId ?? null}::uuid, ${actorLabel(ctx)}, v.action, v.entity_type, v.entity_id, v.before, v.after,
      ${ctx.requestId ?? null}, ${ctx.ip ?? null}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as v(action text, entity_type text, entity_id text, before jsonb, after jsonb)`.execute(trx);
}
