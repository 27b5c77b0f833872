import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** An empty database (no schema at all) on the test run's server, for restores and fresh starts. */
export type BlankDatabase = { name: string; url: string; pool: pg.Pool; drop(): Promise<void> };

async function admin<T>(body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database on the server of `inject('adminDatabaseUrl')`; `drop()` removes it (with force). */
export async function blankDatabase(): Promise<BlankDatabase> {
  const name = `vnaid_ops_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`create database ${name} encoding 'UTF8'`));
  const url = new URL(inject('adminDatabaseUrl'));
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  pool.on('error', () => undefined);
  return {
    name,
    url: url.toString(),
    pool,
    async drop() {
      await pool.end().catch(() => undefined);
      await admin((client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** Every row of every table of the public schema as sorted text, for comparing two databases exactly. */
export async function tableContents(pool: pg.Pool, tables: string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const { rows } = await pool.query<{ row: string }>(`select t::text as row from public."${table}" t order by 1`);
    out[table] = rows.map((r) => r.row);
  }
  return out;
}
