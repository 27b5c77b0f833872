import pino from 'pino';
import { buildApp } from './app';
import { ConfigError, loadConfig } from '@config/env';
import { openDatabase } from '@db/connect';
import { demoAccounts } from '@db/demo/demo-accounts';
import { isEmpty, seedDemo } from '@db/demo/seed';
import { migrate } from '@db/migrate';
import { startDailyBundles } from '@modules/opendata/opendata.job';
import { startReportRetention } from '@modules/stats/reports/report-retention';
import { startJobWorker } from './jobs/worker';

/** Starts vnaid: configuration → database (embedded or DATABASE_URL) → migrations → demo data → HTTP. */
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
  const logger = pino({ level: config.logLevel, base: { service: 'vnaid' } });
  const started = Date.now();
  const handle = await openDatabase(config, (message) => logger.info({ component: 'database' }, message));
  logger.info({ engine: handle.engine, version: await handle.serverVersion() }, 'database ready');
  const applied = await migrate(handle.pool);
  if (applied.length) logger.info({ applied }, 'migrations applied');

  if (config.demo && (await isEmpty(handle.db))) {
    logger.info('empty database: loading synthetic demo data');
    await seedDemo(handle.db, (message) => logger.info({ component: 'demo' }, message));
  }

  const app = await buildApp({ db: handle.db, database: handle, config }, { logger: logger.child({ component: 'http' }) });
  app.addHook(
    'onClose',
    startJobWorker({
      db: handle.db,
      dataDir: config.dataDir,
      log: (message, details) => logger.info({ component: 'jobs', ...details }, message),
    }).stop,
  );
  // The daily open-data bundle is scheduled here, by the server process only (the HTTP plugin never schedules).
  const dailyBundles = startDailyBundles(handle.db, { log: (message) => logger.info({ component: 'opendata' }, message) });
  app.addHook('onClose', async () => dailyBundles.stop());
  const reportRetention = startReportRetention(handle.db, { log: (message) => logger.info({ component: 'reports' }, message) });
  app.addHook('onClose', async () => reportRetention.stop());
  void import('@modules/procedures/reminders').then((m) => m.startReminderJob(handle.db, config, logger.child({ component: 'reminders' })));
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const timer = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 25_000);
    try {
      await app.close();
      await handle.close();
      clearTimeout(timer);
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  logger.info({ url: `http://${config.host}:${config.port}/`, seconds: (Date.now() - started) / 1000 }, 'vnaid is ready');
  if (config.demo) {
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
}

main().catch((error: unknown) => {
  console.error('vnaid failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
