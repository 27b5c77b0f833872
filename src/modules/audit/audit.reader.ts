/**
 * Reading the audit trail: newest first, filtered, a page at a time. Days are Viet Nam days (UTC+7), so "to
 * 07/12/2026" includes an entry written at 23:30 that evening.
 * @module
 */
import type { AuditPage, AuditQuery } from '@common/contracts/audit';
import type { Db } from '@db/transaction';
import { offsetOf } from '@http/pagination';

const DAY_MS = 86_400_000;
/** The instant a Viet Nam day begins. */
const vietnamDayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

/** One page of the audit trail under the filters, with the count of all matching entries. */
export async function readAuditTrail(db: Db, q: AuditQuery): Promise<AuditPage> {
  let base = db.selectFrom('audit_log');
  if (q.entityType) base = base.where('entity_type', '=', q.entityType);
  if (q.entityId) base = base.where('entity_id', '=', q.entityId);
  if (q.actorUserId) base = base.where('actor_user_id', '=', q.actorUserId);
  if (q.action) base = base.where('action', 'like', `${q.action}%`);
  if (q.from) base = base.where('at', '>=', vietnamDayStart(q.from));
  if (q.to) base = base.where('at', '<', new Date(vietnamDayStart(q.to).getTime() + DAY_MS));
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
}
