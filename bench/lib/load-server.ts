/**
 * A server for bench/load.ts, run in its own process so the load generator and the server do not share one event
 * loop: `--bare` serves one bare Fastify route (the yardstick), otherwise vnaid's API on `DATABASE_URL`.
 *
 *   DATABASE_URL=postgres://… node --import tsx bench/lib/load-server.ts [--bare]
 *
 * Prints one line `{"port":N}` once listening; SIGTERM closes it and exits 0 (so `--cpu-prof` writes its profile).
 */
import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../src/app';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect';
import { testConfig } from '../../test/support/test-app';

/** The yardstick: Fastify answering one small JSON object, no hooks, no database. */
async function bareServer(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  return app;
}

/** vnaid's API as `npm start` serves it (request logs at info level, here into /dev/null), without the web UI. */
async function vnaidServer(url: string): Promise<{ app: FastifyInstance; handle: DatabaseHandle }> {
  const handle = await openDatabase({ databaseUrl: url, dataDir: '/nonexistent' });
  const logger = pino({ level: process.env.VNAID_LOG_LEVEL ?? 'info' }, pino.destination('/dev/null'));
  const app = await buildApp({ db: handle.db, database: handle, config: { ...testConfig, databaseUrl: url } }, { web: false, logger });
  await app.ready();
  await app.changeCaches?.listener.whenConnected();
  return { app, handle };
}

async function main(): Promise<void> {
  const bare = process.argv.includes('--bare');
  const url = process.env.DATABASE_URL;
  if (!bare && !url) throw new Error('DATABASE_URL is required');
  const { app, handle } = bare ? { app: await bareServer(), handle: undefined } : await vnaidServer(url!);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
  process.on('SIGTERM', () => {
    void (async () => {
      await app.close();
      await handle?.close();
      process.exit(0);
    })();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
