/**
 * The Decree 30/2020 frame on an ExcelJS sheet: issuing body and number in the first column, the national motto and
 * the place-and-date line in the last, recipients and signature block under the table. Figures stay numeric cells
 * with number formats ({@link XLSX_FORMATS}) so officials can sum them; only the frame is text.
 * @module
 */
import type ExcelJS from 'exceljs';
import { FRAME_WORDS, dateLine, numberLine, recipientLines, type OfficialFrame } from './frame';

/** Number formats of official workbooks: money with two decimals, counts, percentages as numbers (0.193 → 19.3%). */
export const XLSX_FORMATS = { money: '#,##0.00', count: '#,##0', percent: '0.0%' } as const;

/**
 * Adds the header rows (four: body/nation, body/motto, number/date, blank) at the top of an empty sheet whose
 * table has `columns` columns; the right-hand block goes in the last column (at least the second).
 */
export function addOfficialHeaderRows(sheet: ExcelJS.Worksheet, frame: OfficialFrame, columns: number): void {
  const words = FRAME_WORDS[frame.lang];
  const right = Math.max(2, columns);
  const body = [...(frame.issuer.parent ? [frame.issuer.parent] : []), ...frame.issuer.name].join(' ');
  const rows: [string, string][] = [
    [body, words.nation],
    ['', words.motto],
    [numberLine(frame), dateLine(frame)],
  ];
  rows.forEach(([l, r], i) => {
    const row = sheet.addRow([]);
    row.getCell(1).value = l || null;
    row.getCell(right).value = r;
    row.getCell(right).alignment = { horizontal: 'right' };
    if (i < 2) row.font = { bold: true };
  });
  sheet.addRow([]);
}

/** Adds the recipients (first column) and the signature block (last column) after the table. */
export function addOfficialClosingRows(sheet: ExcelJS.Worksheet, frame: OfficialFrame, columns: number): void {
  const right = Math.max(2, columns);
  sheet.addRow([]);
  const lines = [FRAME_WORDS[frame.lang].recipients, ...recipientLines(frame)];
  const sign = [frame.signer.authority, frame.signer.position, '', frame.signer.name].filter((v): v is string => v !== null);
  for (let i = 0; i < Math.max(lines.length, sign.length); i += 1) {
    const row = sheet.addRow([]);
    if (lines[i]) row.getCell(1).value = lines[i]!;
    if (sign[i]) {
      row.getCell(right).value = sign[i]!;
      row.getCell(right).alignment = { horizontal: 'center' };
      row.getCell(right).font = { bold: true };
    }
  }
}
