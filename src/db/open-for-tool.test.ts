import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blankDatabase } from '../cli/test-support/databases';
import { startEmbeddedServer } from './embedded';
import { openDatabaseForTool, runningEmbeddedServer } from './open-for-tool';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vnaid-tool-db-'));
const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('opening the database for a command-line tool', () => {
  it('refuses a folder without data when asked to, instead of creating an empty database', async () => {
    await expect(openDatabaseForTool({ dataDir, databaseUrl: undefined }, () => undefined, { mustExist: true })).rejects.toThrow(
      /no vnaid database in/,
    );
    expect(existsSync(path.join(dataDir, 'pg'))).toBe(false);
  });

  it('starts the embedded server when none runs, and stops it again on close', async () => {
    const handle = await openDatabaseForTool({ dataDir, databaseUrl: undefined });
    expect(handle).toMatchObject({ engine: 'embedded', attached: false });
    expect((await handle.pool.query('select 1 as ok')).rows).toEqual([{ ok: 1 }]);
    expect(await runningEmbeddedServer(dataDir)).toBeDefined();
    await handle.pool.end();
    await handle.close();
    expect(existsSync(pidFile)).toBe(false);
    expect(await runningEmbeddedServer(dataDir)).toBeUndefined();
  });

  it('borrows a running server (as vnaid runs it) without starting a second one or stopping it', async () => {
    const server = await startEmbeddedServer(dataDir);
    try {
      const before = readFileSync(pidFile, 'utf8');
      const running = await runningEmbeddedServer(dataDir);
      expect(running).toEqual({ pid: Number(before.split('\n')[0]), port: server.port });
      const logs: string[] = [];
      const handle = await openDatabaseForTool({ dataDir, databaseUrl: undefined }, (m) => logs.push(m));
      expect(handle).toMatchObject({ engine: 'embedded', attached: true });
      expect((await handle.pool.query<{ port: string }>(`select current_setting('port') as port`)).rows[0]?.port).toBe(String(server.port));
      expect(logs.join('\n')).toMatch(/already running/);
      await handle.pool.end();
      await handle.close();
      expect(readFileSync(pidFile, 'utf8')).toBe(before);
      expect(await runningEmbeddedServer(dataDir)).toEqual(running);
    } finally {
      await server.stop();
    }
  });

  it('treats a postmaster.pid left by a crashed server (dead process) as no server', async () => {
    writeFileSync(pidFile, `999999999\n${path.join(dataDir, 'pg')}\n0\n54321\n`);
    try {
      expect(await runningEmbeddedServer(dataDir)).toBeUndefined();
    } finally {
      rmSync(pidFile, { force: true });
    }
  });

  it('uses DATABASE_URL when it is set, as an external server', async () => {
    const blank = await blankDatabase();
    try {
      const handle = await openDatabaseForTool({ dataDir: '/nonexistent', databaseUrl: blank.url });
      expect(handle).toMatchObject({ engine: 'external', attached: false });
      expect((await handle.pool.query('select current_database() as db')).rows[0]?.db).toBe(blank.name);
      await handle.pool.end();
      await handle.close();
    } finally {
      await blank.drop();
    }
  });
});
