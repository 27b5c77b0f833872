/**
 * The audit trail's contract, read by its route (src/modules/audit) and the administrators' audit screen.
 * @module
 */
import { z } from 'zod';
import { isoDate, pageQuery, paginated } from './primitives';

/** Filters of the audit trail; `from` and `to` are Viet Nam days, both included. */
export const auditQuery = pageQuery.extend({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: z.string().uuid().optional(),
  action: z.string().max(80).optional().describe('an action or the start of one (e.g. `certificate.`)'),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEntry = z.object({
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
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditPage = paginated(auditEntry);
export type AuditPage = z.infer<typeof auditPage>;
