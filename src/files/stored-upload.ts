/**
 * Uploaded documents on disk, the one way every area keeps them (dossier documents, obligation files, proposals'
 * and meetings' documents): the type is decided from the content (PDF, DOCX, XLSX, PNG, JPEG), an Office file's zip
 * directory must stay within the bounds of `zip-upload-check`, and the file is written under
 * `<VNAID_DATA_DIR>/uploads/<yyyy>/<uuid>` with its SHA-256 BEFORE its row, then removed again if the row's
 * transaction fails — so no row ever names a missing file and no refused upload leaves one behind.
 * @module
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { AppError, notFound } from '@errors/app-error';
import { DEMO_DOCUMENT_PREFIX, demoDocumentContent } from './demo-documents';
import { ACCEPTED_MEDIA_TYPES, detectFileType } from './file-type';
import { assertStoredZipWithin } from './zip-upload-check';

/** A file as the upload route read it (name already cleaned by singleFileUpload). */
export type UploadedFile = { fileName: string; content: Buffer };

/** What a document row records of a stored file (column names as every documents table has them). */
export type StoredFileColumns = {
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  storage_path: string;
};

/**
 * Checks `file`, writes it, and runs `work` with its columns (typically the transaction that inserts the row and
 * its audit entry); when `work` throws, the file is removed and the error passes on. `fallbackName` (without
 * extension) names a file sent without a name.
 * @throws AppError unsupported_media_type (415) when the content is none of the accepted types; file_* (413) for
 *   an Office file whose zip directory is out of bounds; whatever `work` throws
 */
export async function withStoredUpload<T>(
  dataDir: string,
  file: UploadedFile,
  today: string,
  fallbackName: string,
  work: (stored: StoredFileColumns) => Promise<T>,
): Promise<T> {
  const detected = detectFileType(file.content);
  if (!detected) throw new AppError('unsupported_media_type', { details: { accepted: ACCEPTED_MEDIA_TYPES } });
  if (detected.extension === 'docx' || detected.extension === 'xlsx') await assertStoredZipWithin(file.content);
  const relative = path.posix.join('uploads', today.slice(0, 4), randomUUID());
  const absolute = path.join(dataDir, relative);
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFile(absolute, file.content, { flag: 'wx', mode: 0o640 });
  try {
    return await work({
      file_name: file.fileName.slice(0, 255) || `${fallbackName}.${detected.extension}`,
      media_type: detected.mediaType,
      size_bytes: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      storage_path: relative,
    });
  } catch (error) {
    await rm(absolute, { force: true });
    throw error;
  }
}

/** A stored document ready to stream to its reader. */
export type OpenedFile = { stream: Readable; fileName: string; mediaType: string; size: number; sha256: string };

/**
 * Opens the file of a document row the caller was already allowed to read (demo rows' bytes are generated, not
 * stored). @throws AppError not_found when the file is gone from disk
 */
export async function openStoredFile(
  dataDir: string,
  row: { storage_path: string; file_name: string; media_type: string; sha256: string },
): Promise<OpenedFile> {
  const meta = { fileName: row.file_name, mediaType: row.media_type, sha256: row.sha256 };
  if (row.storage_path.startsWith(DEMO_DOCUMENT_PREFIX)) {
    const content = demoDocumentContent(row.storage_path);
    return { ...meta, stream: Readable.from([content]), size: content.length };
  }
  const absolute = path.join(dataDir, row.storage_path);
  const info = await stat(absolute).catch(() => null);
  if (!info) throw notFound('document');
  return { ...meta, stream: createReadStream(absolute), size: info.size };
}

/** Content headers of a document download: its type, length, name (RFC 5987) and SHA-256. */
export function downloadHeaders(file: OpenedFile): Record<string, string | number> {
  return {
    'content-type': file.mediaType,
    'content-length': file.size,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'x-content-sha256': file.sha256,
  };
}
