import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { grantRuntimePrivileges } from './roles';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

/** An arbitrary constant: the advisory lock that keeps two vnaid processes from migrating at once. */
const MIGRATION_LOCK = 4_242_001;

/** The owner's pool of each runtime pool opened by connect.ts, so `migrate(handle.pool)` migrates as the owner. */
const ownerPools = new WeakMap<pg.Pool, pg.Pool>();

/**
 * Records that migrations for the database of `runtime` run through `owner` (the role that owns the schema).
 * Called by openDatabase; callers keep writing `migrate(handle.pool)`.
 */
export function migrateThrough(runtime: pg.Pool, owner: pg.Pool): void {
  if (runtime !== owner) ownerPools.set(runtime, owner);
}

/** True when the session may grant on the schema: a superuser, or a member of the role owning `schema_migrations`. */
async function mayGrant(client: pg.PoolClient): Promise<boolean> {
  const { rows } = await client.query<{ ok: boolean }>(`select coalesce(
      (select rolsuper from pg_roles where rolname = current_user)
      or pg_has_role(current_user, (select relowner from pg_class where oid = to_regclass('public.schema_migrations')), 'MEMBER'),
      false) as ok`);
  return rows[0]?.ok === true;
}

/**
 * Applies the plain SQL files of `migrations/` in file-name order, each in its own transaction, and records them
 * in `schema_migrations`. Files already recorded are skipped; an edited file that was already applied is an error,
 * because migrations are forward-only. Runs as the schema's owner: through the owner's pool registered for `pool`
 * by {@link migrateThrough}, else through `pool` itself; then grants the runtime group its rights.
 * @returns the names of the files applied by this call
 */
export async function migrate(pool: pg.Pool, dir = MIGRATIONS_DIR): Promise<string[]> {
  const client = await (ownerPools.get(pool) ?? pool).connect();
  const applied: string[] = [];
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    // Created only when missing: a runtime-role process (no CREATE right) finds nothing to apply and changes nothing.
    const exists = await client.query<{ t: string | null }>(`select to_regclass('public.schema_migrations')::text as t`);
    if (!exists.rows[0]?.t) {
      await client.query(`create table if not exists schema_migrations (
      name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
    }
    const done = new Map(
      (await client.query<{ name: string; checksum: string }>('select name, checksum from schema_migrations')).rows.map((row) => [
        row.name,
        row.checksum,
      ]),
    );
    const files = (await fs.readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
    const { createHash } = await import('node:crypto');
    for (const file of files) {
      const sql = await fs.readFile(path.join(dir, file), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const previous = done.get(file);
      if (previous) {
        if (previous !== checksum) throw new Error(`Migration ${file} was changed after it was applied`);
        continue;
      }
      await client.query('begin');
      try {
        await client.query(sql);
        await client.query('insert into schema_migrations (name, checksum) values ($1, $2)', [file, checksum]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new Error(`Migration ${file} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(file);
    }
    // Least privilege: the runtime group's rights on what the migrations created (src/db/roles.ts).
    if (await mayGrant(client)) await grantRuntimePrivileges(client);
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
  return applied;
}
