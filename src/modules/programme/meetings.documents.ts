/**
 * A meeting's documents (agenda, minutes, conclusions notice): uploaded by central, checked by content exactly as
 * dossier documents are (PDF, DOCX, XLSX, PNG, JPEG; Office files' zip directory bounded), stored under
 * `<VNAID_DATA_DIR>/uploads/<yyyy>/<uuid>` with their SHA-256, downloaded by whoever may read the meeting. The file
 * is written before the row; if the transaction fails the file is removed.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '@db/types';
import { AppError, notFound } from '@errors/app-error';
import { openStoredFile, withStoredUpload, type UploadedFile } from '@files/stored-upload';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from '@modules/auth/actor';
import { assertOrganiser, meetingScopeCondition } from './meetings.policy';
import type { MeetingDocumentView } from './meetings.schemas';
import { coordinationDb } from './meetings.tables';

/** The meeting if the actor may read it (404 otherwise). */
async function assertVisible(db: Kysely<Database>, actor: Actor, meetingId: string): Promise<void> {
  const found = await sql`select 1 from programme_meetings m where m.id = ${meetingId} and ${meetingScopeCondition(actor)}`.execute(db);
  if (!found.rows.length) throw notFound('programme_meeting');
}

/**
 * Stores one document of a meeting (central only), audited with its name, type, size and SHA-256.
 * @throws AppError forbidden, not_found, unsupported_media_type (415), file_* (413, Office zip bounds)
 */
export async function storeMeetingDocument(
  db: Kysely<Database>,
  ctx: WriteContext,
  dataDir: string,
  meetingId: string,
  file: UploadedFile,
  today: string,
): Promise<MeetingDocumentView> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('not_signed_in');
  assertOrganiser(actor);
  await assertVisible(db, actor, meetingId);
  return withStoredUpload(dataDir, file, today, 'document', (stored) =>
    db.transaction().execute(async (trx) => {
      const locked = await sql`select 1 from programme_meetings where id = ${meetingId} for update`.execute(trx);
      if (!locked.rows.length) throw notFound('programme_meeting');
      const doc = await coordinationDb(trx)
        .insertInto('programme_meeting_documents')
        .values({ meeting_id: meetingId, ...stored, uploaded_by: actor.userId })
        .returningAll()
        .executeTakeFirstOrThrow();
      const view = {
        id: doc.id,
        fileName: doc.file_name,
        mediaType: doc.media_type,
        sizeBytes: doc.size_bytes,
        sha256: doc.sha256,
        uploadedAt: doc.uploaded_at.toISOString(),
      };
      await writeAudit(trx, ctx, {
        action: 'programme_meeting.document.upload',
        entityType: 'programme_meeting',
        entityId: meetingId,
        after: view,
      });
      return view;
    }),
  );
}

/** A stored document of a meeting the caller may read, ready to stream. @throws AppError not_found */
export async function openMeetingDocument(db: Kysely<Database>, actor: Actor, dataDir: string, meetingId: string, documentId: string) {
  await assertVisible(db, actor, meetingId);
  const doc = await coordinationDb(db)
    .selectFrom('programme_meeting_documents')
    .selectAll()
    .where('id', '=', documentId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  if (!doc) throw notFound('document');
  return openStoredFile(dataDir, doc);
}
