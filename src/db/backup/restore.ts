import type pg from 'pg';
import { migrate } from '@db/migrate';
import { BackupError, type BackupHeader } from './format';
import { loadData } from './load-data';
import { verifyBackup } from './read-backup';
import { backupMigrations, codeMigrations, inspectTarget, migrateTo, otherSessions, resetSchema } from './target';

export type RestoreOptions = {
  /** Replace a database that holds data (its public schema is dropped and rebuilt). */
  force?: boolean;
  log?: (message: string) => void;
};

export type RestoreSummary = { header: BackupHeader; tables: number; rows: number; laterMigrations: string[]; seconds: number };

/**
 * Restores a backup written by writeBackup() into the database of `pool`:
 *  1. reads the whole file once (complete, undamaged, a format this version reads) and checks that its
 *     migrations are this version's first ones, before anything in the database changes;
 *  2. refuses while other sessions use the database, and refuses a database holding data unless `force`;
 *  3. rebuilds the public schema from the backup's migrations, loads the data in one transaction (see
 *     loadData), then applies the migrations this version has beyond the backup's.
 * If loading fails after a forced reset, the database is left with an empty, migrated schema (never a mix).
 */
export async function restoreBackup(pool: pg.Pool, file: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const header = await verifyBackup(file);
  const migrations = backupMigrations(header, await codeMigrations());
  log(`backup of ${header.created_at} (${header.tables.length} tables, ${header.migrations.length} migrations) is complete`);

  const client = await pool.connect();
  try {
    const others = await otherSessions(client);
    if (others) {
      throw new BackupError(`${others} other session(s) are connected to this database (is vnaid running?): stop vnaid before restoring`);
    }
    const state = await inspectTarget(client);
    if (state.kind === 'data' && !options.force) {
      throw new BackupError(
        `the database is not empty (${state.description}); restore only into an empty database, or add --force to replace everything in it`,
      );
    }
    if (state.kind !== 'blank') {
      log(state.kind === 'data' ? `--force: dropping the existing data (${state.description})` : 'clearing the unused schema');
      await resetSchema(client);
    }
  } finally {
    client.release();
  }

  await migrateTo(pool, migrations);
  const rows = await loadData(pool, file, header, log);
  const laterMigrations = await migrate(pool);
  await pool.query('analyze');
  return { header, tables: header.tables.length, rows, laterMigrations, seconds: (Date.now() - started) / 1000 };
}
