import { CsvSyntaxError, readCsv } from '@files/csv';
import { FileBoundError, LIST_SPREADSHEET_BOUNDS } from '@files/file-bounds';
import { readSpreadsheetRows, type SheetRow } from '@files/xlsx-rows';

/** Organisation columns (every row may carry them; the first row of an organisation code sets them). */
export const ORG_COLUMNS = [
  'name_original',
  'name_en',
  'name_vi',
  'acronym',
  'country',
  'org_type',
  'hq_address',
  'website',
  'email',
  'home_term_until',
] as const;

/** The certificate's issue. */
const CERTIFICATE_COLUMNS = [
  'certificate_type',
  'certificate_number',
  'issue_date',
  'valid_until',
  'provinces',
  'sectors',
  'office_province',
  'decision_number',
  'decision_date',
  'legal_ground',
] as const;

/** Its later life as lists usually keep it: one extension, and how it ended (registry-import.history.ts). */
export const HISTORY_COLUMNS = [
  'extended_until',
  'extension_decision_number',
  'extension_decision_date',
  'end_kind',
  'ended_on',
  'end_decision_number',
  'end_decision_date',
  'end_legal_ground',
] as const;

/** The columns of the legacy list, in template order. Header cells must carry these names (any case). */
export const IMPORT_COLUMNS = ['org_code', ...ORG_COLUMNS, ...CERTIFICATE_COLUMNS, ...HISTORY_COLUMNS] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_HEADERS: readonly ImportColumn[] = ['org_code', 'name_original', 'country'];

/** One data row: its number in the file (1-based, as a spreadsheet shows it) and its trimmed cell texts. */
export type ImportRow = { row: number; values: Partial<Record<ImportColumn, string>> };

/** Why a file could not be turned into rows at all. */
export class UnreadableFile extends Error {
  constructor(
    readonly problem: 'unreadable' | 'headers' | 'empty' | 'tooManyRows',
    readonly params: Record<string, string | number> = {},
  ) {
    super(problem);
  }
}

export const MAX_ROWS = 5000;
/** A CSV list is read up to the upload limit (10 MB). */
const MAX_CSV_BYTES = 10 * 1024 * 1024;

/**
 * Splits CSV text (src/files/csv: RFC 4180 quotes, comma or semicolon, whichever the header uses), bounded like a
 * sheet: at most 10 MB and 10,000 lines.
 * @throws FileBoundError over a bound, UnreadableFile when the quoting is broken
 */
export function parseCsv(text: string): string[][] {
  try {
    return readCsv(text, { maxBytes: MAX_CSV_BYTES, maxRecords: LIST_SPREADSHEET_BOUNDS.sheet.maxRows }).map((record) => record.cells);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new UnreadableFile('unreadable');
    throw error;
  }
}

/** Finds the header row (within the first 10) and maps the data rows below it to named columns. */
function toRows(grid: string[][], firstRowNumber = 1): ImportRow[] {
  const headerIndex = grid
    .slice(0, 10)
    .findIndex((cells) => REQUIRED_HEADERS.every((h) => cells.some((c) => c.trim().toLowerCase() === h)));
  if (headerIndex < 0) throw new UnreadableFile('headers', { columns: REQUIRED_HEADERS.join(', ') });
  const header = grid[headerIndex]!.map((c) => c.trim().toLowerCase());
  const rows: ImportRow[] = [];
  grid.slice(headerIndex + 1).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const values: ImportRow['values'] = {};
    header.forEach((name, col) => {
      const text = cells[col]?.trim() ?? '';
      if (text !== '' && (IMPORT_COLUMNS as readonly string[]).includes(name)) values[name as ImportColumn] = text;
    });
    rows.push({ row: firstRowNumber + headerIndex + 1 + i, values });
  });
  if (rows.length === 0) throw new UnreadableFile('empty');
  if (rows.length > MAX_ROWS) throw new UnreadableFile('tooManyRows', { max: MAX_ROWS });
  return rows;
}

/**
 * Reads the first worksheet of an xlsx file within the list's bounds (src/files: zip checked, declared dimension,
 * rows and cells counted, parsed in a worker thread), keeping spreadsheet row numbers.
 * @throws FileBoundError over a bound
 */
async function readXlsx(buffer: Buffer): Promise<ImportRow[]> {
  let rows: SheetRow[];
  try {
    rows = await readSpreadsheetRows(buffer, LIST_SPREADSHEET_BOUNDS);
  } catch (error) {
    if (error instanceof FileBoundError && error.kind === 'unreadable') throw new UnreadableFile('unreadable');
    throw error;
  }
  if (rows.length === 0) throw new UnreadableFile('empty');
  const grid: string[][] = Array.from({ length: rows.at(-1)!.row }, () => []);
  for (const { row, cells } of rows) grid[row - 1] = cells;
  return toRows(grid);
}

/**
 * The rows of an uploaded legacy list: xlsx (by its ZIP signature) or CSV (UTF-8).
 * @throws UnreadableFile when the file is not a readable list
 */
export async function readImportFile(buffer: Buffer): Promise<ImportRow[]> {
  if (buffer.length >= 2 && buffer[0] === 0x50 && buffer[1] === 0x4b) return readXlsx(buffer);
  const text = buffer.toString('utf8');
  if (text.includes('\uFFFD') || text.includes('\u0000')) throw new UnreadableFile('unreadable');
  return toRows(parseCsv(text));
}
