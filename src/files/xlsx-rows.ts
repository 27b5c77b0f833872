/**
 * Reading the first sheet of an uploaded xlsx without letting the file decide how much memory or time it takes.
 * Here, without blocking the event loop (yauzl inflates through zlib's thread pool): the zip's central directory
 * (entries, declared sizes, ratio), every entry inflated once into nothing with its real size checked, and every
 * worksheet's declared `<dimension>`. Then a worker thread with a capped heap and a deadline streams the rows with
 * ExcelJS, counting them (parser-pool.ts: threads kept warm between files, at most two at once).
 * @module
 */
import { FileBoundError, type BoundKind, type SpreadsheetBounds } from './file-bounds';
import { parseInWorker } from './parser-pool';
import type { SheetRow } from './xlsx-rows.worker';
import { declaredDimension } from './xlsx-dimension';
import { inflateZipChecked } from './zip-inspect';

export type { SheetRow } from './xlsx-rows.worker';

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

/** Refuses a workbook any of whose worksheets declares a used range beyond the bounds, before a row is read. */
function checkDimensions(heads: Map<string, string>, bounds: SpreadsheetBounds['sheet']): void {
  for (const head of heads.values()) {
    const dimension = declaredDimension(head);
    if (dimension && (dimension.rows > bounds.maxRows || dimension.columns > bounds.maxColumns)) {
      throw new FileBoundError('dimension', bounds.maxRows, dimension.ref);
    }
  }
}

/**
 * The non-empty rows of the first worksheet of `buffer` (row numbers as a spreadsheet shows them, cell texts of
 * columns 1…n), read within `bounds`.
 * @throws FileBoundError over a bound ('entries', 'unpacked', 'ratio', 'parser' → 413; 'dimension', 'rows',
 *   'columns', 'cells' → 422) or 'unreadable' when the file is not a readable workbook
 */
export async function readSpreadsheetRows(buffer: Buffer, bounds: SpreadsheetBounds): Promise<SheetRow[]> {
  const heads = await inflateZipChecked(buffer, bounds.zip, (name) => WORKSHEET.test(name));
  checkDimensions(heads, bounds.sheet);
  const answer = await parseInWorker(new Uint8Array(buffer), bounds);
  if (answer.ok) return answer.rows;
  throw new FileBoundError(answer.error.kind as BoundKind, answer.error.limit, answer.error.found);
}
