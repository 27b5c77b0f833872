import { AppError } from '@errors/app-error';
import type { ErrorCode } from '@errors/codes';
import type { FileBoundError, SheetBounds } from './file-bounds';

const CODES: Record<Exclude<FileBoundError['kind'], 'unreadable'>, ErrorCode> = {
  entries: 'file_too_many_parts',
  unpacked: 'file_unpacked_too_large',
  ratio: 'file_compression_ratio',
  parser: 'file_too_complex',
  rows: 'spreadsheet_too_many_rows',
  columns: 'spreadsheet_too_many_columns',
  cells: 'spreadsheet_too_many_cells',
  dimension: 'spreadsheet_dimension_too_large',
};

/**
 * The API error for a crossed file bound: 413 for the container (unpacked size, parts, ratio, parser memory/time),
 * 422 for the content (rows, columns, cells, declared dimension). The message names the bound (`{{limit}}`) and
 * what the file held (`{{found}}`); `details` carries both for programs. Null for an unreadable file, which each
 * caller reports its own way.
 */
export function fileBoundAppError(error: FileBoundError, sheet?: SheetBounds): AppError | null {
  if (error.kind === 'unreadable') return null;
  const params: Record<string, string | number> = { limit: error.limit, found: error.found };
  if (sheet) Object.assign(params, { rows: sheet.maxRows, columns: sheet.maxColumns });
  return new AppError(CODES[error.kind], { params, details: { bound: error.kind, limit: error.limit, found: error.found } });
}
