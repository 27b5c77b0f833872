import { isCalendarDate } from '@http/primitives';
import { CsvSyntaxError, readCsv, type CsvRecord } from '@files/csv';
import { FileBoundError } from '@files/file-bounds';
import type { ImportRowError } from './exchange-rates.schemas';

/** One parsed rate line of an import file. */
export type RateRow = { line: number; currency: string; date: string; usdPerUnit: string; vndPerUnit: string };

const HEADER = ['currency', 'date', 'usd_per_unit', 'vnd_per_unit'];
const RATE = /^\d{1,12}(\.\d{1,12})?$/;

/** A rate file is read up to these bounds (a year of daily rates for every currency is about 6,000 lines). */
export const RATE_FILE_BOUNDS = { maxBytes: 4 * 1024 * 1024, maxRecords: 50_000 };

/** The file's records (src/files/csv: quoted cells may hold commas and line breaks), or the one problem that stops it. */
function readRecords(text: string): { records: CsvRecord[] } | { error: ImportRowError } {
  try {
    return { records: readCsv(text, RATE_FILE_BOUNDS, ',') };
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { error: { line: error.line, field: 'row', message: `unreadable CSV: ${error.message}` } };
    if (error instanceof FileBoundError && error.kind === 'rows')
      return { error: { line: error.limit + 1, field: 'file', message: `more than ${error.limit} lines` } };
    if (error instanceof FileBoundError) return { error: { line: 0, field: 'file', message: `larger than ${error.limit} MB` } };
    throw error;
  }
}

/**
 * Reads an exchange-rate file `currency,date,usd_per_unit,vnd_per_unit` (header required, UTF-8, optional BOM,
 * blank lines ignored, quoted cells may hold line breaks; bounded by `RATE_FILE_BOUNDS`) and lists every problem
 * with its line number, so the whole file can be fixed at once. `knownCurrencies` are the ISO 4217 codes the
 * database holds.
 */
export function parseRatesCsv(text: string, knownCurrencies: ReadonlySet<string>): { rows: RateRow[]; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const rows: RateRow[] = [];
  const read = readRecords(text);
  if ('error' in read) return { rows, errors: [read.error] };
  const [first, ...records] = read.records;
  const header = (first?.cells ?? []).map((h) => h.trim().toLowerCase());
  if (header.join(',') !== HEADER.join(',')) {
    return { rows, errors: [{ line: 1, field: 'header', message: `expected the header ${HEADER.join(',')}` }] };
  }
  const seen = new Map<string, number>();
  records.forEach(({ line, cells: raw }) => {
    if (raw.every((cell) => cell.trim() === '')) return;
    const cells = raw.map((cell) => cell.trim());
    if (cells.length !== HEADER.length) {
      errors.push({ line, field: 'row', message: `expected ${HEADER.length} fields, found ${cells.length}` });
      return;
    }
    const [currencyCell = '', date = '', usd = '', vnd = ''] = cells;
    const currency = currencyCell.toUpperCase();
    const before = errors.length;
    if (!knownCurrencies.has(currency)) errors.push({ line, field: 'currency', message: `unknown currency: ${currencyCell}` });
    if (!isCalendarDate(date)) errors.push({ line, field: 'date', message: `not a YYYY-MM-DD date: ${date}` });
    for (const [field, value] of [
      ['usd_per_unit', usd],
      ['vnd_per_unit', vnd],
    ] as const) {
      if (!RATE.test(value) || /^0+(\.0+)?$/.test(value)) errors.push({ line, field, message: `not a positive decimal: ${value}` });
    }
    const key = `${currency}|${date}`;
    if (seen.has(key)) errors.push({ line, field: 'date', message: `${currency} ${date} is already on line ${seen.get(key)}` });
    seen.set(key, line);
    if (errors.length === before) rows.push({ line, currency, date, usdPerUnit: usd, vndPerUnit: vnd });
  });
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 2, field: 'row', message: 'the file has no rates' });
  return { rows, errors };
}
