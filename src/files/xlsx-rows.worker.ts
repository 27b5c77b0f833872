/**
 * The parsing thread of `readSpreadsheetRows` (xlsx-rows.ts), started once the zip and the declared dimensions have
 * passed their checks: it streams the first sheet with ExcelJS's WorkbookReader, counting rows, columns and cells
 * and stopping at the first bound crossed (a sheet may omit its dimension). It answers one message:
 * `{ ok: true, rows }` (row number and cell texts of every non-empty row) or `{ ok: false, error }`.
 * Relative imports only (the thread loads it through tsx without the path aliases of the main process).
 * @module
 */
import { ReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { FileBoundError, type SpreadsheetBounds } from './file-bounds';
import { cellText } from './xlsx-cell-text';

/** What the main thread sends. */
export type SheetJob = { buffer: Uint8Array; bounds: SpreadsheetBounds };
/** One row read: its number in the sheet and the text of columns 1…n. */
export type SheetRow = { row: number; cells: string[] };
/**
 * `ok: true` once the reader ran to its end (every stream and temporary file of the workbook closed), so the pool may
 * keep the thread for the next file; a refusal leaves the reader abandoned mid-file and the pool retires the thread.
 */
export type SheetAnswer = { ok: true; rows: SheetRow[] } | { ok: false; error: { kind: string; limit: number; found: string | number } };

/**
 * A sheet after the first is never read. ExcelJS parks worksheets that come before the shared strings (as Excel and
 * ExcelJS write them) in temporary files and opens a read stream on each: close it unread, so the reader can finish
 * and delete the file. Streams straight from the zip are drained by the reader itself.
 */
function skipSheet(sheet: { iterator?: unknown }): void {
  if (!(sheet.iterator instanceof ReadStream)) return;
  // The reader deletes the file as soon as it moves on, possibly before the stream has opened it: that late ENOENT
  // belongs to a stream nobody reads, and must not end the thread as an uncaught error.
  sheet.iterator.on('error', () => undefined);
  sheet.iterator.destroy();
}

/** Streams the first worksheet, stopping at the first bound crossed. */
async function streamFirstSheet(buffer: Buffer, bounds: SpreadsheetBounds['sheet']): Promise<SheetRow[]> {
  const options = { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' } as const;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), options);
  const rows: SheetRow[] = [];
  let cellCount = 0;
  let first = true;
  // Not `break` after the first sheet: leaving the reader mid-file would leave its temporary files and open streams
  // behind in a thread the pool keeps (they once made a later, readable file come back 'unreadable' under load).
  for await (const sheet of reader) {
    if (!first) {
      skipSheet(sheet as unknown as { iterator?: unknown });
      continue;
    }
    first = false;
    for await (const row of sheet) {
      if (row.number > bounds.maxRows) throw new FileBoundError('rows', bounds.maxRows, row.number);
      const values = row.values as ExcelJS.CellValue[];
      if (values.length - 1 > bounds.maxColumns) throw new FileBoundError('columns', bounds.maxColumns, values.length - 1);
      cellCount += Math.max(0, values.length - 1);
      if (cellCount > bounds.maxCells) throw new FileBoundError('cells', bounds.maxCells, cellCount);
      const cells: string[] = [];
      for (let c = 1; c < values.length; c++) cells.push(cellText(values[c] ?? null));
      if (cells.some((text) => text !== '')) rows.push({ row: row.number, cells });
    }
  }
  return rows;
}

async function run(job: SheetJob): Promise<SheetAnswer> {
  const buffer = Buffer.from(job.buffer.buffer, job.buffer.byteOffset, job.buffer.byteLength);
  try {
    return { ok: true, rows: await streamFirstSheet(buffer, job.bounds.sheet) };
  } catch (error) {
    if (error instanceof FileBoundError) return { ok: false, error: error.toJSON() };
    return { ok: false, error: { kind: 'unreadable', limit: 0, found: error instanceof Error ? error.message : String(error) } };
  }
}

if (parentPort) {
  const port = parentPort;
  // One job at a time: the pool sends the next file only after this one's answer.
  // A sheet left half-read (a bound crossed) may still reject inside ExcelJS's abandoned streams after the answer;
  // that must not crash the thread before the pool has retired it.
  process.on('unhandledRejection', () => undefined);
  port.on('message', (job: SheetJob) => void run(job).then((answer) => port.postMessage(answer)));
  port.postMessage('ready');
}
