import ExcelJS from 'exceljs';
import type { ReportModel } from './report-model';

const MONEY = '#,##0.00';
const COUNT = '#,##0';

/** Writes the report as a formatted workbook: one sheet per section, title, synthetic-data notice, totals in bold. */
export async function writeXlsx(report: ReportModel, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'vnaid';
  workbook.title = report.title;
  report.sections.forEach((section, index) => {
    const sheet = workbook.addWorksheet(`${index + 1}. ${section.title}`.replace(/[\\/*?:[\]]/g, ' ').slice(0, 31));
    sheet.addRow([report.title]).font = { bold: true, size: 14 };
    sheet.addRow([`${report.subtitle} — ${report.generatedAt}`]);
    sheet.addRow([report.notice]).font = { italic: true, color: { argb: 'FFB00020' } };
    sheet.addRow([]);
    sheet.addRow([section.title]).font = { bold: true, size: 12 };
    const header = sheet.addRow(section.columns.map((c) => c.label));
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
      cell.border = { bottom: { style: 'thin' } };
      cell.alignment = { wrapText: true, vertical: 'middle' };
    });
    const add = (cells: (string | number | null)[], bold = false) => {
      // A decimal string becomes a numeric cell (money format) only when it survives the conversion exactly.
      const isMoney = (value: unknown) => typeof value === 'string' && /^-?\d+\.\d{2}$/.test(value) && Number(value).toFixed(2) === value;
      const row = sheet.addRow(cells.map((value, i) => (section.columns[i]?.kind !== 'text' && isMoney(value) ? Number(value) : value)));
      section.columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        if (c.kind !== 'text' && isMoney(cells[i])) cell.numFmt = MONEY;
        else if (c.kind !== 'text' && Number.isInteger(cells[i])) cell.numFmt = COUNT;
        if (c.kind !== 'text') cell.alignment = { horizontal: 'right' };
      });
      if (bold) row.font = { bold: true };
    };
    section.rows.forEach((r) => add(r));
    if (section.totalRow) add(section.totalRow, true);
    section.columns.forEach((c, i) => {
      sheet.getColumn(i + 1).width = c.kind === 'text' ? (i === 0 && section.columns.length > 2 ? 12 : 48) : 20;
    });
    sheet.views = [{ state: 'frozen', ySplit: 6 }];
  });
  await workbook.xlsx.writeFile(file);
}
