import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyBackup } from '../db/backup/read-backup';
import { codeMigrations } from '../db/backup/target';
import { runningEmbeddedServer } from '../db/open-for-tool';
import { blankDatabase, type BlankDatabase } from './test-support/databases';
import { isAlive, runScript, startVnaid, type VnaidProcess } from './test-support/processes';

/**
 * The process contract of api-contract.md, on real processes: each start takes seconds, so the scenarios share
 * one data folder (initialised and loaded with the demo once) and stay few.
 */
const work = mkdtempSync(path.join(os.tmpdir(), 'vnaid-process-'));
// As root, PostgreSQL runs as the "postgres" account, which must be able to reach the data folder inside ours.
chmodSync(work, 0o755);
const dataDir = path.join(work, 'data');
const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
const embeddedEnv = { VNAID_DATA_DIR: dataDir, VNAID_DEMO: '1' };
const started: VnaidProcess[] = [];
const databases: BlankDatabase[] = [];

async function start(env: Record<string, string>): Promise<VnaidProcess> {
  const vnaid = await startVnaid(env);
  started.push(vnaid);
  return vnaid;
}

async function terminate(vnaid: VnaidProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  vnaid.child.kill('SIGTERM');
  return vnaid.exited();
}

/** Waits a few seconds for a process to end. */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  return !isAlive(pid);
}

afterAll(async () => {
  for (const vnaid of started) if (vnaid.child.exitCode === null && vnaid.child.signalCode === null) await terminate(vnaid);
  const leftover = await runningEmbeddedServer(dataDir);
  if (leftover) process.kill(leftover.pid, 'SIGINT'); // PostgreSQL's "fast" shutdown
  for (const db of databases) await db.drop();
  rmSync(work, { recursive: true, force: true });
}, 60_000);

describe('the vnaid process', () => {
  it('starts on the embedded server, is backed up while running, restores elsewhere identically, and stops on SIGTERM', async () => {
    const vnaid = await start(embeddedEnv);
    expect((await vnaid.healthy()).database.engine).toBe('embedded');
    const server = await runningEmbeddedServer(dataDir);
    expect(server).toBeDefined();

    // A backup borrows the running server: no second server, and the first one keeps serving.
    const file = path.join(work, 'demo.backup.gz');
    const backup = await runScript('scripts/backup.ts', [file], { env: { VNAID_DATA_DIR: dataDir } });
    expect(backup.stdout + backup.stderr).toMatch(/backup written/);
    expect(backup.code).toBe(0);
    expect(await runningEmbeddedServer(dataDir)).toEqual(server);
    expect((await fetch(`http://127.0.0.1:${vnaid.port}/api/health`)).status).toBe(200);

    // Restored into a fresh database of another server: the same rows, money to the last digit.
    const target = await blankDatabase();
    databases.push(target);
    const restore = await runScript('scripts/restore.ts', [file], { env: { DATABASE_URL: target.url } });
    expect(restore.stdout + restore.stderr).toMatch(/restored \d+ rows/);
    expect(restore.code).toBe(0);
    const header = await verifyBackup(file);
    expect(header.tables.find((t) => t.name === 'aid_transactions')?.rows).toBeGreaterThan(0);
    const password = readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
    const source = new pg.Pool({
      connectionString: `postgres://vnaid:${encodeURIComponent(password)}@127.0.0.1:${server!.port}/vnaid`,
      max: 2,
    });
    try {
      for (const table of header.tables) {
        const { rows } = await target.pool.query<{ n: string }>(`select count(*) as n from "${table.name}"`);
        expect({ table: table.name, rows: Number(rows[0]?.n) }).toEqual({ table: table.name, rows: table.rows });
      }
      const samples = [
        'select id, aid_item_id, kind, tx_date, amount::text, currency, amount_usd::text, amount_vnd::text from aid_transactions order by id limit 500',
        'select t::text from aid_item_totals t order by aid_item_id limit 300',
        'select id, code, name_original, name_vi, search_text, version from organisations order by code limit 300',
        'select username, role, password_hash, organisation_id, agency_id from users order by username',
        'select id, actor_label, action, entity_type, before, after from audit_log order by id limit 100',
      ];
      for (const sql of samples) expect((await target.pool.query(sql)).rows).toEqual((await source.query(sql)).rows);
      const money = 'select sum(amount_usd)::text as usd, sum(amount_vnd)::text as vnd from aid_transactions';
      expect((await target.pool.query(money)).rows).toEqual((await source.query(money)).rows);
    } finally {
      await source.end();
    }

    expect(await terminate(vnaid)).toEqual({ code: 0, signal: null });
    expect(existsSync(pidFile)).toBe(false);
    // PostgreSQL removes its pid file just before its last process exits.
    expect(await gone(server!.pid)).toBe(true);
  }, 400_000);

  it('survives a SIGKILL: the PostgreSQL server left running is taken over by the next start', async () => {
    const first = await start(embeddedEnv);
    await first.healthy();
    const orphan = await runningEmbeddedServer(dataDir);
    first.child.kill('SIGKILL');
    expect(await first.exited()).toEqual({ code: null, signal: 'SIGKILL' });
    expect(isAlive(orphan!.pid)).toBe(true);

    const second = await start(embeddedEnv);
    expect((await second.healthy()).database.engine).toBe('embedded');
    expect(second.output()).toMatch(/left running/);
    expect(await gone(orphan!.pid)).toBe(true);
    const current = await runningEmbeddedServer(dataDir);
    expect(current?.pid).not.toBe(orphan!.pid);
    expect(await terminate(second)).toEqual({ code: 0, signal: null });
    expect(existsSync(pidFile)).toBe(false);
  }, 300_000);

  it('uses DATABASE_URL: migrates a fresh database and serves on it as "external", without demo data', async () => {
    const target = await blankDatabase();
    databases.push(target);
    const vnaid = await start({ DATABASE_URL: target.url, VNAID_DATA_DIR: path.join(work, 'external') });
    expect((await vnaid.healthy()).database.engine).toBe('external');
    const applied = await target.pool.query<{ name: string }>('select name from schema_migrations order by name');
    expect(applied.rows.map((r) => r.name)).toEqual((await codeMigrations()).map((m) => m.name));
    expect((await target.pool.query('select count(*)::int as n from users')).rows[0].n).toBe(0);
    expect(existsSync(path.join(work, 'external', 'pg'))).toBe(false);
    expect(await terminate(vnaid)).toEqual({ code: 0, signal: null });
  }, 200_000);

  it('refuses an invalid environment variable with exit code 2 and a message naming it', async () => {
    const vnaid = await start({ PORT: 'abc', VNAID_DATA_DIR: path.join(work, 'never') });
    expect(await vnaid.exited()).toEqual({ code: 2, signal: null });
    expect(vnaid.output()).toMatch(/Invalid configuration:\s+PORT:/);
    expect(existsSync(path.join(work, 'never'))).toBe(false);
  }, 60_000);
});
