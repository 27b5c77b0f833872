/**
 * The bounds every uploaded zip-based file (xlsx, docx) is held to, and the one error that says which was crossed.
 * Kept free of Fastify and of the error table so that the parsing worker can import it too (relative imports only).
 * @module
 */

/** Limits on the zip container itself, checked on the central directory before anything is inflated. */
export type ZipBounds = {
  /** Entries (files and folders) in the central directory. */
  maxEntries: number;
  /** Declared uncompressed size of one entry, in bytes. */
  maxEntryBytes: number;
  /** Sum of the declared uncompressed sizes, in bytes. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of an entry bigger than `ratioFloorBytes` (zip bombs reach 1,000+). */
  maxRatio: number;
  /** Entries smaller than this are not held to `maxRatio` (a tiny, very repetitive XML part is harmless). */
  ratioFloorBytes: number;
};

/** Limits on the first worksheet of a spreadsheet, checked on its declared dimension and again while streaming. */
export type SheetBounds = {
  /** Highest row number (as a spreadsheet shows it) the sheet may use. */
  maxRows: number;
  /** Highest column number (A = 1) the sheet may use. */
  maxColumns: number;
  /** Cells the rows may hold in all. */
  maxCells: number;
};

/** Limits on the thread that parses: heap and wall-clock time. */
export type ParserBounds = { maxHeapMb: number; timeoutMs: number };

export type SpreadsheetBounds = { zip: ZipBounds; sheet: SheetBounds; parser: ParserBounds };

const MiB = 1024 * 1024;

/**
 * Bounds for the registry's legacy list (5,000 certificate rows at most, 29 columns): a full list is well under
 * 10 MB unpacked, so 64 MB leaves room for styles and themes while refusing the 400 MB bombs.
 */
export const LIST_SPREADSHEET_BOUNDS: SpreadsheetBounds = {
  zip: { maxEntries: 200, maxEntryBytes: 48 * MiB, maxTotalBytes: 64 * MiB, maxRatio: 200, ratioFloorBytes: 1 * MiB },
  sheet: { maxRows: 10_000, maxColumns: 100, maxCells: 300_000 },
  parser: { maxHeapMb: 256, timeoutMs: 60_000 },
};

/**
 * Bounds for an Office document stored as a dossier attachment (never parsed, only recognised): a 20 MB upload may
 * carry pictures, which do not compress, so the ratio and the total are what catch a bomb.
 */
export const DOCUMENT_ZIP_BOUNDS: ZipBounds = {
  maxEntries: 5_000,
  maxEntryBytes: 256 * MiB,
  maxTotalBytes: 512 * MiB,
  maxRatio: 200,
  ratioFloorBytes: 1 * MiB,
};

/** Which bound a file crossed; 'unpacked'… are 413 (too large), 'rows'… are 422 (too much content). */
export type BoundKind = 'entries' | 'unpacked' | 'ratio' | 'parser' | 'rows' | 'columns' | 'cells' | 'dimension' | 'unreadable';

/**
 * A file crossed one of its bounds (or could not be read as a zip at all). `limit` is the bound in the unit people
 * read (MB, rows, columns, cells, a ratio); `found` what the file declared or held when it was stopped.
 */
export class FileBoundError extends Error {
  constructor(
    readonly kind: BoundKind,
    readonly limit: number,
    readonly found: string | number = '',
  ) {
    super(`file bound crossed: ${kind} (limit ${limit}, found ${found})`);
    this.name = 'FileBoundError';
  }

  /** A plain object that survives postMessage from the parsing thread. */
  toJSON() {
    return { kind: this.kind, limit: this.limit, found: this.found };
  }
}

/** Bytes as whole MB for messages. */
export const megabytes = (bytes: number) => Math.round(bytes / MiB);
