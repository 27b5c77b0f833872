import type { Kysely, Transaction } from 'kysely';
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

/**
 * Records a write in the audit trail. Call it with the transaction of the write itself, so the change and its
 * record commit or roll back together.
 */
export async function writeAudit(trx: Transaction<Database> | Kysely<Database>, ctx: WriteContext, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      actor_user_id: ctx.actor?.userId ?? null,
      actor_label: ctx.actor ? `${ctx.actor.username} (${ctx.actor.role})` : (ctx.label ?? 'system'),
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(redact(entry.before)),
      after: entry.after === undefined ? null : JSON.stringify(redact(entry.after)),
      request_id: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
    })
    .execute();
}
