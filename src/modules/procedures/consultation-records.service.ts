/**
 * The handling officer's side of a consultation (issue 13 §2): an opinion that came on paper is recorded with its
 * letter (agency, number, date, position, file), and an agency's silence is recorded once its working days have run
 * out, so the case goes on (Decree 58 sets the 10 working days; it does not stop the procedure for a late agency).
 * The letter file of an answer, in the app or on paper, is stored like every upload (src/files/stored-upload.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import { AppError, forbidden, notFound } from '@errors/app-error';
import { openStoredFile, withStoredUpload, type UploadedFile } from '@files/stored-upload';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from '@modules/auth/actor';
import { loadCalendar } from '@modules/calendar/calendar.service';
import { closeConsultation } from './consultation-answers.service';
import { consultationClock } from './deadlines';
import { recordsOpinions } from './dossier-view';
import type { AnswerBody } from './dossiers.schemas';
import { findVisible } from './dossiers.service';
import { answersFor } from './procedures.policy';

/** Records an opinion received on paper; only the officer handling the dossier (its receiving role) may. */
export async function recordPaperOpinion(db: Kysely<Database>, ctx: WriteContext, id: string, body: AnswerBody, today: string) {
  await closeConsultation(db, ctx, id, body.version, { channel: 'PAPER', body }, today, (actor, _c, dossier) =>
    recordsOpinions(actor, dossier),
  );
}

/**
 * Records that the agency did not answer: allowed only after the last of its working days.
 * @throws AppError consultation_not_overdue (422) before then
 */
export async function recordSilence(
  db: Kysely<Database>,
  ctx: WriteContext,
  id: string,
  body: { version: number; note?: string | undefined },
  today: string,
) {
  const calendar = await loadCalendar(db);
  await closeConsultation(
    db,
    ctx,
    id,
    body.version,
    { channel: 'SILENCE', note: body.note },
    today,
    (actor, _c, dossier) => recordsOpinions(actor, dossier),
    (c, dossier) => {
      const clock = consultationClock(c, dossier, calendar, today);
      if (!clock.dueDate || today <= clock.dueDate)
        throw new AppError('consultation_not_overdue', { details: { dueDate: clock.dueDate, today } });
    },
  );
}

/** The request, if `actor` may attach its letter: the agency answering it, or the officer recording it on paper. */
async function attachable(db: Kysely<Database>, actor: Actor, id: string) {
  const c = await db.selectFrom('dossier_consultations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound('consultation');
  const dossier = await db.selectFrom('dossiers').selectAll().where('id', '=', c.dossier_id).executeTakeFirstOrThrow();
  if (!answersFor(actor, c.agency_id) && !recordsOpinions(actor, dossier)) throw notFound('consultation');
  if (c.status !== 'PENDING') throw new AppError('conflict', { details: { reason: 'consultation_closed', status: c.status } });
  return c;
}

/** Stores the file of the agency's letter on a pending request (replacing an earlier one); audited. */
export async function storeLetter(db: Kysely<Database>, ctx: WriteContext, dataDir: string, id: string, file: UploadedFile, today: string) {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  await attachable(db, actor, id);
  return withStoredUpload(dataDir, file, today, 'cong-van-y-kien', (stored) =>
    db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('dossier_consultations').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (before.status !== 'PENDING')
        throw new AppError('conflict', { details: { reason: 'consultation_closed', status: before.status } });
      const after = await trx
        .updateTable('dossier_consultations')
        .set({
          letter_file_name: stored.file_name,
          letter_media_type: stored.media_type,
          letter_size_bytes: stored.size_bytes,
          letter_sha256: stored.sha256,
          letter_storage_path: stored.storage_path,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, {
        action: 'dossier.consultation.letter',
        entityType: 'dossier_consultation',
        entityId: id,
        before,
        after,
      });
      return { fileName: stored.file_name, mediaType: stored.media_type, sizeBytes: stored.size_bytes, sha256: stored.sha256 };
    }),
  );
}

/** Opens the letter file of a request on a dossier `actor` may see. */
export async function openLetter(db: Kysely<Database>, actor: Actor, dataDir: string, dossierId: string, id: string) {
  await findVisible(db, actor, dossierId);
  const c = await db
    .selectFrom('dossier_consultations')
    .selectAll()
    .where('id', '=', id)
    .where('dossier_id', '=', dossierId)
    .executeTakeFirst();
  if (!c?.letter_storage_path) throw notFound('document');
  return openStoredFile(dataDir, {
    storage_path: c.letter_storage_path,
    file_name: c.letter_file_name ?? 'letter',
    media_type: c.letter_media_type ?? 'application/octet-stream',
    sha256: c.letter_sha256 ?? '',
  });
}
