import pino, { type Logger } from 'pino';
import { buildApp } from './app';
import { ConfigError, loadConfig, type AppConfig } from '@config/env';
import { openDatabase, type DatabaseHandle } from '@db/connect';
import { demoAccounts } from '@db/demo/demo-accounts';
import { addMissingDemoAccounts, isEmpty, seedDemo } from '@db/demo/seed';
import { migrate } from '@db/migrate';
import { startDailyBundles } from '@modules/opendata/opendata.job';
import { startReportRetention } from '@modules/stats/reports/report-retention';
import { startJobWorker } from './jobs/worker';
import { clusterEngine, isClusterWorker, runPrimary } from './process/cluster';
import { closeGracefully, countRequestsInFlight } from './process/graceful-close';

/** Requests still running this long after SIGTERM are cut; the process then stops normally (exit 0). */
const DRAIN_MS = 10_000;
/** Past this, something hung: the database (and embedded server) is stopped anyway and the process exits 1. */
const HARD_GUARD_MS = 25_000;

/** Opens, migrates and (demo mode, empty database) seeds the database: done once, by the process `npm start` runs. */
async function prepareDatabase(config: AppConfig, logger: Logger): Promise<DatabaseHandle> {
  const handle = await openDatabase(config, (message) => logger.info({ component: 'database' }, message));
  logger.info({ engine: handle.engine, version: await handle.serverVersion() }, 'database ready');
  const applied = await migrate(handle.pool);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  if (config.demo && (await isEmpty(handle.db))) {
    logger.info('empty database: loading synthetic demo data');
    await seedDemo(handle.db, (message) => logger.info({ component: 'demo' }, message));
  } else if (config.demo) {
    const added = await addMissingDemoAccounts(handle.db);
    if (added.length) logger.info({ added }, 'demo accounts added for new roles');
  }
  return handle;
}

/**
 * Serves HTTP and runs the background work (job worker, periodic tasks) on an open database, until SIGTERM/SIGINT:
 * no new connections, requests in flight finish (cut after 10 s), idle keep-alive connections are closed at once,
 * then the job worker and schedules stop, the pool closes and the embedded server (if this process started it)
 * stops; exit 0. Every process of `VNAID_PROCESSES=N` runs this; they share the work through PostgreSQL.
 */
async function serve(config: AppConfig, handle: DatabaseHandle, logger: Logger): Promise<void> {
  const database = { ...handle, engine: clusterEngine(handle) };
  const app = await buildApp({ db: handle.db, database, config }, { logger: logger.child({ component: 'http' }) });
  const inFlight = countRequestsInFlight(app.server);
  const jobs = startJobWorker({
    db: handle.db,
    dataDir: config.dataDir,
    log: (message, details) => logger.info({ component: 'jobs', ...details }, message),
  });
  const firstDelayMs = config.scheduleDelaySeconds === undefined ? undefined : config.scheduleDelaySeconds * 1000;
  // Periodic tasks are scheduled here, by server processes only (the HTTP plugin never schedules); each runs once
  // per period across all processes on the database.
  const dailyBundles = startDailyBundles(handle.db, {
    ...(firstDelayMs === undefined ? {} : { firstDelayMs }),
    log: (message) => logger.info({ component: 'opendata' }, message),
  });
  app.addHook('onClose', async () => dailyBundles.stop());
  const reportRetention = startReportRetention(handle.db, {
    ...(firstDelayMs === undefined ? {} : { firstDelayMs }),
    log: (message) => logger.info({ component: 'reports' }, message),
  });
  app.addHook('onClose', async () => reportRetention.stop());
  const reminders = await import('@modules/procedures/reminders');
  const stopReminders = reminders.startReminderJob(handle.db, config, logger.child({ component: 'reminders' }), undefined, firstDelayMs);
  app.addHook('onClose', async () => stopReminders());
  const { startObligationReminders } = await import('@modules/supervision/obligation-reminders');
  const stopObligationReminders = startObligationReminders(
    handle.db,
    logger.child({ component: 'supervision' }),
    firstDelayMs,
    undefined,
    config,
  );
  app.addHook('onClose', async () => stopObligationReminders());
  const { startAidReportReminders } = await import('@modules/aid/aid-reports.reminders');
  const stopAidReportReminders = startAidReportReminders(handle.db, logger.child({ component: 'aid-reports' }), firstDelayMs);
  app.addHook('onClose', async () => stopAidReportReminders());

  let closing = false;
  let databaseClosed: Promise<void> | undefined;
  const closeDatabase = () => (databaseClosed ??= handle.close());
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const guard = setTimeout(() => {
      logger.error('shutdown took too long: stopping the database and exiting');
      void closeDatabase().finally(() => process.exit(1));
    }, HARD_GUARD_MS);
    try {
      // The job worker stops alongside the HTTP side: a job still running after DRAIN_MS keeps its lease, which runs
      // out once this process has exited, and another process takes the job back.
      const [http] = await Promise.all([closeGracefully(app, inFlight, { drainMs: DRAIN_MS }), jobs.stop(DRAIN_MS)]);
      if (http === 'cut') {
        logger.warn(`requests still running after ${DRAIN_MS / 1000} s were cut`);
      }
      await closeDatabase();
      clearTimeout(guard);
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed; stopping the database');
      await closeDatabase().catch(() => undefined);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
}

/** Prints the demo accounts (demo mode), once, from the process `npm start` runs. */
async function printDemoAccounts(config: AppConfig, handle: DatabaseHandle): Promise<void> {
  if (!config.demo) return;
  const demoUsers = await handle.db.selectFrom('users').select('username').execute();
  const present = new Set(demoUsers.map((u) => u.username));
  const lines = demoAccounts
    .filter((a) => present.has(a.username))
    .map((a) => `  ${a.role.padEnd(9)} ${a.username.padEnd(10)} ${a.password}`);
  if (lines.length) {
    console.log(
      `\nvnaid demo (synthetic data) — http://${config.host}:${config.port}/\nDemo accounts (role, user name, password):\n${lines.join('\n')}\n`,
    );
  }
}

/**
 * Starts vnaid: configuration → database (embedded or DATABASE_URL) → migrations → demo data → HTTP. With
 * `VNAID_PROCESSES=N` (N > 1) this process prepares the database and forks N server processes sharing the port.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const base = isClusterWorker() ? { service: 'vnaid', process: process.pid } : { service: 'vnaid' };
  const logger = pino({ level: config.logLevel, base });
  const started = Date.now();
  const url = `http://${config.host}:${config.port}/`;

  if (isClusterWorker()) {
    // The primary migrated and seeded; a worker only opens the database by the URL it was given.
    const handle = await openDatabase(config, (message) => logger.info({ component: 'database' }, message));
    await serve(config, handle, logger);
    return;
  }
  const handle = await prepareDatabase(config, logger);
  const processes = config.processes ?? 1;
  if (processes > 1) await runPrimary(handle, processes, logger);
  else await serve(config, handle, logger);
  logger.info({ url, processes, seconds: (Date.now() - started) / 1000 }, 'vnaid is ready');
  await printDemoAccounts(config, handle);
}

main().catch((error: unknown) => {
  console.error('vnaid failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
