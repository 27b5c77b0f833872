import { describe, expect, it } from 'vitest';
import { csvRow, csvRows, neutraliseFormula, readCsv } from './csv';
import { FileBoundError } from './file-bounds';

const bounds = { maxBytes: 10_000, maxRecords: 5 };

describe('writing CSV', () => {
  it('neutralises text that a spreadsheet would run as a formula, but not plain numbers', () => {
    expect(neutraliseFormula('=HYPERLINK("http://evil","x")')).toBe('\'=HYPERLINK("http://evil","x")');
    for (const start of ['+', '-', '@', '\t', '\r']) expect(neutraliseFormula(`${start}cmd`)).toBe(`'${start}cmd`);
    expect(neutraliseFormula('-5.00')).toBe('-5.00');
    expect(neutraliseFormula('+12')).toBe('+12');
    expect(neutraliseFormula('Cứu trợ trẻ em')).toBe('Cứu trợ trẻ em');
    expect(neutraliseFormula('-')).toBe("'-");
  });

  it('quotes commas, quotes, semicolons and line breaks, ends lines with CRLF and writes numbers as they are', () => {
    expect(csvRow(['a,b', 'say "hi"', 'x;y', 'two\nlines', 'plain', -5, null, undefined])).toBe(
      '"a,b","say ""hi""","x;y","two\nlines",plain,-5,,\r\n',
    );
    expect(csvRows([['=1+1', '-5.00'], ['@SUM(A1)']])).toBe("'=1+1,-5.00\r\n'@SUM(A1)\r\n");
    expect(csvRows([])).toBe('');
  });
});

describe('reading CSV', () => {
  it('reads quoted line breaks, keeps the line each record starts on, and empty lines as empty records', () => {
    expect(readCsv('\uFEFFa,b\r\n"x\ny",z\n\nlast,"q""q"', bounds)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\ny', 'z'] },
      { line: 4, cells: [''] },
      { line: 5, cells: ['last', 'q"q'] },
    ]);
    expect(readCsv('a;b;c\n1;2,5;3', bounds).map((r) => r.cells)).toEqual([
      ['a', 'b', 'c'],
      ['1', '2,5', '3'],
    ]);
  });

  it('stops over its bounds in bytes and records, and reports an unclosed quote with its line', () => {
    expect(() => readCsv('x\n'.repeat(6), bounds)).toThrow(FileBoundError);
    expect(() => readCsv('x'.repeat(10_001), bounds)).toThrow(expect.objectContaining({ kind: 'unpacked' }));
    expect(() => readCsv('a,b\n"open,c\n', bounds)).toThrow(expect.objectContaining({ name: 'CsvSyntaxError' }));
  });
});
