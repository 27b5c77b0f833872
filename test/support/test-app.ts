import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app';
import type { AppConfig } from '../../src/config/env';
import type { Role } from '../../src/modules/auth/actor';
import { hashPassword } from '../../src/modules/auth/password';
import { createTestDatabase, type TestDatabase } from './test-database';

export const testConfig: AppConfig = {
  port: 0,
  host: '127.0.0.1',
  dataDir: '/nonexistent',
  databaseUrl: 'postgres://test',
  demo: false,
  logLevel: 'silent',
  secureCookies: false,
  smtpUrl: undefined,
  // Tests and benchmarks query the public directory far more than a visitor would.
  directoryRateLimit: { searchPerMinute: 1_000_000, exportPerMinute: 1_000_000 },
};

/** A signed-in browser session: the cookie and the CSRF token its writes must carry. */
export type Session = { cookie: string; csrfToken: string; userId: string };

export type TestContext = TestDatabase & {
  app: FastifyInstance;
  /** Creates an account directly in the database (password "Password-123"). */
  createUser(
    role: Role,
    scope?: { organisationId?: string; agencyId?: string; username?: string },
  ): Promise<{ id: string; username: string; password: string }>;
  /** Creates an account and signs it in through the API. */
  signInAs(role: Role, scope?: { organisationId?: string; agencyId?: string; username?: string }): Promise<Session>;
  /** `inject` with the session's cookie and CSRF header. */
  call(session: Session | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
};

let passwordHash: Promise<string> | undefined;
let counter = 0;

export async function createTestContext(): Promise<TestContext> {
  const database = await createTestDatabase();
  const app = await buildApp(
    {
      db: database.db,
      database: {
        engine: database.engine,
        serverVersion: async () => (await database.pool.query('show server_version')).rows[0].server_version,
      },
      config: testConfig,
    },
    { web: false },
  );
  await app.ready();
  const createUser: TestContext['createUser'] = async (role, scope = {}) => {
    passwordHash ??= hashPassword('Password-123');
    const username = scope.username ?? `${role}${++counter}_${Math.random().toString(36).slice(2, 7)}`;
    const row = await database.db
      .insertInto('users')
      .values({
        username,
        display_name: `Test ${role}`,
        role,
        password_hash: await passwordHash,
        organisation_id: scope.organisationId ?? null,
        agency_id: scope.agencyId ?? (role === 'agency' || role === 'reviewer' ? 'MOH' : null),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, username, password: 'Password-123' };
  };
  const signInAs: TestContext['signInAs'] = async (role, scope) => {
    const user = await createUser(role, scope);
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: user.username, password: user.password },
    });
    if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'vnaid_session');
    return { cookie: `vnaid_session=${cookie!.value}`, csrfToken: response.json().csrfToken, userId: user.id };
  };
  const call: TestContext['call'] = (session, options) =>
    app.inject({
      ...options,
      headers: { ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}), ...(options.headers ?? {}) },
    });
  return {
    ...database,
    app,
    createUser,
    signInAs,
    call,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
