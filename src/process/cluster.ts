import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import type { DatabaseEngine, DatabaseHandle } from '@db/connect';

/** Set by the primary for its workers: the engine the database really is (workers reach it by its URL). */
const ENGINE_VARIABLE = 'VNAID_CLUSTER_ENGINE';

/** True in a server process forked by the primary of `VNAID_PROCESSES=N`. */
export const isClusterWorker = (): boolean => cluster.isWorker;

/** The engine a worker reports in /api/health: the primary's (the embedded server it started), not "external". */
export function clusterEngine(handle: DatabaseHandle): DatabaseEngine {
  const given = process.env[ENGINE_VARIABLE];
  return given === 'embedded' || given === 'external' ? given : handle.engine;
}

/**
 * `VNAID_PROCESSES=N`: this process (the primary) has opened, migrated and seeded the database once; it forks N
 * workers that each serve the same port (node:cluster shares the listening socket) on that database, restarts a
 * worker that dies, and on SIGTERM/SIGINT stops the workers (each finishes its requests) before the database and the
 * embedded server. Jobs, schedules, sessions and rate limits are shared through PostgreSQL, so it does not matter
 * which worker answers.
 * @returns when every worker listens
 */
export async function runPrimary(handle: DatabaseHandle, processes: number, logger: Logger): Promise<void> {
  const env = { DATABASE_URL: handle.url, VNAID_DEMO: '0', [ENGINE_VARIABLE]: handle.engine };
  let stopping = false;
  let ready = false;
  const fork = (): Worker => cluster.fork(env);
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!ready) {
      // A worker that cannot even start (port taken, database refused) would fail again: give up, cleanly.
      logger.error({ worker: worker.id, code, signal }, 'a server process failed to start');
      void stop('start-up failure', 1);
      return;
    }
    logger.error({ worker: worker.id, code, signal }, 'server process stopped unexpectedly; starting another');
    setTimeout(() => {
      if (!stopping) fork();
    }, 1000).unref();
  });

  const stop = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: stopping the server processes');
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    const exited = Promise.all(
      workers.map((w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once('exit', () => resolve())))),
    );
    for (const worker of workers) worker.process.kill('SIGTERM');
    let forced = false;
    const guard = setTimeout(() => {
      forced = true;
      logger.error('server processes took too long to stop; killing them');
      for (const worker of workers) if (!worker.isDead()) worker.process.kill('SIGKILL');
    }, 30_000);
    await exited;
    clearTimeout(guard);
    await handle.close();
    logger.info('stopped');
    process.exit(forced ? 1 : exitCode);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  const listening = new Set<number>();
  await new Promise<void>((resolve) => {
    cluster.on('listening', (worker) => {
      listening.add(worker.id);
      if (listening.size === processes) {
        ready = true;
        resolve();
      }
    });
    for (let i = 0; i < processes; i++) fork();
  });
}
