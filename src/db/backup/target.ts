import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { migrate, MIGRATIONS_DIR } from '@db/migrate';
import { BackupError, type BackupHeader } from './format';

/** A migration file of this version of vnaid, with the checksum migrate() records for it. */
export type CodeMigration = { name: string; checksum: string; file: string };

/** The migration files of this version of vnaid, in the order migrate() applies them. */
export async function codeMigrations(dir = MIGRATIONS_DIR): Promise<CodeMigration[]> {
  const names = (await fs.readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      // Hashed as migrate() hashes it (the text read as UTF-8), so the two checksums compare.
      const checksum = createHash('sha256')
        .update(await fs.readFile(file, 'utf8'))
        .digest('hex');
      return { name, checksum, file };
    }),
  );
}

/**
 * The migrations that rebuild the backup's schema: the backup must have been made by this version of vnaid or
 * an older one, i.e. its migrations are the first ones of this version, unchanged. Newer ones are applied after
 * the data is loaded, as they would have been on the original database.
 */
export function backupMigrations(header: Pick<BackupHeader, 'migrations'>, code: CodeMigration[]): CodeMigration[] {
  const byName = new Map(code.map((m) => [m.name, m]));
  for (const [i, wanted] of header.migrations.entries()) {
    const here = byName.get(wanted.name);
    if (!here)
      throw new BackupError(
        `the backup was made by another version of vnaid: its migration ${wanted.name} is unknown here; restore it with that version`,
      );
    if (here.checksum !== wanted.checksum)
      throw new BackupError(`the backup was made by another version of vnaid: migration ${wanted.name} differs from this version's`);
    if (code[i]?.name !== wanted.name)
      throw new BackupError(
        `the backup's migrations do not match this version of vnaid (${code[i]?.name ?? 'none'} expected before ${wanted.name})`,
      );
  }
  return code.slice(0, header.migrations.length);
}

/** Applies exactly the given migrations (copied into a folder of their own, since migrate() applies a whole folder). */
export async function migrateTo(pool: pg.Pool, migrations: CodeMigration[]): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vnaid-restore-migrations-'));
  try {
    for (const m of migrations) await fs.copyFile(m.file, path.join(dir, m.name));
    await migrate(pool, dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Other client sessions on the database (a running vnaid, or a psql someone left open). */
export async function otherSessions(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `select count(*) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
  );
  return Number(rows[0]?.n ?? 0);
}

export type TargetState = { kind: 'blank' } | { kind: 'unused' } | { kind: 'data'; description: string };

const count = async (client: pg.ClientBase, table: string) =>
  Number((await client.query<{ n: string }>(`select count(*) as n from public.${table}`)).rows[0]?.n ?? 0);

/**
 * Whether a database may be restored into: `blank` (nothing in the public schema), `unused` (a vnaid schema in
 * which nobody has done anything: no accounts, no organisations, an empty audit trail, since every write is
 * audited) or `data` (anything else, described for the refusal message).
 */
export async function inspectTarget(client: pg.ClientBase): Promise<TargetState> {
  const relations = (
    await client.query<{ name: string }>(
      `select c.relname::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') order by c.relname`,
    )
  ).rows.map((row) => row.name);
  const functions = Number(
    (
      await client.query<{ n: string }>(
        `select count(*) as n from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where n.nspname = 'public' and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`,
      )
    ).rows[0]?.n ?? 0,
  );
  if (relations.length === 0) return functions ? { kind: 'unused' } : { kind: 'blank' };
  const has = new Set(relations);
  if (!has.has('schema_migrations') || !has.has('users') || !has.has('organisations') || !has.has('audit_log')) {
    return {
      kind: 'data',
      description: `it holds tables that are not a vnaid schema: ${relations.slice(0, 5).join(', ')}${relations.length > 5 ? ', …' : ''}`,
    };
  }
  const [users, organisations, audit] = [
    await count(client, 'users'),
    await count(client, 'organisations'),
    await count(client, 'audit_log'),
  ];
  if (users + organisations + audit === 0) return { kind: 'unused' };
  return { kind: 'data', description: `${users} accounts, ${organisations} organisations, ${audit} audit entries` };
}

/** Drops everything in the public schema and recreates it empty, with the default right for everyone to use it. */
export async function resetSchema(client: pg.ClientBase): Promise<void> {
  await client.query('begin');
  try {
    await client.query('drop schema if exists public cascade');
    await client.query('create schema public');
    await client.query('grant usage on schema public to public');
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw new BackupError(`could not clear the database's public schema: ${(error as Error).message}`, { cause: error });
  }
}
