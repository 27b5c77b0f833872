import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../../../src/app';
import { openDatabase, type DatabaseHandle } from '../../../src/db/connect';
import { seedDemo } from '../../../src/db/demo/seed';
import { migrate } from '../../../src/db/migrate';
import { testConfig } from '../../support/test-app';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

/**
 * Builds the web UI if stale, then runs the real application (HTTP server, built UI, demo data) on a fresh
 * database, on the embedded server or on TEST_DATABASE_URL's server. All browser test files share it.
 */
export default async function setup(project: TestProject) {
  execSync('npx tsx scripts/build-web-if-stale.ts', { stdio: 'inherit' });
  let dataDir: string | undefined;
  let handle: DatabaseHandle;
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    const name = `vnaid_e2e_${process.pid}`;
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(external);
    url.pathname = `/${name}`;
    handle = await openDatabase({ databaseUrl: url.toString(), dataDir: '/nonexistent' });
  } else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'vnaid-e2e-'));
    handle = await openDatabase({ databaseUrl: undefined, dataDir });
  }
  await migrate(handle.pool);
  await seedDemo(handle.db);
  const app: FastifyInstance = await buildApp({
    db: handle.db,
    database: handle,
    config: { ...testConfig, dataDir: dataDir ?? os.tmpdir() },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  project.provide('e2eBaseUrl', `http://127.0.0.1:${port}`);
  return async () => {
    await app.close();
    await handle.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
