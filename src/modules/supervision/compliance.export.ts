/**
 * The compliance list as CSV or xlsx, in the request's language: the same rows the screen shows, a first line
 * saying the data is synthetic when it is, and the score's formula in a note. Cells a spreadsheet would run as a
 * formula get an apostrophe first (CSV injection), through the shared CSV writer (src/files/csv.ts).
 */
import ExcelJS from 'exceljs';
import en from '@common/i18n/en/supervision.json';
import vi from '@common/i18n/vi/supervision.json';
import type { Language } from '@common/i18n/languages';
import { CSV_BOM, csvRows, neutraliseFormula } from '@files/csv';
import type { ComplianceRow } from './supervision.schemas';

const catalogues = { vi, en } as const;
const COLUMNS = ['organisationCode', 'organisationName', 'score', 'late', 'lateKinds', 'oldestLateDue', 'doneLate', 'due'] as const;

function cells(row: ComplianceRow, lang: Language): (string | number)[] {
  const c = catalogues[lang];
  return [
    row.organisationCode,
    row.organisationName,
    row.score,
    row.late,
    row.lateKinds.map((k) => c.kinds[k]).join('; '),
    row.oldestLateDue ?? '',
    row.doneLate,
    row.due,
  ];
}

const formulaNote = (lang: Language) => catalogues[lang].score.formula;
const headers = (lang: Language) => COLUMNS.map((k) => catalogues[lang].export.columns[k]);

/** CSV, UTF-8 with a BOM so Excel reads the accents. */
export function complianceCsv(rows: readonly ComplianceRow[], lang: Language, synthetic: boolean, asOf: string): string {
  const c = catalogues[lang];
  return (
    CSV_BOM +
    csvRows([
      ...(synthetic ? [[c.export.syntheticNote]] : []),
      [`${c.export.asOf} ${asOf}. ${formulaNote(lang)}`],
      headers(lang),
      ...rows.map((r) => cells(r, lang)),
    ])
  );
}

/** An xlsx workbook: the rows (numbers as numbers), then a notes sheet with the date, the formula and the synthetic note. */
export async function complianceXlsx(rows: readonly ComplianceRow[], lang: Language, synthetic: boolean, asOf: string): Promise<Buffer> {
  const c = catalogues[lang];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(c.export.sheet);
  sheet.columns = COLUMNS.map((k) => ({ width: k === 'organisationName' ? 48 : 16 }));
  if (synthetic) sheet.addRow([c.export.syntheticNote]);
  sheet.addRow(headers(lang)).font = { bold: true };
  for (const r of rows) sheet.addRow(cells(r, lang).map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v)));
  const notes = workbook.addWorksheet(c.export.notesSheet);
  for (const line of [`${c.export.asOf} ${asOf}`, formulaNote(lang), synthetic ? c.export.syntheticNote : null])
    if (line) notes.addRow([line]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
