/**
 * An inspection's documents (decision, minutes, conclusion): uploaded by the lead agency or central while it is
 * open, checked by content and stored like every area's documents (src/files/stored-upload.ts), downloaded by
 * whoever may read the inspection. The file is written before the row and removed if the transaction fails.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '@db/types';
import { notFound } from '@errors/app-error';
import { openStoredFile, withStoredUpload, type UploadedFile } from '@files/stored-upload';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from '@modules/auth/actor';
import { assertPlanner, inspectionScopeCondition } from './inspections.policy';
import type { InspectionDocumentView } from './inspections.schemas';
import { lockOpenInspection } from './inspections.service';
import { inspectionDb } from './inspections.tables';

/**
 * Stores one document of an open inspection, audited with its name, type, size and SHA-256.
 * @throws AppError not_found, inspection_closed, supervision_out_of_scope, unsupported_media_type (415), file_* (413)
 */
export async function storeInspectionDocument(
  db: Kysely<Database>,
  ctx: WriteContext,
  dataDir: string,
  inspectionId: string,
  file: UploadedFile,
  today: string,
): Promise<InspectionDocumentView> {
  const actor = assertPlanner(ctx.actor);
  // Checked before the file is written, and again under the lock.
  await db.transaction().execute((trx) => lockOpenInspection(trx, actor, inspectionId));
  return withStoredUpload(dataDir, file, today, 'document', (stored) =>
    db.transaction().execute(async (trx) => {
      await lockOpenInspection(trx, actor, inspectionId);
      const doc = await inspectionDb(trx)
        .insertInto('inspection_documents')
        .values({ inspection_id: inspectionId, ...stored, uploaded_by: actor.userId })
        .returningAll()
        .executeTakeFirstOrThrow();
      const view = {
        id: doc.id,
        fileName: doc.file_name,
        mediaType: doc.media_type,
        sizeBytes: Number(doc.size_bytes),
        sha256: doc.sha256,
        uploadedAt: doc.uploaded_at.toISOString(),
      };
      await writeAudit(trx, ctx, { action: 'inspection.document.upload', entityType: 'inspection', entityId: inspectionId, after: view });
      return view;
    }),
  );
}

/** A stored document of an inspection the caller may read, ready to stream. @throws AppError not_found */
export async function openInspectionDocument(
  db: Kysely<Database>,
  actor: Actor,
  dataDir: string,
  inspectionId: string,
  documentId: string,
) {
  const visible = await sql`select 1 from inspections i where i.id = ${inspectionId} and ${inspectionScopeCondition(actor)}`.execute(db);
  if (!visible.rows.length) throw notFound('inspection');
  const doc = await inspectionDb(db)
    .selectFrom('inspection_documents')
    .selectAll()
    .where('id', '=', documentId)
    .where('inspection_id', '=', inspectionId)
    .executeTakeFirst();
  if (!doc) throw notFound('document');
  return openStoredFile(dataDir, doc);
}
