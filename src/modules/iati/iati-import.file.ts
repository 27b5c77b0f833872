/**
 * The uploaded file an import keeps between its dry run and its apply, and the proof that the apply reads the very
 * bytes the dry run checked: the SHA-256 taken at upload is compared before the apply starts (a clear refusal,
 * nothing written) and again over the bytes the apply actually read, inside its transaction (a file swapped
 * while the apply runs rolls everything back).
 * @module
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { AppError } from '@errors/app-error';
import { errorMessage } from '@common/i18n/server-messages';
import { FILE_CHUNK } from './xml/read-activities';

/** A pass-through that counts and hashes what flows through it. */
export function measure() {
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { tap, bytesSoFar: () => bytes, result: () => ({ bytes, sha256: hash.digest('hex') }) };
}

/** Feeds the rest of a file, from byte `start`, to a hash. */
async function hashRest(filePath: string, start: number, hash: { update(chunk: Buffer): unknown }): Promise<void> {
  for await (const chunk of createReadStream(filePath, { start })) hash.update(chunk as Buffer);
}

/** The SHA-256 of a stored file, or null when it is gone. */
export async function fileSha256(filePath: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    await hashRest(filePath, 0, hash);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
  return hash.digest('hex');
}

/** The refusal of an apply whose file is not the one its dry run checked (409, vi/en message). */
export function fileChanged(expected: string, actual: string | null): AppError {
  const reason = actual === null ? 'missing' : 'changed';
  return new AppError('iati_file_changed', { details: { reason, expectedSha256: expected, actualSha256: actual } });
}

/** How a refused apply is recorded on its import (the same words as the API's answer). */
export const fileChangedProblem = (error: AppError) => ({
  code: error.code,
  message: { vi: errorMessage(error.code, 'vi') ?? error.code, en: errorMessage(error.code, 'en') ?? error.code },
  ...(error.details as object),
});

/**
 * Refuses a stored file whose SHA-256 is not the dry run's.
 * @throws AppError iati_file_changed (details.reason `changed` or `missing`)
 */
export async function assertUnchanged(filePath: string, expected: string): Promise<void> {
  const actual = await fileSha256(filePath);
  if (actual !== expected) throw fileChanged(expected, actual);
}

/**
 * Opens the stored file for the apply, hashing what is read: `check()`, called inside the apply's transaction once
 * the reader is done, adds the bytes it did not need (anything after the root element) as the file holds them now
 * and throws when the whole is not the file the dry run checked.
 */
export function openChecked(filePath: string, expected: string) {
  let current: { hash: ReturnType<typeof createHash>; bytes: number } | undefined;
  return {
    open(): Readable & { bytesRead: number } {
      const state = (current = { hash: createHash('sha256'), bytes: 0 });
      const tap = new Transform({
        transform(chunk: Buffer, _enc, done) {
          state.hash.update(chunk);
          state.bytes += chunk.length;
          done(null, chunk);
        },
      });
      const file = createReadStream(filePath, { highWaterMark: FILE_CHUNK });
      file.on('error', (error) => tap.destroy(error));
      const stream = file.pipe(tap) as Transform & { bytesRead: number };
      Object.defineProperty(stream, 'bytesRead', { get: () => state.bytes });
      return stream;
    },
    async check(): Promise<void> {
      if (!current) throw fileChanged(expected, null);
      try {
        await hashRest(filePath, current.bytes, current.hash);
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') throw fileChanged(expected, null);
        throw error;
      }
      const actual = current.hash.digest('hex');
      if (actual !== expected) throw fileChanged(expected, actual);
    },
  };
}
