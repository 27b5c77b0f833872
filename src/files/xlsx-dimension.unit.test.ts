import { describe, expect, it } from 'vitest';
import { columnNumber, declaredDimension } from './xlsx-dimension';

describe('declaredDimension', () => {
  it('reads the last row and column of the declared range, with or without a namespace prefix', () => {
    expect(declaredDimension('<worksheet><sheetPr/><dimension ref="A1:AC1048576"/><sheetViews>')).toEqual({
      ref: 'A1:AC1048576',
      rows: 1048576,
      columns: 29,
    });
    expect(declaredDimension("<x:dimension ref='B2'/>")).toEqual({ ref: 'B2', rows: 2, columns: 2 });
    expect(declaredDimension('<worksheet><sheetData>')).toBeNull();
    expect(columnNumber('XFD')).toBe(16384);
  });
});
