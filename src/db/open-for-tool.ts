import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '@config/env';
import { embeddedRoles, openDatabase, ROLE_SECRETS_FILE, type DatabaseHandle } from './connect';

/** A PostgreSQL server found running on an embedded data folder (started by vnaid, or left by a killed run). */
export type RunningServer = { pid: number; port: number };

/** The handle a command-line tool works with, and whether it borrowed a server that was already running. */
export type ToolDatabaseHandle = DatabaseHandle & {
  /** True when the tool connected to an embedded server that was already running (and leaves it running). */
  attached: boolean;
};

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another account (the "postgres" account when we are not root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The embedded server running on `<dataDir>/pg`, read from its `postmaster.pid` (line 1: pid, line 4: port), or
 * undefined when none runs (no file, a stale file after a crash, or a file still being written at start-up).
 */
export async function runningEmbeddedServer(dataDir: string): Promise<RunningServer | undefined> {
  const content = await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').catch(() => undefined);
  if (!content) return undefined;
  const lines = content.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0 || !isAlive(pid)) return undefined;
  return { pid, port };
}

/** True when `<dataDir>/pg` holds an initialised PostgreSQL data folder. */
export async function hasEmbeddedData(dataDir: string): Promise<boolean> {
  return fs.stat(path.join(dataDir, 'pg', 'PG_VERSION')).then(
    () => true,
    () => false,
  );
}

/**
 * Opens the database for a command-line tool (backup, restore, create-admin, migrate) without disturbing a
 * running vnaid: with `DATABASE_URL` that server; else, when an embedded server already runs on the data folder,
 * a connection to its port with the stored password (closing the handle leaves that server running); else the
 * embedded server is started for the tool and stopped again by `close()`. Starting it always goes through
 * {@link openDatabase}, which would stop a live server on the folder; that is why a live one is looked for first.
 * @param options.mustExist refuse (instead of initialising a new, empty data folder) when there is none
 */
export async function openDatabaseForTool(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'databaseOwnerUrl'>,
  log: (message: string) => void = () => undefined,
  options: { mustExist?: boolean } = {},
): Promise<ToolDatabaseHandle> {
  // Tools work as the schema owner (restore replaces the schema; migrate creates tables), never as the runtime role.
  if (config.databaseUrl) return { ...(await openDatabase(config, log, { as: 'owner' })), attached: false };

  const running = await runningEmbeddedServer(config.dataDir);
  if (running) {
    // The owner's login (kept in pg-roles.json by the running vnaid); a folder of an older vnaid has only the superuser's.
    const hasRoles = await fs.stat(path.join(config.dataDir, ROLE_SECRETS_FILE)).then(
      () => true,
      () => false,
    );
    const owner = hasRoles ? (await embeddedRoles(config.dataDir)).owner : undefined;
    const password = owner?.password ?? (await fs.readFile(path.join(config.dataDir, 'pg-password'), 'utf8')).trim();
    const url = `postgres://${owner?.name ?? 'vnaid'}:${encodeURIComponent(password)}@127.0.0.1:${running.port}/vnaid`;
    log(`using the embedded PostgreSQL server already running on ${config.dataDir} (pid ${running.pid}, port ${running.port})`);
    // Opened as an "external" server so that close() only ends our connections, never the server.
    const handle = await openDatabase({ databaseUrl: url, dataDir: config.dataDir }, log);
    return { ...handle, engine: 'embedded', attached: true };
  }

  if (options.mustExist && !(await hasEmbeddedData(config.dataDir))) {
    throw new Error(`There is no vnaid database in ${config.dataDir} (no pg/ data folder); set VNAID_DATA_DIR or DATABASE_URL`);
  }
  log(`starting the embedded PostgreSQL server of ${config.dataDir} for this command`);
  return { ...(await openDatabase(config, log, { as: 'owner' })), attached: false };
}
