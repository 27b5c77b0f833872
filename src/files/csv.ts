/**
 * The one way vnaid writes and reads CSV, on csv-stringify and csv-parse.
 *
 * Writing: CRLF line ends; a cell is quoted when it holds a comma, a quote, a semicolon (Excel in Vietnamese and
 * French locales splits on it) or a line break; a text cell a spreadsheet would run as a formula (first character
 * `=`, `+`, `-`, `@`, tab or carriage return) gets an apostrophe first (CSV injection), unless it is a plain number
 * such as `-5.00` (money columns keep their exact text). Callers add the byte-order mark (`CSV_BOM`) themselves.
 *
 * Reading: bounded in bytes and records before and while parsing; RFC 4180 quotes (a quoted cell may hold line
 * breaks, read as LF; a quote inside an unquoted cell is kept as text); CRLF, LF or CR end a record, mixed or
 * not; each record keeps the line it starts on, for error reports.
 * @module
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { FileBoundError } from './file-bounds';

/** Starts Excel, LibreOffice and Google Sheets treat as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number (signed), left as it is. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** Byte-order mark written first so spreadsheet programs read UTF-8 (Vietnamese diacritics). */
export const CSV_BOM = '\uFEFF';

/** A value of a CSV cell: text, a number, or nothing (written empty). */
export type CsvValue = string | number | bigint | null | undefined;

/**
 * `text` made safe to open in a spreadsheet program: prefixed with an apostrophe when it would be run as a formula
 * (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`), left alone when it is a plain number such as `-5.00`.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

const cellOf = (value: CsvValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  return neutraliseFormula(value);
};

/** CSV text of `rows` (each ending with CRLF), every text cell neutralised. */
export function csvRows(rows: readonly (readonly CsvValue[])[]): string {
  if (rows.length === 0) return '';
  return stringify(
    rows.map((row) => row.map(cellOf)),
    { record_delimiter: '\r\n', quoted_match: /[;\r\n]/ },
  );
}

/** One CSV line (CRLF included). */
export const csvRow = (row: readonly CsvValue[]): string => csvRows([row]);

/** Limits on one CSV input. */
export type CsvReadBounds = { maxBytes: number; maxRecords: number };

/** One record read: its cells and the line of the file it starts on (1-based). */
export type CsvRecord = { line: number; cells: string[] };

/** The delimiter a file uses: `;` when its first line holds more semicolons than commas (Excel in vi/fr), else `,`. */
export function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
}

const lineBreaks = (text: string) => text.match(/\n/g)?.length ?? 0;

/** A CSV file that cannot be split into records (an unclosed quote, a stray quote); `line` is where it was noticed. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * The records of CSV `text` (optional BOM), empty lines included as `['']` (callers skip them, and a spreadsheet
 * would count them as rows), within `bounds`.
 * @throws FileBoundError 'unpacked' (size, in MB) or 'rows' (records) over a bound; CsvSyntaxError for broken quoting
 */
export function readCsv(text: string, bounds: CsvReadBounds, delimiter: ',' | ';' = detectDelimiter(text)): CsvRecord[] {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > bounds.maxBytes)
    throw new FileBoundError('unpacked', Math.ceil(bounds.maxBytes / (1024 * 1024)), Math.ceil(bytes / (1024 * 1024)));
  let parsed: string[][];
  try {
    // Files mix line ends (a CRLF header, LF rows): all become LF first, inside quoted cells too.
    parsed = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      delimiter,
      record_delimiter: '\n',
      relax_column_count: true,
      relax_quotes: true,
      to: bounds.maxRecords + 1,
    }) as string[][];
  } catch (error) {
    const details = error as { lines?: number; message?: string };
    throw new CsvSyntaxError(details.lines ?? 0, details.message ?? 'unreadable CSV');
  }
  if (parsed.length > bounds.maxRecords) throw new FileBoundError('rows', bounds.maxRecords, bounds.maxRecords + 1);
  // Every record ends with one line break, plus those inside its quoted cells.
  let line = 1;
  return parsed.map((record) => {
    const start = line;
    line += 1 + record.reduce((n, cell) => n + lineBreaks(cell), 0);
    return { line: start, cells: record };
  });
}
