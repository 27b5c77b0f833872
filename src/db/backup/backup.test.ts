import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { blankDatabase, tableContents, type BlankDatabase } from '../../cli/test-support/databases';
import { loadData } from './load-data';
import { verifyBackup } from './read-backup';
import { restoreBackup } from './restore';
import { codeMigrations, migrateTo } from './target';
import { writeBackup } from './write-backup';

const dir = mkdtempSync(path.join(os.tmpdir(), 'vnaid-backup-it-'));
let source: TestDatabase;
let file: string;
let restored: BlankDatabase;
let laterMigrations: string[];
const blanks: BlankDatabase[] = [];

const fresh = async () => {
  const db = await blankDatabase();
  blanks.push(db);
  return db;
};
const backupOf = (pool: pg.Pool, name: string) =>
  writeBackup(
    { pool, engine: 'external', serverVersion: async () => (await pool.query('show server_version')).rows[0].server_version },
    path.join(dir, name),
  );
const one = async <T extends pg.QueryResultRow>(pool: pg.Pool, sql: string, params: unknown[] = []) =>
  (await pool.query<T>(sql, params)).rows[0]!;

/** Text the COPY format must escape, money with more digits than a float holds, and rows out of reference order. */
async function addAwkwardData(pool: pg.Pool): Promise<void> {
  const org = await one<{ id: string }>(
    pool,
    `insert into organisations (code, name_original, name_vi, country_code) values ('OPS-0001', $1, $2, 'GB') returning id`,
    ['Tab\there, new\nline, back\\slash, \\. and "quotes"', 'Tổ chức Cứu trợ trẻ em 🌏'],
  );
  const item = await one<{ id: string }>(
    pool,
    `insert into aid_items (code, modality, title_vi, organisation_id, status) values ('OPS-AID-1', 'PROJECT', 'Dự án nước sạch', $1, 'APPROVED') returning id`,
    [org.id],
  );
  await pool.query(
    `insert into aid_transactions (aid_item_id, kind, tx_date, amount, currency, amount_usd, amount_vnd) values
       ($1, 'COMMITMENT', '2024-03-01', 1234567.89, 'USD', 1234567.89, 31234567890123.456789),
       ($1, 'DISBURSEMENT', '2024-06-30', 0.1, 'USD', 0.1, 2543.21),
       ($1, 'DISBURSEMENT', '2025-01-02', 98765432109876543.21, 'USD', 98765432109876543.21, 0.000000001)`,
    [item.id],
  );
  // A self-reference whose referencing row is stored before the row it refers to.
  await pool.query(`insert into agencies (id, name_vi, name_en, kind) values ('OPS-A', 'A', 'A', 'OTHER'), ('OPS-B', 'B', 'B', 'OTHER')`);
  await pool.query(`update agencies set successor_id = 'OPS-B' where id = 'OPS-A'`);
  await pool.query(`update agencies set note = 'moved' where id = 'OPS-B'`);
  await pool.query(
    `insert into audit_log (actor_label, action, entity_type, entity_id, after) values ('ops test', 'test.write', 'organisation', $1, $2)`,
    [org.id, JSON.stringify({ name: 'Cứu trợ\t"x"\n', amount: '98765432109876543.21' })],
  );
  await pool.query(`insert into users (username, display_name, password_hash, role) values ('ops.admin', 'Quản trị', 'scrypt$x', 'admin')`);
}

const publicTables = async (pool: pg.Pool) =>
  (
    await pool.query<{ name: string }>(
      `select tablename::text as name from pg_tables where schemaname = 'public' and tablename <> 'schema_migrations' order by 1`,
    )
  ).rows.map((r) => r.name);

beforeAll(async () => {
  source = await createTestDatabase();
  await addAwkwardData(source.pool);
  file = (await backupOf(source.pool, 'source.backup.gz')).file;
  restored = await fresh();
  laterMigrations = (await restoreBackup(restored.pool, file)).laterMigrations;
});
afterAll(async () => {
  await source.drop();
  for (const db of blanks) await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores every table row for row, with exact money, into an empty database', async () => {
    const target = restored;
    expect(laterMigrations).toEqual([]);
    const tables = await publicTables(source.pool);
    expect(await publicTables(target.pool)).toEqual(tables);
    expect(await tableContents(target.pool, tables)).toEqual(await tableContents(source.pool, tables));
    const money = await target.pool.query<{ amount_usd: string; amount_vnd: string }>(
      `select amount_usd, amount_vnd from aid_transactions order by id`,
    );
    expect(money.rows.map((r) => r.amount_usd)).toEqual(['1234567.89', '0.1', '98765432109876543.21']);
    expect(money.rows[0]!.amount_vnd).toBe('31234567890123.456789');
    const org = await one<{ name_original: string; search_text: string }>(
      target.pool,
      `select name_original, search_text from organisations where code = 'OPS-0001'`,
    );
    expect(org.name_original).toBe('Tab\there, new\nline, back\\slash, \\. and "quotes"');
    expect(org.search_text).toContain('to chuc cuu tro tre em');
  });

  it('leaves the restored database working: sequences, triggers, append-only audit trail, constraints', async () => {
    const target = restored;
    const max = await one<{ id: string }>(target.pool, 'select max(id)::text as id from aid_transactions');
    const item = await one<{ id: string }>(target.pool, `select id from aid_items where code = 'OPS-AID-1'`);
    const added = await one<{ id: string }>(
      target.pool,
      `insert into aid_transactions (aid_item_id, kind, tx_date, amount, currency, amount_usd, amount_vnd) values ($1, 'DISBURSEMENT', '2025-02-01', 5, 'USD', 5, 125000) returning id::text`,
      [item.id],
    );
    expect(BigInt(added.id)).toBeGreaterThan(BigInt(max.id));
    // The totals trigger is enabled again and adds to the restored totals (not to doubled ones).
    const totals = await one<{ disbursed_usd: string }>(
      target.pool,
      'select disbursed_usd::text from aid_item_totals where aid_item_id = $1',
      [item.id],
    );
    expect(totals.disbursed_usd).toBe('98765432109876548.31');
    await expect(target.pool.query(`delete from audit_log`)).rejects.toThrow(/append-only/);
    await expect(target.pool.query(`update agencies set successor_id = 'NOPE' where id = 'OPS-A'`)).rejects.toThrow(/foreign key/);
    const constraints = `select conname::text, condeferrable, condeferred from pg_constraint where contype = 'f' order by 1`;
    expect((await target.pool.query(constraints)).rows).toEqual((await source.pool.query(constraints)).rows);
    const triggers = `select tgname::text, tgenabled::text from pg_trigger where not tgisinternal order by 1`;
    expect((await target.pool.query(triggers)).rows).toEqual((await source.pool.query(triggers)).rows);
  });

  it('refuses a database that holds data unless --force, which replaces it', async () => {
    const target = await fresh();
    await restoreBackup(target.pool, file);
    await target.pool.query(
      `insert into users (username, display_name, password_hash, role) values ('extra', 'Extra', 'scrypt$x', 'central')`,
    );
    await expect(restoreBackup(target.pool, file)).rejects.toThrow(/not empty \(2 accounts, 1 organisations, 1 audit entries\).*--force/);
    expect((await one<{ n: string }>(target.pool, `select count(*) as n from users where username = 'extra'`)).n).toBe('1');
    await restoreBackup(target.pool, file, { force: true });
    expect((await one<{ n: string }>(target.pool, `select count(*) as n from users where username = 'extra'`)).n).toBe('0');
    const tables = await publicTables(source.pool);
    expect(await tableContents(target.pool, tables)).toEqual(await tableContents(source.pool, tables));
  });

  it('restores into a migrated but unused database (npm start with VNAID_DEMO=0), and refuses foreign tables', async () => {
    const unused = await fresh();
    await migrateTo(unused.pool, await codeMigrations());
    await restoreBackup(unused.pool, file);
    expect((await one<{ n: string }>(unused.pool, `select count(*) as n from organisations`)).n).toBe('1');

    const foreign = await fresh();
    await foreign.pool.query('create table invoices (id int)');
    await expect(restoreBackup(foreign.pool, file)).rejects.toThrow(/not a vnaid schema: invoices/);
  });

  it('refuses while another session uses the database', async () => {
    const target = await fresh();
    const other = await target.pool.connect();
    try {
      await expect(restoreBackup(target.pool, file)).rejects.toThrow(/1 other session\(s\).*stop vnaid/);
    } finally {
      other.release();
    }
  });

  it('checks the file and its migrations before changing anything', async () => {
    const target = await fresh();
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const header = JSON.parse(lines[0]!);
    const rewrite = (name: string, change: (h: typeof header) => void) => {
      const copy = structuredClone(header);
      change(copy);
      const out = path.join(dir, name);
      writeFileSync(out, gzipSync([JSON.stringify(copy), ...lines.slice(1)].join('\n')));
      return out;
    };
    const newer = rewrite('newer.gz', (h) => h.migrations.push({ name: '99991231000000_future.sql', checksum: 'x' }));
    await expect(restoreBackup(target.pool, newer)).rejects.toThrow(/99991231000000_future.sql is unknown here/);
    const changed = rewrite('changed.gz', (h) => (h.migrations[0].checksum = 'edited'));
    await expect(restoreBackup(target.pool, changed)).rejects.toThrow(/differs from this version's/);
    const gz = readFileSync(file);
    const truncated = path.join(dir, 'truncated.gz');
    writeFileSync(truncated, gz.subarray(0, Math.floor(gz.length / 2)));
    await expect(restoreBackup(target.pool, truncated)).rejects.toThrow(/damaged or incomplete/);
    expect(await publicTables(target.pool)).toEqual([]);
  });

  it('restores a backup of an older version, then applies the newer migrations', async () => {
    const code = await codeMigrations();
    const old = await fresh();
    await migrateTo(old.pool, code.slice(0, 4));
    await old.pool.query(`insert into organisations (code, name_original, country_code) values ('OLD-1', 'Old NGO', 'FR')`);
    const oldFile = (await backupOf(old.pool, 'old.backup.gz')).file;
    const target = await fresh();
    const summary = await restoreBackup(target.pool, oldFile);
    expect(summary.laterMigrations).toEqual(code.slice(4).map((m) => m.name));
    expect(
      (await one<{ name_original: string }>(target.pool, `select name_original from organisations where code = 'OLD-1'`)).name_original,
    ).toBe('Old NGO');
    expect((await one<{ n: string }>(target.pool, 'select count(*) as n from schema_migrations')).n).toBe(String(code.length));
  });

  it('loads tables that refer to each other (a cycle no table order satisfies) and keeps the keys checked', async () => {
    const ddl = `create table schema_migrations (name text primary key, checksum text not null, applied_at timestamptz not null default now());
      create table x (id int primary key, y_id int);
      create table y (id int primary key, x_id int not null references x(id));
      alter table x add constraint x_y_fk foreign key (y_id) references y(id);`;
    const [from, to] = [await fresh(), await fresh()];
    await from.pool.query(ddl);
    await from.pool.query('insert into x values (1, null); insert into y values (7, 1); update x set y_id = 7');
    const cycleFile = (await backupOf(from.pool, 'cycle.backup.gz')).file;
    await to.pool.query(ddl);
    await loadData(to.pool, cycleFile, await verifyBackup(cycleFile), () => undefined);
    expect((await to.pool.query('select x.id, y.id as y from x join y on y.id = x.y_id and y.x_id = x.id')).rows).toEqual([
      { id: 1, y: 7 },
    ]);
    expect(
      (await one<{ condeferrable: boolean }>(to.pool, `select condeferrable from pg_constraint where conname = 'x_y_fk'`)).condeferrable,
    ).toBe(false);
    await expect(to.pool.query('update x set y_id = 8')).rejects.toThrow(/x_y_fk/);
  });
});
