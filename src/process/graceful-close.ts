import type { FastifyInstance } from 'fastify';
import type { Server } from 'node:http';

/**
 * Counts the requests a server is answering right now (from the request until its response is sent or aborted),
 * so shutdown knows when the connections left open carry nothing but idle keep-alive.
 * @returns a function reading the count
 */
export function countRequestsInFlight(server: Server): () => number {
  let inFlight = 0;
  server.on('request', (_request, response) => {
    inFlight++;
    response.once('close', () => inFlight--);
  });
  return () => inFlight;
}

/**
 * Stops the HTTP side of a process: no new connections, requests in flight finish, then every connection is closed.
 * Node's `server.close()` only closes connections it sees as idle, and a keep-alive socket that has not sent a
 * request yet (browsers open them ahead) does not count as idle, so it would hold `close()` until its keep-alive
 * timeout (72 s). Here, as soon as no request is in flight, or after `drainMs` whatever, the remaining connections
 * are closed too. Then the app's onClose hooks run (job worker, schedules).
 * @returns 'drained' when every request finished, 'cut' when some were still running after `drainMs`
 */
export async function closeGracefully(
  app: FastifyInstance,
  inFlight: () => number,
  options: { drainMs: number; pollMs?: number },
): Promise<'drained' | 'cut'> {
  const server = app.server;
  const started = Date.now();
  let outcome: 'drained' | 'cut' = 'drained';
  const sweep = () => {
    if (inFlight() === 0) server.closeAllConnections();
    else if (Date.now() - started >= options.drainMs) {
      outcome = 'cut';
      server.closeAllConnections();
    } else server.closeIdleConnections();
  };
  const poll = setInterval(sweep, options.pollMs ?? 50);
  try {
    const closing = app.close();
    sweep();
    await closing;
  } finally {
    clearInterval(poll);
  }
  return outcome;
}
