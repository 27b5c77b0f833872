import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { FileBoundError, LIST_SPREADSHEET_BOUNDS, type SpreadsheetBounds } from './file-bounds';
import { readSpreadsheetRows } from './xlsx-rows';

async function workbook(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet('Danh sách'));
  book.addWorksheet('Hướng dẫn').addRow(['not read']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof FileBoundError ? error.toJSON() : error),
  );

/** ExcelJS parks worksheets written before the shared strings in `tmp` files named tmp-<pid>-… (threads share the pid). */
const parkedSheets = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`tmp-${process.pid}-`)).length;

describe('readSpreadsheetRows', () => {
  it('leaves no temporary file or open stream behind in the threads it keeps, however many workbooks it reads', async () => {
    const file = await workbook((sheet) => sheet.addRow(['org_code']).commit());
    const before = parkedSheets();
    for (let i = 0; i < 6; i++) {
      expect(await readSpreadsheetRows(Buffer.from(file), LIST_SPREADSHEET_BOUNDS)).toEqual([{ row: 1, cells: ['org_code'] }]);
    }
    // The reader deletes its files asynchronously, as it finishes: wait for that, not for a fixed time.
    await vi.waitFor(() => expect(parkedSheets()).toBe(before), { timeout: 5000, interval: 50 });
  });

  it('reads the first sheet in a worker: dates as YYYY-MM-DD, formulas by their result, rich text by its text, row numbers kept', async () => {
    const file = await workbook((sheet) => {
      sheet.addRow(['org_code', 'issue_date', 'note']);
      sheet.getCell('A3').value = 'A-1';
      sheet.getCell('B3').value = new Date(Date.UTC(2024, 1, 29));
      sheet.getCell('C3').value = { richText: [{ text: 'Cứu ' }, { text: 'trợ' }] };
      sheet.getCell('A4').value = { formula: 'CONCAT("A-","2")', result: 'A-2' };
    });
    expect(await readSpreadsheetRows(file, LIST_SPREADSHEET_BOUNDS)).toEqual([
      { row: 1, cells: ['org_code', 'issue_date', 'note'] },
      { row: 3, cells: ['A-1', '2024-02-29', 'Cứu trợ'] },
      { row: 4, cells: ['A-2'] },
    ]);
  });

  it('stops at the first bound crossed while streaming: columns, cells, and the thread deadline (413 parser)', async () => {
    const small: SpreadsheetBounds = { ...LIST_SPREADSHEET_BOUNDS, sheet: { maxRows: 100, maxColumns: 3, maxCells: 5 } };
    const wide = await workbook((sheet) => sheet.addRow(['a', 'b', 'c', 'd']));
    expect(await failure(readSpreadsheetRows(wide, small))).toMatchObject({ kind: 'dimension' });
    const many = await workbook((sheet) => {
      for (let i = 0; i < 3; i++) sheet.addRow(['a', 'b', 'c']);
    });
    expect(await failure(readSpreadsheetRows(many, small))).toEqual({ kind: 'cells', limit: 5, found: 6 });
    const slow: SpreadsheetBounds = { ...LIST_SPREADSHEET_BOUNDS, parser: { maxHeapMb: 256, timeoutMs: 0 } };
    expect(await failure(readSpreadsheetRows(many, slow))).toEqual({ kind: 'parser', limit: 256, found: '' });
  });
});
