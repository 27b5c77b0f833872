import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { AppConfig } from '@config/env';
import { startEmbeddedServer, type EmbeddedServer } from './embedded';
import { migrateThrough } from './migrate';
import {
  EMBEDDED_OWNER,
  EMBEDDED_RUNTIME,
  ensureOwnedDatabase,
  ensureRoles,
  isSuperuser,
  transferOwnership,
  type RoleLogin,
} from './roles';
import type { Database } from './types';

// numeric and bigint arrive as strings so money is never rounded through a JS float; dates stay ISO strings.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type DatabaseEngine = 'embedded' | 'external';

export type DatabaseHandle = {
  db: Kysely<Database>;
  pool: pg.Pool;
  engine: DatabaseEngine;
  /** Connection string of `pool` (the runtime role, or the owner for a tool). */
  url: string;
  /** Connection string of the schema owner (migrations, backup, restore); the same as `url` with one role. */
  ownerUrl: string;
  /** The owner's connections; `migrate(pool)` goes through it. The same pool as `pool` with one role. */
  ownerPool: pg.Pool;
  serverVersion(): Promise<string>;
  close(): Promise<void>;
};

const MINIMUM_SERVER_VERSION = 150000;

/** The file beside the embedded data folder that keeps the owner's and the runtime's passwords (mode 0600). */
export const ROLE_SECRETS_FILE = 'pg-roles.json';

/** The owner and runtime logins of an embedded data folder, their passwords generated on first use and kept. */
export async function embeddedRoles(dataDir: string): Promise<{ owner: RoleLogin; runtime: RoleLogin }> {
  const file = path.join(dataDir, ROLE_SECRETS_FILE);
  const stored = JSON.parse(await fs.readFile(file, 'utf8').catch(() => '{}')) as { owner?: string; runtime?: string };
  const secrets = {
    owner: stored.owner ?? randomBytes(18).toString('base64url'),
    runtime: stored.runtime ?? randomBytes(18).toString('base64url'),
  };
  if (stored.owner !== secrets.owner || stored.runtime !== secrets.runtime) {
    await fs.writeFile(file, JSON.stringify(secrets), { mode: 0o600 });
  }
  return { owner: { name: EMBEDDED_OWNER, password: secrets.owner }, runtime: { name: EMBEDDED_RUNTIME, password: secrets.runtime } };
}

const urlOf = (port: number, role: RoleLogin, database: string) =>
  `postgres://${role.name}:${encodeURIComponent(role.password)}@127.0.0.1:${port}/${database}`;

/**
 * As the embedded server's superuser: the owner and runtime roles, the database owned by the owner, and every
 * object of a data folder created by an earlier vnaid (as the superuser) handed to the owner.
 */
async function prepareEmbedded(server: EmbeddedServer, roles: { owner: RoleLogin; runtime: RoleLogin }, name: string): Promise<void> {
  const connect = async (database: string) => {
    const client = new pg.Client({ host: '127.0.0.1', port: server.port, user: server.user, password: server.password, database });
    await client.connect();
    return client;
  };
  const admin = await connect('postgres');
  try {
    await ensureRoles(admin, roles);
    await ensureOwnedDatabase(admin, name, roles.owner.name);
  } finally {
    await admin.end();
  }
  const inDatabase = await connect(name);
  try {
    await transferOwnership(inDatabase, roles.owner.name);
  } finally {
    await inDatabase.end();
  }
}

/**
 * Opens the database vnaid runs on: the server named by `DATABASE_URL`, or else an embedded server started
 * from `VNAID_DATA_DIR`. Refuses servers older than PostgreSQL 15.
 *
 * Least privilege: `pool`/`db` connect as the runtime role and `ownerPool` as the schema owner, which
 * `migrate(handle.pool)` uses. The embedded server creates both roles itself (src/db/roles.ts); an external one
 * names the owner in `DATABASE_OWNER_URL` (else `DATABASE_URL` plays both, with a warning when it is a superuser).
 * @param options.as `owner`: `pool` and `db` connect as the owner too (backup, restore and the other tools)
 */
export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'databaseOwnerUrl'>,
  log: (message: string) => void = () => undefined,
  options: { as?: 'runtime' | 'owner' } = {},
): Promise<DatabaseHandle> {
  let embedded: EmbeddedServer | undefined;
  let url = config.databaseUrl;
  let ownerUrl = config.databaseOwnerUrl ?? config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedServer(config.dataDir, log);
    try {
      const roles = await embeddedRoles(config.dataDir);
      await prepareEmbedded(embedded, roles, 'vnaid');
      url = urlOf(embedded.port, roles.runtime, 'vnaid');
      ownerUrl = urlOf(embedded.port, roles.owner, 'vnaid');
    } catch (error) {
      await embedded.stop();
      throw error;
    }
  }
  if (options.as === 'owner' && ownerUrl) url = ownerUrl;
  const pool = new pg.Pool({ connectionString: url, max: 10, idleTimeoutMillis: 30_000 });
  pool.on('error', (error) => log(`idle database connection failed: ${error.message}`));
  const ownerPool = ownerUrl && ownerUrl !== url ? new pg.Pool({ connectionString: ownerUrl, max: 2, idleTimeoutMillis: 10_000 }) : pool;
  if (ownerPool !== pool) ownerPool.on('error', (error) => log(`idle database connection failed: ${error.message}`));
  migrateThrough(pool, ownerPool);
  try {
    const { rows } = await pool.query<{ server_version_num: string }>('show server_version_num');
    if (Number(rows[0]?.server_version_num) < MINIMUM_SERVER_VERSION) {
      throw new Error(`PostgreSQL 15 or newer is required (this server is ${rows[0]?.server_version_num})`);
    }
    if (options.as !== 'owner' && (await isSuperuser(pool))) {
      log(
        'warning: vnaid connects as a PostgreSQL superuser, which can rewrite the append-only audit trail; ' +
          'give DATABASE_URL a least-privileged runtime role and DATABASE_OWNER_URL the schema owner (see README, "Database roles")',
      );
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (ownerPool !== pool) await ownerPool.end().catch(() => undefined);
    await embedded?.stop();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    pool,
    engine: embedded ? 'embedded' : 'external',
    url,
    ownerUrl: ownerUrl ?? url,
    ownerPool,
    async serverVersion() {
      const { rows } = await pool.query<{ server_version: string }>('show server_version');
      return (rows[0]?.server_version ?? '').split(' ')[0] ?? '';
    },
    async close() {
      if (closed) return;
      closed = true;
      // A client still checked out (a request cut at shutdown) would keep destroy() waiting: the embedded server is
      // stopped after 5 s whatever (its "fast" stop ends those sessions), so vnaid never leaves it running.
      await Promise.race([db.destroy().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      if (ownerPool !== pool) await ownerPool.end().catch(() => undefined);
      await embedded?.stop();
    },
  };
}
