import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedServer, type EmbeddedServer } from '../../src/db/embedded';
import { migrate } from '../../src/db/migrate';
import { EMBEDDED_OWNER, EMBEDDED_RUNTIME, ensureRoles, type RoleLogin } from '../../src/db/roles';
import { asRole } from './role-url';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A connection string to the server's maintenance database, for creating per-file databases. */
    adminDatabaseUrl: string;
    templateDatabase: string;
    databaseEngine: 'embedded' | 'external';
    /** The schema owner (migrations, restore) and the least-privileged runtime login the test app connects as. */
    ownerRole: RoleLogin;
    runtimeRole: RoleLogin;
  }
}

const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

/**
 * Starts one PostgreSQL server for the whole run (the embedded one, or the server of TEST_DATABASE_URL) and
 * migrates a template database once; each test file then clones it, which takes milliseconds. As in production
 * (src/db/roles.ts), the template belongs to a non-superuser owner that migrates it, and the tests' app connects
 * as the runtime login, so a missing grant fails a test.
 */
export default async function setup(project: TestProject) {
  let server: EmbeddedServer | undefined;
  let dataDir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'vnaid-test-'));
    server = await startEmbeddedServer(dataDir);
    adminUrl = `postgres://${server.user}:${encodeURIComponent(server.password)}@127.0.0.1:${server.port}/postgres`;
  }
  const template = `vnaid_template_${process.pid}`;
  const roles = {
    owner: { name: EMBEDDED_OWNER, password: randomBytes(18).toString('base64url') },
    runtime: { name: EMBEDDED_RUNTIME, password: randomBytes(18).toString('base64url') },
  };
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await ensureRoles(admin, roles);
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template} owner ${roles.owner.name} encoding 'UTF8'`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: asRole(withDatabase(adminUrl, template), roles.owner) });
  await migrate(pool);
  await pool.end();

  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', template);
  project.provide('databaseEngine', server ? 'embedded' : 'external');
  project.provide('ownerRole', roles.owner);
  project.provide('runtimeRole', roles.runtime);

  return async () => {
    if (server) {
      await server.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  };
}
