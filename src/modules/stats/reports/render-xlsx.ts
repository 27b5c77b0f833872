import ExcelJS from 'exceljs';
import { XLSX_FORMATS, addOfficialClosingRows, addOfficialHeaderRows } from '@files/official';
import type { Cell, Column, ReportModel } from './report-model';

/** A decimal string that survives conversion to a number exactly (two decimals): written as a numeric money cell. */
const isMoney = (value: unknown): value is string =>
  typeof value === 'string' && /^-?\d+\.\d{2}$/.test(value) && Number(value).toFixed(2) === value;

/**
 * A cell as the workbook keeps it: numbers stay numbers with a number format (money, counts, and percentages as
 * fractions formatted "0.0%", so officials can sum and chart them); text stays text.
 */
function cellOf(value: Cell, kind: Column['kind']): { value: Cell; numFmt?: string } {
  if (kind === 'text' || value === null || value === '') return { value };
  if (kind === 'pct') {
    const n = Number(value);
    return Number.isFinite(n) ? { value: Number((n / 100).toFixed(6)), numFmt: XLSX_FORMATS.percent } : { value };
  }
  if (isMoney(value)) return { value: Number(value), numFmt: XLSX_FORMATS.money };
  if (typeof value === 'number' && Number.isInteger(value)) return { value, numFmt: XLSX_FORMATS.count };
  return { value };
}

/**
 * Writes the report as a formatted workbook: one sheet per section, each in the Decree 30 frame (issuing body,
 * number, motto, place and date), the title, the synthetic-data notice, totals in bold; the first sheet ends with
 * the recipients and the signature block.
 */
export async function writeXlsx(report: ReportModel, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'vnaid';
  workbook.title = report.title;
  report.sections.forEach((section, index) => {
    const sheet = workbook.addWorksheet(`${index + 1}. ${section.title}`.replace(/[\\/*?:[\]]/g, ' ').slice(0, 31));
    const width = section.columns.length;
    addOfficialHeaderRows(sheet, report.frame, width);
    sheet.addRow([report.title]).font = { bold: true, size: 14 };
    sheet.addRow([`${report.subtitle} — ${report.generatedAt}`]);
    sheet.addRow([report.notice]).font = { italic: true, color: { argb: 'FFB00020' } };
    sheet.addRow([]);
    sheet.addRow([section.title]).font = { bold: true, size: 12 };
    const header = sheet.addRow(section.columns.map((c) => c.label));
    const headerRow = header.number;
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
      cell.border = { bottom: { style: 'thin' } };
      cell.alignment = { wrapText: true, vertical: 'middle' };
    });
    const add = (cells: Cell[], bold = false) => {
      const shaped = cells.map((value, i) => cellOf(value, section.columns[i]?.kind ?? 'text'));
      const row = sheet.addRow(shaped.map((c) => c.value));
      shaped.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        if (c.numFmt) cell.numFmt = c.numFmt;
        if (section.columns[i]?.kind !== 'text') cell.alignment = { horizontal: 'right' };
      });
      if (bold) row.font = { bold: true };
    };
    section.rows.forEach((r) => add(r));
    if (section.totalRow) add(section.totalRow, true);
    if (index === 0) addOfficialClosingRows(sheet, report.frame, width);
    section.columns.forEach((c, i) => {
      sheet.getColumn(i + 1).width = c.kind === 'text' ? (i === 0 && section.columns.length > 2 ? 12 : 48) : 20;
    });
    sheet.views = [{ state: 'frozen', ySplit: headerRow }];
  });
  await workbook.xlsx.writeFile(file);
}
