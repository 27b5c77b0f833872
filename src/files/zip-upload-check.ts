import { AppError } from '@errors/app-error';
import { DOCUMENT_ZIP_BOUNDS, FileBoundError, type ZipBounds } from './file-bounds';
import { fileBoundAppError } from './file-errors';
import { inspectZip } from './zip-inspect';

/**
 * Checks an uploaded Office file (docx, xlsx: a zip) that is stored rather than parsed: its central directory must
 * be readable and within `bounds` (entries, declared unpacked size, compression ratio), so a zip bomb is never
 * kept for an officer to open. Nothing is inflated.
 * @throws AppError 413 `file_*` over a bound, 415 `unsupported_media_type` when the zip cannot be read
 */
export async function assertStoredZipWithin(content: Buffer, bounds: ZipBounds = DOCUMENT_ZIP_BOUNDS): Promise<void> {
  try {
    await inspectZip(content, bounds);
  } catch (error) {
    if (!(error instanceof FileBoundError)) throw error;
    throw fileBoundAppError(error) ?? new AppError('unsupported_media_type', { details: { reason: 'damaged zip' } });
  }
}
