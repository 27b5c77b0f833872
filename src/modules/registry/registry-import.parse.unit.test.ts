import { describe, expect, it } from 'vitest';
import { parseCsv, readImportFile, UnreadableFile } from './registry-import.parse';

describe('parseCsv', () => {
  it('reads quoted cells with commas, quotes and line breaks, and a semicolon-separated file', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
    ]);
    expect(parseCsv('\uFEFFa;b;c\n1;2,5;3')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2,5', '3'],
    ]);
  });
});

describe('readImportFile', () => {
  it('finds the header row below a title, numbers rows as a spreadsheet does and skips empty rows', async () => {
    const rows = await readImportFile(Buffer.from('Danh sách 2019\norg_code,name_original,country\nA-1,Alpha,GB\n,,\nA-2,Beta,FR\n'));
    expect(rows).toEqual([
      { row: 3, values: { org_code: 'A-1', name_original: 'Alpha', country: 'GB' } },
      { row: 5, values: { org_code: 'A-2', name_original: 'Beta', country: 'FR' } },
    ]);
  });

  it('refuses a file without the required headers or without data rows', async () => {
    await expect(readImportFile(Buffer.from('a,b\n1,2'))).rejects.toMatchObject({ problem: 'headers' });
    await expect(readImportFile(Buffer.from('org_code,name_original,country\n'))).rejects.toBeInstanceOf(UnreadableFile);
  });
});
