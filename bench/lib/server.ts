/**
 * The real application on a temporary database for the benchmarks: a fresh embedded PostgreSQL server (or the one
 * `databaseUrl` names), migrated, and the API listening on a loopback port so requests are timed end to end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { buildApp } from '../../src/app';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect';
import { migrate } from '../../src/db/migrate';
import { hashPassword } from '../../src/modules/auth/password';
import { testConfig } from '../../test/support/test-app';

export interface BenchDatabase {
  handle: DatabaseHandle;
  dataDir: string;
}

/**
 * Opens and migrates a benchmark database, runs `work`, then stops the server and removes its folder
 * (unless `keepDir` names a folder to keep between runs).
 */
export async function withBenchDatabase<T>(
  work: (bench: BenchDatabase) => Promise<T>,
  options: { databaseUrl?: string; keepDir?: string } = {},
): Promise<T> {
  const dataDir = options.keepDir ?? mkdtempSync(path.join(os.tmpdir(), 'vnaid-bench-'));
  const handle = await openDatabase({ databaseUrl: options.databaseUrl, dataDir });
  try {
    await migrate(handle.pool);
    return await work({ handle, dataDir });
  } finally {
    await handle.close();
    if (!options.keepDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

export interface BenchApp {
  /** `http://127.0.0.1:port` */
  base: string;
  close(): Promise<void>;
}

/** Starts the API (no web UI) on a free loopback port. */
export async function startBenchApp({ handle, dataDir }: BenchDatabase): Promise<BenchApp> {
  const app = await buildApp({ db: handle.db, database: handle, config: { ...testConfig, dataDir } }, { web: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { base: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** Creates an account with the given role and scope (if missing) and signs it in; returns its session cookie. */
export async function signedInCookie(
  bench: BenchDatabase,
  base: string,
  user: { username: string; role: 'admin' | 'central' | 'agency' | 'reviewer' | 'ngo'; agency_id?: string; organisation_id?: string },
): Promise<string> {
  const password = 'Bench-password-2026';
  await bench.handle.db
    .insertInto('users')
    .values({ display_name: user.username, password_hash: await hashPassword(password), ...user })
    .onConflict((oc) => oc.expression(sql`lower(username)`).doNothing())
    .execute();
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${user.username}: ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** GETs `url` and reads the whole body; throws on an error status so a broken route never looks fast. */
export async function fetchOk(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(url, { headers });
  await response.clone().arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response;
}

/** Runs `main` when the file is executed directly (not when imported, e.g. for its seed function). */
export function runWhenMain(moduleUrl: string, main: () => Promise<void>): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
