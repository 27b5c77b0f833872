import { once } from 'node:events';
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, type Gzip } from 'node:zlib';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { DatabaseHandle } from '@db/connect';
import { dependencyOrder, listForeignKeys, listSequences, listTables, sequenceState, type TableInfo } from './catalog';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, countLines, END_OF_TABLE, ident, type BackupHeader } from './format';

export type BackupSummary = { file: string; header: BackupHeader; bytes: number; seconds: number };

async function write(gzip: Gzip, data: Buffer | string): Promise<void> {
  if (!gzip.write(data)) await once(gzip, 'drain');
}

/** A table's rows in text COPY format (a partitioned table through a query, which COPY TO needs for it). */
function copySql(table: TableInfo): string {
  const columns = table.columns.map(ident).join(', ');
  return table.kind === 'p'
    ? `copy (select ${columns} from public.${ident(table.name)}) to stdout`
    : `copy public.${ident(table.name)} (${columns}) to stdout`;
}

async function readHeader(
  client: pg.ClientBase,
  handle: Pick<DatabaseHandle, 'engine' | 'serverVersion'>,
): Promise<{ header: BackupHeader; tables: TableInfo[] }> {
  const hasMigrations = await client.query(
    `select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relname = 'schema_migrations'`,
  );
  if (!hasMigrations.rowCount) throw new BackupError('this database has no vnaid schema (no schema_migrations table): nothing to back up');
  const migrations = (await client.query<{ name: string; checksum: string }>('select name, checksum from schema_migrations order by name'))
    .rows;
  const all = await listTables(client);
  const byName = new Map(all.map((t) => [t.name, t]));
  const tables = dependencyOrder([...byName.keys()], await listForeignKeys(client)).map((name) => byName.get(name)!);
  // Keeps a migration from changing a table between its row count and its data.
  if (tables.length) await client.query(`lock table ${tables.map((t) => `public.${ident(t.name)}`).join(', ')} in access share mode`);
  const counted = [];
  for (const table of tables) {
    const { rows } = await client.query<{ n: string }>(`select count(*) as n from public.${ident(table.name)}`);
    counted.push({ name: table.name, columns: table.columns, rows: Number(rows[0]?.n ?? 0) });
  }
  const sequences = [];
  for (const name of await listSequences(client)) sequences.push({ name, ...(await sequenceState(client, name)) });
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    format_version: BACKUP_FORMAT_VERSION,
    created_at: new Date().toISOString(),
    engine: handle.engine,
    server_version: await handle.serverVersion(),
    migrations,
    tables: counted,
    sequences,
  };
  return { header, tables };
}

/**
 * Writes a consistent logical backup of the vnaid database to `file` (see ./format.ts): one read-only
 * repeatable-read transaction, so every table is read at the same instant while vnaid keeps serving. The file is
 * written under a temporary name and renamed when complete, so a failed backup never leaves a file that looks
 * whole; it is readable by its owner only, as it holds personal data and password hashes.
 */
export async function writeBackup(handle: Pick<DatabaseHandle, 'pool' | 'engine' | 'serverVersion'>, file: string): Promise<BackupSummary> {
  const started = Date.now();
  await fs.mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const gzip = createGzip({ level: 6 });
  const written = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }));
  written.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
  const client = await handle.pool.connect();
  try {
    await client.query('begin isolation level repeatable read, read only');
    const { header, tables } = await readHeader(client, handle);
    await write(gzip, `${JSON.stringify(header)}\n`);
    for (const [i, table] of tables.entries()) {
      let lines = 0;
      for await (const chunk of client.query(copyTo(copySql(table))) as AsyncIterable<Buffer>) {
        lines += countLines(chunk);
        await write(gzip, chunk);
      }
      const expected = header.tables[i]!.rows;
      if (lines !== expected) throw new Error(`table ${table.name}: ${lines} rows copied, ${expected} counted`);
      await write(gzip, END_OF_TABLE);
    }
    await client.query('commit');
    gzip.end();
    await written;
    await fs.rename(partial, file);
    const { size } = await fs.stat(file);
    return { file, header, bytes: size, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    gzip.destroy();
    await written.catch(() => undefined);
    await fs.rm(partial, { force: true });
    throw error;
  } finally {
    client.release();
  }
}
