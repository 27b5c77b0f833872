import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/support/test-app';
import { openDatabase, ROLE_SECRETS_FILE } from './connect';
import { startEmbeddedServer } from './embedded';
import { migrate } from './migrate';

/**
 * Issue 11, defect 5: the application connected as a superuser, so the append-only audit trail could be rewritten
 * (`SET session_replication_role = replica`, `ALTER TABLE … DISABLE TRIGGER`). The runtime role now holds DML
 * only, owns nothing, and on audit_log only INSERT and SELECT. The test app itself connects as that role.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

const q = (sql: string) => t.pool.query(sql);

describe('the runtime role the application connects as', () => {
  it('is not a superuser and owns nothing', async () => {
    expect((await q('select rolsuper from pg_roles where rolname = current_user')).rows[0].rolsuper).toBe(false);
    const owned = await q(`select (select count(*) from pg_class where relowner = r.oid)
      + (select count(*) from pg_proc where proowner = r.oid) + (select count(*) from pg_type where typowner = r.oid)
      + (select count(*) from pg_database where datdba = r.oid) as n from pg_roles r where r.rolname = current_user`);
    expect(owned.rows[0].n).toBe('0');
  });

  it('cannot switch the audit triggers off, nor rewrite the audit trail', async () => {
    await t.signInAs('admin'); // writes an audit row as the runtime role: INSERT is allowed
    const before = (await q('select count(*) as n from audit_log')).rows[0].n;
    expect(Number(before)).toBeGreaterThan(0);
    await expect(q('set session_replication_role = replica')).rejects.toThrow(/permission denied/);
    await expect(q('alter table audit_log disable trigger all')).rejects.toThrow(/must be owner/);
    await expect(q(`update audit_log set action = 'forged'`)).rejects.toThrow(/permission denied/);
    await expect(q('delete from audit_log')).rejects.toThrow(/permission denied/);
    await expect(q('truncate audit_log')).rejects.toThrow(/permission denied/);
    await expect(q('drop table audit_log')).rejects.toThrow(/must be owner/);
    await expect(q('create table forged (id int)')).rejects.toThrow(/permission denied/);
    await expect(q(`insert into schema_migrations (name, checksum) values ('x', 'y')`)).rejects.toThrow(/permission denied/);
    expect((await q('select count(*) as n from audit_log')).rows[0].n).toBe(before);
  });

  it('refreshes the planner statistics through the owner’s analyze_tables (ANALYZE needs the owner)', async () => {
    await t.db.insertInto('organisations').values({ code: 'AN-1', name_original: 'Analyse me', country_code: 'GB' }).execute();
    await q(`select analyze_tables(array['organisations', 'no_such_table'])`);
    const stats = await q(`select reltuples from pg_class where oid = 'organisations'::regclass`);
    expect(Number(stats.rows[0].reltuples)).toBeGreaterThanOrEqual(1);
  });
});

describe('the embedded server', () => {
  it('creates the owner and runtime roles itself, also on a data folder an earlier vnaid created as superuser', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vnaid-roles-'));
    try {
      // What an earlier vnaid did: everything created and migrated by the server's superuser.
      const server = await startEmbeddedServer(dataDir);
      try {
        const admin = new pg.Client({
          host: '127.0.0.1',
          port: server.port,
          user: server.user,
          password: server.password,
          database: 'postgres',
        });
        await admin.connect();
        await admin.query(`create database vnaid encoding 'UTF8'`);
        await admin.end();
        const old = new pg.Pool({ host: '127.0.0.1', port: server.port, user: server.user, password: server.password, database: 'vnaid' });
        await migrate(old);
        await old.end();
      } finally {
        await server.stop();
      }

      const logs: string[] = [];
      const handle = await openDatabase({ databaseUrl: undefined, dataDir }, (m) => logs.push(m));
      try {
        expect(await migrate(handle.pool)).toEqual([]);
        const who = async (pool: pg.Pool) =>
          (await pool.query('select current_user as name, rolsuper from pg_roles where rolname = current_user')).rows[0];
        expect(await who(handle.pool)).toEqual({ name: 'vnaid_app', rolsuper: false });
        expect(await who(handle.ownerPool)).toEqual({ name: 'vnaid_owner', rolsuper: false });
        const owners = await handle.ownerPool.query(
          `select distinct pg_get_userbyid(relowner) as owner from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'S')`,
        );
        expect(owners.rows).toEqual([{ owner: 'vnaid_owner' }]);
        expect((await handle.pool.query('select count(*) as n from agencies')).rows[0].n).not.toBe('0');
        await expect(handle.pool.query('delete from audit_log')).rejects.toThrow(/permission denied/);
        expect(statSync(path.join(dataDir, ROLE_SECRETS_FILE)).mode & 0o777).toBe(0o600);
        expect(logs.join('\n')).not.toMatch(/superuser/);
      } finally {
        await handle.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('an external server given only DATABASE_URL', () => {
  it('keeps working, and warns when that role is a superuser', async () => {
    const logs: string[] = [];
    const superuser = await openDatabase({ databaseUrl: inject('adminDatabaseUrl'), dataDir: '/nonexistent' }, (m) => logs.push(m));
    await superuser.close();
    expect(logs.join('\n')).toMatch(/superuser/);

    const quiet: string[] = [];
    const runtime = await openDatabase({ databaseUrl: t.runtimeUrl, dataDir: '/nonexistent' }, (m) => quiet.push(m));
    expect((await runtime.pool.query('select count(*) as n from users')).rowCount).toBe(1);
    await runtime.close();
    expect(quiet.join('\n')).not.toMatch(/superuser/);
  });
});
