/**
 * Dossier documents: uploads checked and stored as every area's documents are (src/files/stored-upload.ts), and
 * downloads limited to those who may see the dossier.
 */
import type { Kysely } from 'kysely';
import type { ProcedureVersion, RequiredDocument } from '@domain/procedures';
import type { Database } from '@db/types';
import { AppError, forbidden, notFound } from '@errors/app-error';
import { openStoredFile, withStoredUpload, type UploadedFile } from '@files/stored-upload';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from '@modules/auth/actor';
import { addEvent, lockDossier } from './dossiers.repository';
import { findVisible } from './dossiers.service';
import { loadCatalogue, versionById } from './procedures.catalogue';
import { donorMayUpload, dossierRoles } from './procedures.policy';

/** Largest accepted file (20 MB); larger uploads answer 413. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * The checklist items still missing: every required document, and one document of each group of alternatives
 * (re-issue: the original when damaged, a copy when lost).
 */
export function missingDocuments(documents: readonly RequiredDocument[], presentCodes: ReadonlySet<string>): string[] {
  const missing = documents.filter((d) => d.required && !d.oneOf && !presentCodes.has(d.code)).map((d) => d.code);
  const groups = new Map<string, string[]>();
  for (const d of documents) if (d.oneOf) groups.set(d.oneOf, [...(groups.get(d.oneOf) ?? []), d.code]);
  for (const [group, codes] of groups) if (!codes.some((c) => presentCodes.has(c))) missing.push(`oneOf:${group}`);
  return missing;
}

/** Refuses a submission or supplement while the checklist is incomplete. */
export async function assertComplete(db: Kysely<Database>, dossierId: string, version: ProcedureVersion): Promise<void> {
  const rows = await db
    .selectFrom('dossier_documents')
    .select('document_code')
    .where('dossier_id', '=', dossierId)
    .where('superseded_at', 'is', null)
    .execute();
  const missing = missingDocuments(version.documents, new Set(rows.map((r) => r.document_code)));
  if (missing.length) throw new AppError('dossier_documents_missing', { details: { missing } });
}

/** Stores one file for one checklist item of a draft or of a dossier awaiting a supplement. */
export async function storeDocument(
  db: Kysely<Database>,
  ctx: WriteContext,
  dataDir: string,
  dossierId: string,
  documentCode: string,
  file: UploadedFile,
  today: string,
) {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const row = await findVisible(db, actor, dossierId);
  if (!dossierRoles(actor, row).includes('NGO') && !donorMayUpload(actor, row, documentCode)) throw forbidden();
  if (row.status !== 'DRAFT' && row.status !== 'INCOMPLETE')
    throw new AppError('conflict', { details: { reason: 'not_accepting_documents', status: row.status } });
  const version = versionById(await loadCatalogue(db), row.procedure_version_id);
  if (!version.documents.some((d) => d.code === documentCode)) {
    throw new AppError('validation_failed', {
      details: { issues: [{ path: 'querystring.documentCode', message: `not in the checklist of ${version.code}` }] },
    });
  }
  return withStoredUpload(dataDir, file, today, documentCode, (stored) =>
    db.transaction().execute(async (trx) => {
      const locked = await lockDossier(trx, dossierId);
      if (!locked || (locked.status !== 'DRAFT' && locked.status !== 'INCOMPLETE'))
        throw new AppError('conflict', { details: { reason: 'not_accepting_documents' } });
      const open =
        locked.status === 'INCOMPLETE'
          ? await trx
              .selectFrom('dossier_supplement_requests')
              .select('id')
              .where('dossier_id', '=', dossierId)
              .where('answered_at', 'is', null)
              .executeTakeFirst()
          : undefined;
      await trx
        .updateTable('dossier_documents')
        .set({ superseded_at: new Date() })
        .where('dossier_id', '=', dossierId)
        .where('document_code', '=', documentCode)
        .where('superseded_at', 'is', null)
        .execute();
      const doc = await trx
        .insertInto('dossier_documents')
        .values({
          dossier_id: dossierId,
          document_code: documentCode,
          ...stored,
          supplement_request_id: open?.id ?? null,
          uploaded_by: actor.userId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (locked.status === 'INCOMPLETE') {
        await addEvent(trx, {
          dossierId,
          onDate: today,
          action: 'DOCUMENT_UPLOADED',
          from: locked.status,
          to: locked.status,
          clock: locked.clock,
          actor,
          details: { documentCode, fileName: doc.file_name, sha256: doc.sha256 },
        });
      }
      await writeAudit(trx, ctx, {
        action: 'dossier.document.upload',
        entityType: 'dossier',
        entityId: dossierId,
        after: {
          documentId: doc.id,
          documentCode,
          fileName: doc.file_name,
          mediaType: doc.media_type,
          sizeBytes: Number(doc.size_bytes),
          sha256: doc.sha256,
        },
      });
      return {
        id: doc.id,
        documentCode,
        fileName: doc.file_name,
        mediaType: doc.media_type,
        sizeBytes: Number(doc.size_bytes),
        sha256: doc.sha256,
        uploadedAt: doc.uploaded_at.toISOString(),
      };
    }),
  );
}

/** A stored file of a dossier the caller may see, ready to stream. */
export async function openDocument(db: Kysely<Database>, actor: Actor, dataDir: string, dossierId: string, documentId: string) {
  await findVisible(db, actor, dossierId);
  const doc = await db
    .selectFrom('dossier_documents')
    .selectAll()
    .where('id', '=', documentId)
    .where('dossier_id', '=', dossierId)
    .executeTakeFirst();
  if (!doc) throw notFound('document');
  return openStoredFile(dataDir, doc);
}
