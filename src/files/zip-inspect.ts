/**
 * Zip containers (xlsx, docx) checked before anything else reads them: the central directory first (entry count,
 * declared sizes, compression ratio), then, where a file is going to be parsed, every entry inflated once into
 * nothing with yauzl checking that no entry yields more than it declared — so a zip whose headers lie cannot
 * expand past the bounds either. Relative imports only: the parsing worker loads this file.
 * @module
 */
import yauzl from 'yauzl';
import { FileBoundError, megabytes, type ZipBounds } from './file-bounds';

/** One entry of the central directory, as declared. */
export type ZipEntryInfo = { name: string; compressedBytes: number; uncompressedBytes: number };

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
      error || !zip ? reject(new FileBoundError('unreadable', 0, error?.message ?? '')) : resolve(zip),
    ),
  );
}

/** Throws when one declared entry, or the running total, crosses a bound. */
function checkEntry(entry: ZipEntryInfo, total: number, bounds: ZipBounds): void {
  if (entry.uncompressedBytes > bounds.maxEntryBytes) {
    throw new FileBoundError('unpacked', megabytes(bounds.maxEntryBytes), megabytes(entry.uncompressedBytes));
  }
  if (total > bounds.maxTotalBytes) throw new FileBoundError('unpacked', megabytes(bounds.maxTotalBytes), megabytes(total));
  if (entry.uncompressedBytes > bounds.ratioFloorBytes) {
    const ratio = entry.uncompressedBytes / Math.max(1, entry.compressedBytes);
    if (ratio > bounds.maxRatio) throw new FileBoundError('ratio', bounds.maxRatio, Math.round(ratio));
  }
}

/**
 * The entries of a zip held in memory, read from its central directory only (nothing is inflated), after checking
 * them against `bounds`. Cost grows with the entry count, which is checked first.
 * @throws FileBoundError 'unreadable' for a file that is not a zip, 'entries' / 'unpacked' / 'ratio' over a bound
 */
export async function inspectZip(buffer: Buffer, bounds: ZipBounds): Promise<ZipEntryInfo[]> {
  const zip = await openZip(buffer);
  if (zip.entryCount > bounds.maxEntries) {
    zip.close();
    throw new FileBoundError('entries', bounds.maxEntries, zip.entryCount);
  }
  return new Promise((resolve, reject) => {
    const entries: ZipEntryInfo[] = [];
    let total = 0;
    zip.on('entry', (raw: yauzl.Entry) => {
      const entry = { name: raw.fileName, compressedBytes: raw.compressedSize, uncompressedBytes: raw.uncompressedSize };
      total += entry.uncompressedBytes;
      try {
        checkEntry(entry, total, bounds);
      } catch (error) {
        zip.close();
        reject(error);
        return;
      }
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('error', (error: Error) => reject(new FileBoundError('unreadable', 0, error.message)));
    zip.on('end', () => resolve(entries));
    zip.readEntry();
  });
}

/**
 * Inflates every entry once, discarding the bytes, so that an entry that yields more than its header declared is
 * caught (yauzl stops it) and the real total stays under `bounds.maxTotalBytes`. `keepHead` names entries whose
 * first `headBytes` are returned (a worksheet's `<dimension>` sits at its start).
 * @throws FileBoundError as `inspectZip`, or 'unpacked' when an entry lies about its size
 */
export async function inflateZipChecked(
  buffer: Buffer,
  bounds: ZipBounds,
  keepHead: (name: string) => boolean,
  headBytes = 4096,
): Promise<Map<string, string>> {
  const entries = await inspectZip(buffer, bounds);
  const wanted = new Set(entries.filter((e) => keepHead(e.name)).map((e) => e.name));
  const zip = await openZip(buffer);
  const heads = new Map<string, string>();
  let total = 0;
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      zip.close();
      reject(error instanceof FileBoundError ? error : new FileBoundError('unpacked', megabytes(bounds.maxTotalBytes), String(error)));
    };
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return fail(error);
        const head: Buffer[] = [];
        let headLength = 0;
        stream.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > bounds.maxTotalBytes) {
            stream.destroy();
            fail(new FileBoundError('unpacked', megabytes(bounds.maxTotalBytes), megabytes(total)));
            return;
          }
          if (wanted.has(entry.fileName) && headLength < headBytes) {
            head.push(chunk.subarray(0, headBytes - headLength));
            headLength += Math.min(chunk.length, headBytes - headLength);
          }
        });
        stream.on('error', fail);
        stream.on('end', () => {
          if (wanted.has(entry.fileName)) heads.set(entry.fileName, Buffer.concat(head).toString('utf8'));
          zip.readEntry();
        });
      });
    });
    zip.on('error', fail);
    zip.on('end', () => resolve(heads));
    zip.readEntry();
  });
}
