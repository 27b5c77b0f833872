/**
 * Throughput benchmark: vnaid's routes under concurrent load next to a bare Fastify route on the same machine, in
 * one run, each printed as a ratio of the bare route. On a temporary embedded PostgreSQL server with the demo data.
 *
 *   npx tsx bench/load.ts [--quick] [--duration 20] [--mixed-duration 60]
 *
 * Targets (issue 11): the public summary, by-province and directory page 1 at 120 connections ≥ 25 % of the bare
 * route's requests per second; the signed-in aid list ≥ 400 req/s with p99 < 250 ms at 50 connections; then 200
 * connections of mixed public and signed-in requests for 60 s with 0 errors. `--quick`: a few seconds each (a smoke
 * run, not figures to quote).
 *
 * The bare route and vnaid each run in their own process (bench/lib/load-server.ts), so the load generator (this
 * process, autocannon) does not share their event loop; everything listens on 127.0.0.1 only. vnaid logs as in
 * production (pino at info, into /dev/null) and keeps its in-memory caches: the first requests fill them, and the
 * warm-up runs before timing. `cpu ms` is the CPU time the server (and PostgreSQL, for vnaid) spent per request,
 * read from /proc: on a shared machine it moves much less than requests per second do.
 */
import autocannon, { type Request, type Result } from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { demoAccounts } from '../src/db/demo/demo-accounts';
import { seedDemo } from '../src/db/demo/seed';
import { numberArg } from './lib/args';
import { runWhenMain, withBenchDatabase } from './lib/server';

const QUICK = process.argv.includes('--quick');
const DURATION = numberArg('duration', QUICK ? 3 : 20);
const MIXED_DURATION = numberArg('mixed-duration', QUICK ? 5 : 60);
const YEAR = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear() - 1;

/** Linux's USER_HZ: /proc CPU times are counted in these ticks. */
const TICKS_PER_SECOND = 100;

type Server = { base: string; child: ChildProcess };

/** Starts bench/lib/load-server.ts and waits for its `{"port":N}` line. */
async function startServer(args: string[], env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/load-server.ts', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`load server exited (${code})`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
  });
  return { base: `http://127.0.0.1:${port}`, child };
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

/** Signs in as the demo account of a role; returns the session cookie. */
async function signIn(base: string, role: 'central'): Promise<string> {
  const account = demoAccounts.find((a) => a.role === role)!;
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${account.username}: ${response.status} ${await response.text()}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

type Run = { name: string; connections: number; result: Result; cpuMsPerRequest: number | null };

/** CPU time (ms) used so far by process `pid` (Linux /proc; null elsewhere). */
function cpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** The parent process id of `pid` (Linux /proc), or null. */
function parentOf(pid: string): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
  } catch {
    return null;
  }
}

/** CPU time of the measured processes: a server, and the database server's processes when known. */
function measuredCpuMs(): number | null {
  if (!measured.server) return null;
  const server = cpuMs(measured.server);
  const postmaster = measured.postmaster;
  if (server === null || postmaster === null) return server;
  const backends = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry) && parentOf(entry) === postmaster);
  return server + (cpuMs(postmaster) ?? 0) + backends.reduce((sum, pid) => sum + (cpuMs(Number(pid)) ?? 0), 0);
}

/** Which processes `load` charges: the server under test and, for vnaid, the PostgreSQL server. */
let measured: { server?: number; postmaster: number | null } = { postmaster: null };

/**
 * One autocannon run; any non-2xx answer or socket error counts as an error. Also the CPU time the server (and the
 * database) spent per request: on a shared machine, requests per second move with everyone else's load, this less.
 */
async function load(
  name: string,
  url: string,
  connections: number,
  duration: number,
  options: { headers?: Record<string, string>; requests?: Request[] } = {},
): Promise<Run> {
  const before = measuredCpuMs();
  const result = await autocannon({ url, connections, duration, headers: options.headers, requests: options.requests });
  const after = measuredCpuMs();
  const total = result.requests.total;
  return { name, connections, result, cpuMsPerRequest: before !== null && after !== null && total > 0 ? (after - before) / total : null };
}

/** The embedded PostgreSQL server's process id (from its postmaster.pid), or null. */
function postmasterOf(dataDir: string): number | null {
  try {
    return Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
  } catch {
    return null;
  }
}

// autocannon counts a timeout among its errors too.
const errorsOf = (r: Result) => r.errors + r.non2xx;

/** Warm-up (JIT, plans, caches) without timing. */
const warm = (url: string, headers?: Record<string, string>) => load('warm-up', url, 10, QUICK ? 1 : 3, { headers });

function line(run: Run, bare: Result | null, target: string, met: boolean | null): string {
  const r = run.result;
  const ratio = bare ? `${((100 * r.requests.average) / bare.requests.average).toFixed(1).padStart(5)} %` : '      ';
  return [
    run.name.padEnd(30),
    String(run.connections).padStart(5),
    r.requests.average.toFixed(0).padStart(8),
    `${r.latency.p50}`.padStart(7),
    `${r.latency.p99}`.padStart(7),
    String(errorsOf(r)).padStart(7),
    (run.cpuMsPerRequest === null ? '-' : run.cpuMsPerRequest.toFixed(2)).padStart(7),
    ratio.padStart(8),
    `  ${target}${met === null ? '' : met ? ': met' : ': NOT met'}`,
    errorsOf(r) > 0 ? ` (timeouts ${r.timeouts}, socket errors ${r.errors - r.timeouts}, non-2xx ${r.non2xx})` : '',
  ]
    .join(' ')
    .trimEnd();
}

async function main(): Promise<void> {
  await withBenchDatabase(async (bench) => {
    const started = Date.now();
    await seedDemo(bench.handle.db);
    console.log(
      `demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s (PostgreSQL ${await bench.handle.serverVersion()}, embedded)`,
    );
    const bare = await startServer(['--bare'], {});
    const vnaid = await startServer([], { DATABASE_URL: bench.handle.url });
    try {
      const cookie = await signIn(vnaid.base, 'central');
      const routes = {
        summary: `/api/public/stats/summary?year=${YEAR}`,
        byProvince: `/api/public/stats/by-province?year=${YEAR}`,
        directory: '/api/public/organisations?page=1',
        aid: '/api/aid?pageSize=25',
      };
      for (const path of Object.values(routes)) {
        const response = await fetch(vnaid.base + path, { headers: path === routes.aid ? { cookie } : {} });
        if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      }
      console.log(
        `${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}; ${DURATION} s per route${QUICK ? ' (quick: not figures to quote)' : ''}\n`,
      );
      console.log(
        `${'route'.padEnd(30)} ${'conns'.padStart(5)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'errors'.padStart(7)} ${'cpu ms'.padStart(7)} ${'of bare'.padStart(8)}   target`,
      );

      measured = { server: bare.child.pid, postmaster: null };
      await warm(`${bare.base}/`);
      const yardstick = await load('bare Fastify route', `${bare.base}/`, 120, DURATION);
      console.log(line(yardstick, null, 'the yardstick', null));
      measured = { server: vnaid.child.pid, postmaster: postmasterOf(bench.dataDir) };
      const ratioTarget = 0.25;
      const publicRuns: [string, string][] = [
        ['public summary', routes.summary],
        ['public by-province', routes.byProvince],
        ['directory page 1', routes.directory],
      ];
      for (const [name, path] of publicRuns) {
        await warm(vnaid.base + path);
        const run = await load(name, vnaid.base + path, 120, DURATION);
        const ok = run.result.requests.average >= ratioTarget * yardstick.result.requests.average && errorsOf(run.result) === 0;
        console.log(line(run, yardstick.result, '≥ 25 % of bare, 0 errors', ok));
      }
      await warm(vnaid.base + routes.aid, { cookie });
      const aid = await load('signed-in aid list', vnaid.base + routes.aid, 50, DURATION, { headers: { cookie } });
      const aidOk = aid.result.requests.average >= 400 && aid.result.latency.p99 < 250 && errorsOf(aid.result) === 0;
      console.log(line(aid, yardstick.result, '≥ 400 req/s, p99 < 250 ms', aidOk));

      // A visitor's pages and an officer's, interleaved on every connection.
      const signed = { cookie };
      const mixed: Request[] = [
        { path: routes.summary },
        { path: routes.aid, headers: signed },
        { path: routes.byProvince },
        { path: `/api/public/stats/by-sector?year=${YEAR}` },
        { path: `/api/aid?pageSize=25&year=${YEAR}&sort=committedUsd&order=desc`, headers: signed },
        { path: routes.directory },
        { path: `/api/public/stats/trend?year=${YEAR}` },
        { path: '/api/public/organisations?q=tre%20em' },
        { path: `/api/stats/dashboard?year=${YEAR}` },
        { path: '/api/auth/session', headers: signed },
      ];
      const mix = await load(`mixed (${mixed.length} routes)`, vnaid.base, 200, MIXED_DURATION, { requests: mixed });
      console.log(line(mix, yardstick.result, `${MIXED_DURATION} s, 0 errors`, errorsOf(mix.result) === 0));
      console.log(`\nload average ${os.loadavg()[0]!.toFixed(1)}`);
    } finally {
      await stopServer(vnaid);
      await stopServer(bare);
    }
  });
}

runWhenMain(import.meta.url, main);
