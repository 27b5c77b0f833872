import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeBackup } from '@db/backup/write-backup';
import { CliError, parseToolArgs, resolveUserPath, toolConfig, withToolDatabase, type ToolIo } from './tool';

const USAGE = 'npm run backup -- [FILE]';

/** `vnaid-20261123-160200.backup.gz`, in UTC so names sort by time whatever the server's zone. */
export const defaultBackupName = (now = new Date()): string =>
  `vnaid-${now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.backup.gz`;

/**
 * `npm run backup -- [FILE]`: a consistent logical backup of the database of VNAID_DATA_DIR / DATABASE_URL
 * (default file: `<VNAID_DATA_DIR>/backups/vnaid-<UTC time>.backup.gz`). Works while vnaid runs: it borrows the
 * running embedded server instead of starting a second one.
 */
export async function backupCommand(argv: string[], io: ToolIo): Promise<void> {
  const { positionals } = parseToolArgs(argv, {}, USAGE);
  if (positionals.length > 1) throw new CliError(`usage: ${USAGE}`, 2);
  const config = toolConfig();
  const file = positionals[0] ? resolveUserPath(positionals[0]) : path.join(config.dataDir, 'backups', defaultBackupName());
  if (
    await fs.stat(file).then(
      () => true,
      () => false,
    )
  )
    throw new CliError(`${file} already exists; choose another file name`, 2);
  const summary = await withToolDatabase(config, io, (handle) => writeBackup(handle, file), { mustExist: true });
  const rows = summary.header.tables.reduce((n, t) => n + t.rows, 0);
  io.out(
    `backup written: ${summary.file} (${summary.header.tables.length} tables, ${rows} rows, ${(summary.bytes / 1e6).toFixed(1)} MB, ${summary.seconds.toFixed(1)} s)`,
  );
}
