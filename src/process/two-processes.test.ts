import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@domain/calendar';
import { vietnamToday } from '@common/time/vietnam-today';
import { createTestContext, type TestContext } from '../../test/support/test-app';
import { consultingDossier, createOrganisation, useTempDataDir } from '../modules/procedures/procedures.test-support';
import { startVnaid, type VnaidProcess } from '../cli/test-support/processes';

/**
 * Issue 11, "More than one process", on real processes: two vnaid servers (`src/main.ts`, as `npm start` runs it)
 * on one database. Jobs run exactly once, a live process's job is never taken back while a dead one's is, a
 * session opened on one works on the other, a rate limit counts the requests both answered, and the hourly
 * reminder is e-mailed once.
 */
const work = mkdtempSync(path.join(os.tmpdir(), 'vnaid-two-'));
let ctx: TestContext;
let smtp: SMTPServer;
const mails: string[] = [];
const servers: VnaidProcess[] = [];
let a: VnaidProcess;
let b: VnaidProcess;

const REPORT_PAYLOAD = { year: 2025, format: 'csv', lang: 'vi', scopeName: null, scopeId: null, filter: {} };
const insertJob = (values: Record<string, unknown> = {}) =>
  ctx.db
    .insertInto('jobs')
    .values({ kind: 'stats.report', payload: JSON.stringify(REPORT_PAYLOAD), requested_by: null, ...values })
    .returning('id')
    .executeTakeFirstOrThrow()
    .then((row) => row.id);
const job = (id: string) => ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const dataDirOf = (name: string) => path.join(work, name);

async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

let liveJob: string;
let deadJob: string;

beforeAll(async () => {
  useTempDataDir();
  ctx = await createTestContext();
  // A consultation unanswered for 30 days: its reviewer has an overdue step, and an e-mail address.
  const ngo = await ctx.signInAs('ngo', { organisationId: await createOrganisation(ctx) });
  const comingo = await ctx.signInAs('central', { agencyId: 'COMINGO' });
  const mps = await ctx.signInAs('reviewer', { agencyId: 'MPS' });
  const dossier = await consultingDossier(ctx, ngo, comingo, ['MPS']);
  await ctx.db
    .updateTable('dossier_consultations')
    .set({ requested_on: addDays(vietnamToday(), -30) })
    .where('dossier_id', '=', dossier)
    .execute();
  await ctx.db.updateTable('users').set({ email: 'y-kien@bocongan.test' }).where('id', '=', mps.userId).execute();

  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        mails.push(session.envelope.rcptTo.map((r) => r.address).join(','));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  // A job a live process (elsewhere) is running, with a lease it keeps renewing; one whose process died.
  liveJob = await insertJob({ status: 'running', attempts: 1, locked_by: 'live-elsewhere', lease_until: sql`now() + interval '1 hour'` });
  deadJob = await insertJob({ status: 'running', attempts: 1, locked_by: 'dead-elsewhere', lease_until: sql`now() - interval '1 second'` });

  const env = (name: string) => ({
    DATABASE_URL: ctx.runtimeUrl,
    DATABASE_OWNER_URL: ctx.url,
    VNAID_DATA_DIR: dataDirOf(name),
    VNAID_DIRECTORY_SEARCH_PER_MINUTE: '3',
    VNAID_SCHEDULE_DELAY_SECONDS: '1',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    SMTP_FROM: 'VNAID <no-reply@vnaid.test>',
  });
  [a, b] = await Promise.all([startVnaid(env('a')), startVnaid(env('b'))]);
  servers.push(a, b);
  await Promise.all([a.healthy(), b.healthy()]);
}, 300_000);

afterAll(async () => {
  for (const server of servers) {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGTERM');
      await server.exited();
    }
  }
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await ctx?.close();
  rmSync(work, { recursive: true, force: true });
}, 60_000);

describe('two vnaid processes on one database', () => {
  it('runs each queued job exactly once, whichever of the two processes claims it', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 16; i++) ids.push(await insertJob());
    await until(
      async () =>
        (await ctx.db.selectFrom('jobs').select('id').where('id', 'in', ids).where('status', '=', 'done').execute()).length === ids.length,
    );
    const rows = await ctx.db.selectFrom('jobs').select(['id', 'attempts', 'locked_by']).where('id', 'in', ids).execute();
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    // The side effect: each report file was written once, by one of the two processes, into its own data folder.
    for (const id of ids) {
      const written = ['a', 'b'].filter((name) => existsSync(path.join(dataDirOf(name), 'exports', `${id}.csv`)));
      expect({ id, written: written.length }).toEqual({ id, written: 1 });
    }
    // Which process claims which job depends on timing (on a loaded machine one may take them all): each job was
    // claimed by one of the two, and run once, is what holds.
    const pids = rows.map((r) => r.locked_by!.split(':')[1]);
    for (const pid of pids) expect([String(a.child.pid), String(b.child.pid)]).toContain(pid);
  }, 120_000);

  it('takes back the job of a dead process, and leaves alone the one a live process is running', async () => {
    await until(async () => (await job(deadJob)).status === 'done');
    expect(await job(deadJob)).toMatchObject({ attempts: 2 });
    expect(await job(liveJob)).toMatchObject({ status: 'running', attempts: 1, locked_by: 'live-elsewhere' });
  }, 120_000);

  it('accepts on one process the session opened on the other', async () => {
    const user = await ctx.createUser('central', { agencyId: 'COMINGO' });
    const signIn = await fetch(`http://127.0.0.1:${a.port}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: user.password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const session = await fetch(`http://127.0.0.1:${b.port}/api/auth/session`, { headers: { cookie } });
    expect(session.status).toBe(200);
    expect(JSON.stringify(await session.json())).toContain(user.username);
    const anonymous = await fetch(`http://127.0.0.1:${b.port}/api/auth/session`);
    expect(JSON.stringify(await anonymous.json())).not.toContain(user.username);
  });

  it('counts a client’s requests to both processes against one rate limit', async () => {
    const search = (server: VnaidProcess) => fetch(`http://127.0.0.1:${server.port}/api/public/organisations?q=x`).then((r) => r.status);
    expect([await search(a), await search(b), await search(a)]).toEqual([200, 200, 200]);
    expect(await search(b)).toBe(429);
    expect(await search(a)).toBe(429);
  });

  it('e-mails the overdue reminder once, though both processes run the hourly check', async () => {
    await until(async () => mails.length > 0);
    // Both processes checked within a second of starting; give a late duplicate every chance to arrive.
    await until(
      async () =>
        (
          await ctx.db
            .selectFrom('scheduled_runs')
            .select('task')
            .where('task', '=', 'procedures.reminders')
            .where('finished_at', 'is not', null)
            .execute()
        ).length === 1,
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(mails).toEqual(['y-kien@bocongan.test']);
    const runs = await ctx.db.selectFrom('scheduled_runs').selectAll().where('task', '=', 'procedures.reminders').execute();
    expect(runs).toHaveLength(1);
  }, 120_000);
});
