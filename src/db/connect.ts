import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { AppConfig } from '@config/env';
import { startEmbeddedServer, type EmbeddedServer } from './embedded';
import type { Database } from './types';

// numeric and bigint arrive as strings so money is never rounded through a JS float; dates stay ISO strings.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type DatabaseEngine = 'embedded' | 'external';

export type DatabaseHandle = {
  db: Kysely<Database>;
  pool: pg.Pool;
  engine: DatabaseEngine;
  /** Connection string, for tools such as backup. */
  url: string;
  serverVersion(): Promise<string>;
  close(): Promise<void>;
};

const MINIMUM_SERVER_VERSION = 150000;

async function ensureDatabase(server: EmbeddedServer, name: string): Promise<void> {
  const admin = new pg.Client({ host: '127.0.0.1', port: server.port, user: server.user, password: server.password, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`create database ${admin.escapeIdentifier(name)} encoding 'UTF8'`);
  } finally {
    await admin.end();
  }
}

/**
 * Opens the database vnaid runs on: the server named by `DATABASE_URL`, or else an embedded server started
 * from `VNAID_DATA_DIR`. Refuses servers older than PostgreSQL 15.
 */
export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
  log: (message: string) => void = () => undefined,
): Promise<DatabaseHandle> {
  let embedded: EmbeddedServer | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedServer(config.dataDir, log);
    await ensureDatabase(embedded, 'vnaid');
    url = `postgres://${embedded.user}:${encodeURIComponent(embedded.password)}@127.0.0.1:${embedded.port}/vnaid`;
  }
  const pool = new pg.Pool({ connectionString: url, max: 10, idleTimeoutMillis: 30_000 });
  pool.on('error', (error) => log(`idle database connection failed: ${error.message}`));
  try {
    const { rows } = await pool.query<{ server_version_num: string }>('show server_version_num');
    if (Number(rows[0]?.server_version_num) < MINIMUM_SERVER_VERSION) {
      throw new Error(`PostgreSQL 15 or newer is required (this server is ${rows[0]?.server_version_num})`);
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
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
    async serverVersion() {
      const { rows } = await pool.query<{ server_version: string }>('show server_version');
      return (rows[0]?.server_version ?? '').split(' ')[0] ?? '';
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy().catch(() => undefined);
      await embedded?.stop();
    },
  };
}
