/**
 * The compliance list as CSV or xlsx, in the request's language: the same rows the screen shows, a first line
 * saying the data is synthetic when it is, and the score's formula in a note. Cells a spreadsheet would run as a
 * formula get an apostrophe first (CSV injection), as in the directory and aid exports.
 */
import ExcelJS from 'exceljs';
import en from '@common/i18n/en/supervision.json';
import vi from '@common/i18n/vi/supervision.json';
import type { Language } from '@common/i18n/languages';
import type { ComplianceRow } from './supervision.schemas';

const catalogues = { vi, en } as const;
const COLUMNS = ['organisationCode', 'organisationName', 'score', 'late', 'lateKinds', 'oldestLateDue', 'doneLate', 'due'] as const;

const defuse = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
const csvCell = (value: string) => {
  const safe = defuse(value);
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

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
  const lines = [
    ...(synthetic ? [csvCell(c.export.syntheticNote)] : []),
    csvCell(`${c.export.asOf} ${asOf}. ${formulaNote(lang)}`),
    headers(lang).map(csvCell).join(','),
    ...rows.map((r) =>
      cells(r, lang)
        .map((v) => csvCell(String(v)))
        .join(','),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** An xlsx workbook: the rows (numbers as numbers), then a notes sheet with the date, the formula and the synthetic note. */
export async function complianceXlsx(rows: readonly ComplianceRow[], lang: Language, synthetic: boolean, asOf: string): Promise<Buffer> {
  const c = catalogues[lang];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(c.export.sheet);
  sheet.columns = COLUMNS.map((k) => ({ width: k === 'organisationName' ? 48 : 16 }));
  if (synthetic) sheet.addRow([c.export.syntheticNote]);
  sheet.addRow(headers(lang)).font = { bold: true };
  for (const r of rows) sheet.addRow(cells(r, lang).map((v) => (typeof v === 'string' ? defuse(v) : v)));
  const notes = workbook.addWorksheet(c.export.notesSheet);
  for (const line of [`${c.export.asOf} ${asOf}`, formulaNote(lang), synthetic ? c.export.syntheticNote : null])
    if (line) notes.addRow([line]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
