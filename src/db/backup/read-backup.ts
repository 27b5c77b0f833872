import { createReadStream, promises as fs } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { backupHeader, BackupError, countLines, type BackupHeader } from './format';

/** What the file holds after its header: table data, and the end of the current table. */
export type BackupEvent = { kind: 'data'; chunk: Buffer } | { kind: 'end' };

/** An opened backup: its header, and the events of its tables in header order. */
export type BackupReader = { header: BackupHeader; events: AsyncGenerator<BackupEvent>; close(): void };

const MAX_HEADER_BYTES = 16 * 1024 * 1024;
const BACKSLASH = 0x5c;
const DOT = 0x2e;
const LF = 10;

/**
 * Splits the decompressed file into the header line, data chunks (whole lines only) and end-of-table markers.
 * Data is passed on in the chunks it arrives in, so a large table streams without being split into rows.
 */
async function* scan(input: AsyncIterable<Buffer>): AsyncGenerator<{ kind: 'header'; text: string } | BackupEvent> {
  let rest: Buffer = Buffer.alloc(0);
  let headerSeen = false;
  for await (const chunk of input) {
    const buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0; // first byte not passed on yet
    let pos = 0; // start of the current line
    if (!headerSeen) {
      const nl = buf.indexOf(LF);
      if (nl < 0) {
        if (buf.length > MAX_HEADER_BYTES) throw new BackupError('this is not a vnaid backup file (no header line)');
        rest = buf;
        continue;
      }
      headerSeen = true;
      yield { kind: 'header', text: buf.subarray(0, nl).toString('utf8') };
      start = pos = nl + 1;
    }
    for (let nl = buf.indexOf(LF, pos); nl !== -1; nl = buf.indexOf(LF, pos)) {
      if (nl - pos === 2 && buf[pos] === BACKSLASH && buf[pos + 1] === DOT) {
        if (pos > start) yield { kind: 'data', chunk: buf.subarray(start, pos) };
        yield { kind: 'end' };
        start = nl + 1;
      }
      pos = nl + 1;
    }
    if (pos > start) yield { kind: 'data', chunk: buf.subarray(start, pos) };
    rest = buf.subarray(pos);
  }
  if (!headerSeen) throw new BackupError('this is not a vnaid backup file (it is empty or has no header line)');
  if (rest.length) throw new BackupError('the backup file is damaged: it ends in the middle of a row');
}

function parseHeader(text: string): BackupHeader {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError('this is not a vnaid backup file (its first line is not a JSON header)');
  }
  const format = (json as { format?: unknown; format_version?: unknown } | null) ?? {};
  if (format.format !== 'vnaid-backup') throw new BackupError('this is not a vnaid backup file');
  const parsed = backupHeader.safeParse(json);
  if (!parsed.success) {
    throw new BackupError(
      `this backup's format (version ${String(format.format_version)}) is not one this vnaid reads, or its header is damaged`,
    );
  }
  return parsed.data;
}

/** Turns the low-level failures of reading a file into messages an operator can act on. */
function explain(error: unknown, file: string): Error {
  if (error instanceof BackupError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new BackupError(`${file}: no such file`);
  if (code === 'EACCES') return new BackupError(`${file}: permission denied`);
  if (code === 'Z_DATA_ERROR') return new BackupError(`${file} is not a vnaid backup file (not gzip data)`);
  if (code === 'Z_BUF_ERROR' || /unexpected end of file/i.test((error as Error).message)) {
    return new BackupError(`the backup file ${file} is damaged or incomplete (it ends too early)`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Opens a backup file and reads its header; the table data is then read through `events`. */
export async function openBackup(file: string): Promise<BackupReader> {
  await fs.access(file).catch((error: unknown) => {
    throw explain(error, file);
  });
  const gunzip = createGunzip();
  // pipeline() hands a read error (or a damaged gzip stream) to gunzip, whose reader then throws it.
  pipeline(createReadStream(file), gunzip).catch(() => undefined);
  const source = scan(gunzip);
  async function* guarded(): AsyncGenerator<{ kind: 'header'; text: string } | BackupEvent> {
    try {
      yield* source;
    } catch (error) {
      throw explain(error, file);
    }
  }
  const events = guarded();
  const first = await events.next();
  if (first.done || first.value.kind !== 'header') throw new BackupError('this is not a vnaid backup file');
  const header = parseHeader(first.value.text);
  return { header, events: events as AsyncGenerator<BackupEvent>, close: () => gunzip.destroy() };
}

/**
 * Reads a whole backup file once, checking that it is complete: every table's data is there with the row count
 * of the header and nothing follows. Restore runs it before touching the database.
 */
export async function verifyBackup(file: string): Promise<BackupHeader> {
  const reader = await openBackup(file);
  try {
    let table = 0;
    let rows = 0;
    for await (const event of reader.events) {
      const expected = reader.header.tables[table];
      if (!expected) throw new BackupError('the backup file is damaged: it holds more tables than its header lists');
      if (event.kind === 'data') {
        rows += countLines(event.chunk);
        continue;
      }
      if (rows !== expected.rows)
        throw new BackupError(`the backup file is damaged: table ${expected.name} holds ${rows} rows, its header says ${expected.rows}`);
      table++;
      rows = 0;
    }
    if (table !== reader.header.tables.length || rows) {
      throw new BackupError(
        `the backup file is incomplete: ${reader.header.tables.length - table} of ${reader.header.tables.length} tables missing`,
      );
    }
    return reader.header;
  } finally {
    reader.close();
  }
}
