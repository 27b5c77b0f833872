import { Kysely, PostgresDialect } from 'kysely';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import '../../src/db/connect';
import { migrateThrough } from '../../src/db/migrate';
import type { Database } from '../../src/db/types';
import { asRole } from './role-url';

export type TestDatabase = {
  /** The runtime role's connections (what the app uses): DML only, audit_log INSERT and SELECT. */
  db: Kysely<Database>;
  pool: pg.Pool;
  /** The schema owner's connection string: for vnaid processes and tools a test starts (they migrate). */
  url: string;
  /** The runtime role's connection string. */
  runtimeUrl: string;
  /** The schema owner's connections (restore, DDL); `migrate(pool)` goes through it. */
  ownerPool: pg.Pool;
  engine: 'embedded' | 'external';
  drop(): Promise<void>;
};

/**
 * A fresh, migrated database of its own for one test file, cloned from the run's template, owned by the owner
 * role, and reached as the runtime role (like the application in production).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `vnaid_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const owner = inject('ownerRole');
  await admin.query(`create database ${name} template ${inject('templateDatabase')} owner ${admin.escapeIdentifier(owner.name)}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const runtimeUrl = asRole(url.toString(), inject('runtimeRole'));
  const ownerUrl = asRole(url.toString(), owner);
  const pool = new pg.Pool({ connectionString: runtimeUrl, max: 5 });
  const ownerPool = new pg.Pool({ connectionString: ownerUrl, max: 2 });
  // Dropping the database at the end terminates idle connections; that is expected, not a test failure.
  pool.on('error', () => undefined);
  ownerPool.on('error', () => undefined);
  migrateThrough(pool, ownerPool);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    url: ownerUrl,
    runtimeUrl,
    ownerPool,
    engine: inject('databaseEngine'),
    async drop() {
      await db.destroy();
      await ownerPool.end().catch(() => undefined);
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
