import { openBackup } from '@db/backup/read-backup';
import { restoreBackup } from '@db/backup/restore';
import { CliError, parseToolArgs, resolveUserPath, toolConfig, withToolDatabase, type ToolIo } from './tool';

const USAGE = 'npm run restore -- FILE [--force]';

/**
 * `npm run restore -- FILE [--force]`: restores a backup into the database of VNAID_DATA_DIR / DATABASE_URL, which
 * must be empty unless --force (see src/db/backup/restore.ts). vnaid must not be running on that database.
 */
export async function restoreCommand(argv: string[], io: ToolIo): Promise<void> {
  const { values, positionals } = parseToolArgs(argv, { force: { type: 'boolean' } }, USAGE);
  if (positionals.length !== 1 || !positionals[0]) throw new CliError(`usage: ${USAGE}`, 2);
  const file = resolveUserPath(positionals[0]);
  const config = toolConfig();
  // A missing or foreign file is refused before a database server is started (or a data folder created) for it.
  (await openBackup(file)).close();
  const summary = await withToolDatabase(config, io, (handle) =>
    restoreBackup(handle.pool, file, { force: Boolean(values.force), log: io.err }),
  );
  const later = summary.laterMigrations.length ? `; then applied ${summary.laterMigrations.length} newer migration(s)` : '';
  io.out(
    `restored ${summary.rows} rows into ${summary.tables} tables from the backup of ${summary.header.created_at} in ${summary.seconds.toFixed(1)} s${later}`,
  );
}
