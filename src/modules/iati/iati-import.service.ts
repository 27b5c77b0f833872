import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type Kysely } from 'kysely';
import type { Database } from '@db/types';
import { AppError, notFound } from '@errors/app-error';
import type { ErrorCode } from '@errors/codes';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { enqueueJob } from '../../jobs/queue';
import { getImport, type ImportView } from './iati-import.view';
import { applyImport, dryRunImport, ImportAborted } from './iati-import.run';
import type { ImportReport } from './iati-import.report';
import { assertUnchanged, fileChangedProblem, measure, openChecked } from './iati-import.file';
import { DEFAULT_MAX_BYTES, FILE_CHUNK } from './xml/read-activities';

/**
 * Limits of the upload flow. `maxBytes` refuses larger files with `iati_too_large` (413); files up to
 * `inlineBytes` are checked and applied within the request, larger ones by the job worker (the UI polls).
 * Tests lower them.
 */
export const importLimits = { maxBytes: DEFAULT_MAX_BYTES, inlineBytes: 8 * 1024 * 1024 };

/** Job kinds of large files (handlers in iati-import.jobs.ts). */
export const PLAN_JOB = 'iati.plan';
export const APPLY_JOB = 'iati.apply';

/** A file's fatal problem as an API error: 413 for a too large file, 400/422 for the others (errors/codes.ts). */
export function fatalError(report: ImportReport): AppError {
  const fatal = report.fatal!;
  const code = (fatal.code as ErrorCode) ?? 'bad_request';
  return new AppError(code, {
    params: { line: fatal.line ?? 0, column: fatal.column ?? 0, limit: importLimits.maxBytes },
    details: { problem: fatal, counts: report.counts },
  });
}

/**
 * Stores an uploaded IATI file under `<dataDir>/imports/<id>.xml` and runs its dry run: in the request for a
 * small file, else as a job. Nothing but the import record and its file changes.
 * @throws AppError iati_too_large (413) beyond {@link importLimits}.maxBytes; the file's fatal problem (400/422)
 */
export async function receiveUpload(
  db: Kysely<Database>,
  ctx: WriteContext,
  dataDir: string,
  upload: { filename: string; file: Readable },
): Promise<ImportView> {
  const id = randomUUID();
  const dir = path.join(dataDir, 'imports');
  await fs.mkdir(dir, { recursive: true });
  const filePath = path.join(dir, `${id}.xml`);
  const { tap, result } = measure();
  try {
    await pipeline(upload.file, tap, createWriteStream(filePath));
  } catch (error) {
    await fs.rm(filePath, { force: true });
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw error;
  }
  // Busboy ends the file stream at the size limit and flags it truncated (the request's error comes too late).
  if ((upload.file as Readable & { truncated?: boolean }).truncated) {
    await fs.rm(filePath, { force: true });
    throw tooLarge();
  }
  const { bytes, sha256 } = result();
  const fileName = path.basename(upload.filename || 'iati.xml').slice(0, 200);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('iati_imports')
      .values({ id, file_name: fileName, file_path: filePath, bytes, sha256, created_by: ctx.actor?.userId ?? null })
      .execute();
    await writeAudit(trx, ctx, {
      action: 'iati_import.upload',
      entityType: 'iati_import',
      entityId: id,
      after: { fileName, bytes, sha256 },
    });
  });
  if (bytes > importLimits.inlineBytes) {
    const job = await enqueueJob(db, { kind: PLAN_JOB, payload: { importId: id }, requestedBy: ctx.actor?.userId ?? null });
    await db.updateTable('iati_imports').set({ status: 'PLANNING', job_id: job.id }).where('id', '=', id).execute();
    return getImport(db, id);
  }
  const report = await planStoredImport(db, id);
  if (report.fatal) throw fatalError(report);
  return getImport(db, id);
}

/** The 413 of an upload over the limit. */
export const tooLarge = () =>
  new AppError('iati_too_large', { params: { limit: importLimits.maxBytes }, details: { limit: importLimits.maxBytes } });

/**
 * Runs the dry run of a stored import and records its report (PLANNED), or its fatal problem (REJECTED: the file
 * is deleted, nothing else changes).
 */
export async function planStoredImport(
  db: Kysely<Database>,
  id: string,
  onProgress?: (fraction: number) => Promise<void>,
): Promise<ImportReport> {
  const row = await db.selectFrom('iati_imports').select(['file_path', 'bytes']).where('id', '=', id).executeTakeFirst();
  if (!row?.file_path) throw notFound('iati_import');
  const filePath = row.file_path;
  const report = await dryRunImport(
    db,
    { open: () => createReadStream(filePath, { highWaterMark: FILE_CHUNK }), bytes: Number(row.bytes) },
    { maxBytes: importLimits.maxBytes, ...(onProgress ? { onProgress } : {}) },
  );
  const rejected = report.fatal !== null;
  await db
    .updateTable('iati_imports')
    .set({
      status: rejected ? 'REJECTED' : 'PLANNED',
      report: JSON.stringify(report),
      error: rejected ? JSON.stringify({ code: report.fatal!.code, message: report.fatal!.message }) : null,
      planned_at: new Date(),
      ...(rejected ? { file_path: null } : {}),
    })
    .where('id', '=', id)
    .execute();
  if (rejected) await fs.rm(filePath, { force: true });
  return report;
}

/**
 * Applies a planned import (all or nothing): in the request for a small file, else as a job.
 * @throws AppError iati_import_not_ready (409) unless the import is PLANNED (or FAILED, to retry)
 */
export async function requestApply(db: Kysely<Database>, ctx: WriteContext, id: string): Promise<ImportView> {
  const claimed = await db
    .updateTable('iati_imports')
    .set({ status: 'APPLYING', error: null })
    .where('id', '=', id)
    .where('status', 'in', ['PLANNED', 'FAILED'])
    .where('file_path', 'is not', null)
    .returning(['bytes'])
    .executeTakeFirst();
  if (!claimed) {
    const row = await db.selectFrom('iati_imports').select('status').where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('iati_import');
    throw new AppError('iati_import_not_ready', { params: { status: row.status }, details: { status: row.status } });
  }
  if (Number(claimed.bytes) > importLimits.inlineBytes) {
    const job = await enqueueJob(db, { kind: APPLY_JOB, payload: { importId: id }, requestedBy: ctx.actor?.userId ?? null });
    await db.updateTable('iati_imports').set({ job_id: job.id }).where('id', '=', id).execute();
  } else {
    await applyStoredImport(db, ctx, id);
  }
  return getImport(db, id);
}

/**
 * Applies a claimed (APPLYING) import in one transaction that also marks it APPLIED; the stored file is deleted
 * afterwards. The file must still be the one the dry run checked (its SHA-256, see iati-import.file.ts). A failure
 * leaves every aid record as it was and the import FAILED with the reason (it can be retried).
 * @throws AppError iati_file_changed (409) when the file changed or vanished since the dry run
 */
export async function applyStoredImport(
  db: Kysely<Database>,
  ctx: WriteContext,
  id: string,
  onProgress?: (fraction: number) => Promise<void>,
): Promise<ImportReport | null> {
  const row = await db.selectFrom('iati_imports').select(['file_path', 'bytes', 'sha256']).where('id', '=', id).executeTakeFirst();
  if (!row?.file_path) throw notFound('iati_import');
  const filePath = row.file_path;
  const file = openChecked(filePath, row.sha256);
  try {
    await assertUnchanged(filePath, row.sha256);
    const report = await applyImport(
      db,
      ctx,
      { open: file.open, bytes: Number(row.bytes) },
      {
        maxBytes: importLimits.maxBytes,
        importId: id,
        ...(onProgress ? { onProgress } : {}),
        finish: async (trx, result) => {
          // The bytes just written from must be the dry run's: a file swapped during the apply rolls it back.
          await file.check();
          await trx
            .updateTable('iati_imports')
            .set({
              status: 'APPLIED',
              result: JSON.stringify(result),
              applied_at: new Date(),
              applied_by: ctx.actor?.userId ?? null,
              file_path: null,
              version: sql`version + 1`,
            })
            .where('id', '=', id)
            .execute();
        },
      },
    );
    await fs.rm(filePath, { force: true });
    return report;
  } catch (error) {
    const problem =
      error instanceof AppError && error.code === 'iati_file_changed'
        ? fileChangedProblem(error)
        : error instanceof ImportAborted
          ? // What had been written before the file failed, all rolled back.
            { code: error.report.fatal?.code ?? 'import_failed', message: error.report.fatal?.message, rolledBack: error.report.counts }
          : {
              code: 'import_failed',
              message: { vi: 'Áp dụng thất bại; không có dữ liệu nào bị thay đổi.', en: 'The apply failed; nothing was changed.' },
              detail: (error as Error).message,
            };
    await db
      .updateTable('iati_imports')
      .set({ status: 'FAILED', error: JSON.stringify(problem) })
      .where('id', '=', id)
      .execute();
    if (error instanceof ImportAborted) return null;
    throw error;
  }
}

/** Drops an import that was not applied: its file is deleted. @throws AppError iati_import_not_ready */
export async function discardImport(db: Kysely<Database>, ctx: WriteContext, id: string): Promise<ImportView> {
  const before = await db.selectFrom('iati_imports').select(['status', 'file_path']).where('id', '=', id).executeTakeFirst();
  if (!before) throw notFound('iati_import');
  const row = await db
    .updateTable('iati_imports')
    .set({ status: 'DISCARDED', file_path: null })
    .where('id', '=', id)
    .where('status', 'in', ['UPLOADED', 'PLANNED', 'REJECTED', 'FAILED'])
    .returning(['id'])
    .executeTakeFirst();
  if (!row) throw new AppError('iati_import_not_ready', { params: { status: before.status }, details: { status: before.status } });
  if (before.file_path) await fs.rm(before.file_path, { force: true });
  await writeAudit(db, ctx, { action: 'iati_import.discard', entityType: 'iati_import', entityId: id, before: { status: before.status } });
  return getImport(db, id);
}
