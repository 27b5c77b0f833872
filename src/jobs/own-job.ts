/**
 * A background job as the account that asked for it sees it: its own (administrators: any), and the file it produced.
 * @module
 */
import type { Db } from '@db/transaction';
import { notFound } from '@errors/app-error';
import type { Actor } from '@modules/auth/actor';

/** What a job that produces a file keeps in its result. */
export type JobFile = { file?: string; fileName?: string; contentType?: string };

/**
 * The job `id` (of `kind`, when given) if the actor asked for it or administers the system.
 * @throws AppError not_found otherwise: someone else's job answers like a missing one, so its existence stays unknown
 */
export async function findOwnJob(db: Db, actor: Actor, id: string, kind?: string) {
  let query = db.selectFrom('jobs').selectAll().where('id', '=', id);
  if (kind) query = query.where('kind', '=', kind);
  const job = await query.executeTakeFirst();
  if (!job || (job.requested_by !== actor.userId && actor.role !== 'admin')) throw notFound('job');
  return job;
}

/** The `content-disposition` of a produced file: an ASCII fallback name and the real one in UTF-8. */
export const attachmentDisposition = (name: string) =>
  `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
