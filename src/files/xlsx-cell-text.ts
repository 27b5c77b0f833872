import type ExcelJS from 'exceljs';

const isoOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The text of an ExcelJS cell value as a list import wants it: dates as YYYY-MM-DD, formulas by their result, rich
 * text and links by their text, everything trimmed. Shared by the streaming reader (worker) and its callers.
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoOf(value);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value).trim();
}
