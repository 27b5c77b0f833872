import { z } from 'zod';

/**
 * The vnaid backup file: one gzip stream holding
 *   line 1     the JSON header below;
 *   then, for each table of `header.tables` in that order, its rows as PostgreSQL's text COPY format (one line
 *              per row) followed by the line `\.`.
 * The end marker cannot be mistaken for a row: text COPY writes a backslash in the data as `\\`, so no row line
 * is ever exactly `\.` (pg_dump's plain format relies on the same rule). Generated columns are left out and
 * recomputed on restore; identity columns are kept, and sequence positions travel in the header.
 */
export const BACKUP_FORMAT = 'vnaid-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const END_OF_TABLE = '\\.\n';

const backupTable = z.object({
  name: z.string().min(1),
  /** The columns written, in the order of the data lines (generated columns excluded). */
  columns: z.array(z.string().min(1)).min(1),
  rows: z.number().int().nonnegative(),
});
export type BackupTable = z.infer<typeof backupTable>;

export const backupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  format_version: z.literal(BACKUP_FORMAT_VERSION),
  created_at: z.string(),
  engine: z.enum(['embedded', 'external']),
  server_version: z.string(),
  /** schema_migrations at the time of the backup, in file-name order. */
  migrations: z.array(z.object({ name: z.string().min(1), checksum: z.string().min(1) })),
  /** Every table of the public schema except schema_migrations, referenced tables before the tables that refer to them. */
  tables: z.array(backupTable),
  sequences: z.array(z.object({ name: z.string().min(1), last_value: z.string().regex(/^-?\d+$/), is_called: z.boolean() })),
});
export type BackupHeader = z.infer<typeof backupHeader>;

/** A failure the operator can act on (wrong file, damaged file, database not in the expected state). */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** A quoted SQL identifier. */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Counts the rows in a chunk of text COPY data: each row ends with a line feed (line feeds in values are escaped). */
export function countLines(chunk: Buffer): number {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}
