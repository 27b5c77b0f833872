import { isCalendarDate } from '@http/primitives';
import type { ImportRowError } from './exchange-rates.schemas';

/** One parsed rate line of an import file. */
export type RateRow = { line: number; currency: string; date: string; usdPerUnit: string; vndPerUnit: string };

const HEADER = ['currency', 'date', 'usd_per_unit', 'vnd_per_unit'];
const RATE = /^\d{1,12}(\.\d{1,12})?$/;

/** Splits one CSV line, honouring double-quoted fields ("a,b" and "" escapes). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

/**
 * Reads an exchange-rate file `currency,date,usd_per_unit,vnd_per_unit` (header required, UTF-8, optional BOM,
 * blank lines ignored) and lists every problem with its line number, so the whole file can be fixed at once.
 * `knownCurrencies` are the ISO 4217 codes the database holds.
 */
export function parseRatesCsv(text: string, knownCurrencies: ReadonlySet<string>): { rows: RateRow[]; errors: ImportRowError[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const errors: ImportRowError[] = [];
  const rows: RateRow[] = [];
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.toLowerCase());
  if (header.join(',') !== HEADER.join(',')) {
    return { rows, errors: [{ line: 1, field: 'header', message: `expected the header ${HEADER.join(',')}` }] };
  }
  const seen = new Map<string, number>();
  lines.slice(1).forEach((raw, index) => {
    const line = index + 2;
    if (raw.trim() === '') return;
    const cells = splitCsvLine(raw);
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
