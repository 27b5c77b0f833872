import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runningEmbeddedServer } from '../db/open-for-tool';
import { isAlive, startVnaid, type VnaidProcess } from '../cli/test-support/processes';

/**
 * Issue 11, defect 4, on a real process: a connection kept open (a browser's keep-alive socket, or one it opened
 * ahead without a request yet) must not hold the shutdown: SIGTERM ends vnaid with 0 within seconds and the
 * embedded PostgreSQL server is stopped with it.
 */
const work = mkdtempSync(path.join(os.tmpdir(), 'vnaid-shutdown-'));
chmodSync(work, 0o755);
const dataDir = path.join(work, 'data');
let vnaid: VnaidProcess | undefined;

afterAll(async () => {
  if (vnaid && vnaid.child.exitCode === null && vnaid.child.signalCode === null) vnaid.child.kill('SIGKILL');
  const leftover = await runningEmbeddedServer(dataDir);
  if (leftover) process.kill(leftover.pid, 'SIGINT');
  rmSync(work, { recursive: true, force: true });
}, 60_000);

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  return !isAlive(pid);
}

describe('SIGTERM with connections left open', () => {
  it('exits 0 within seconds and stops the embedded server, with a keep-alive socket and a socket without a request', async () => {
    vnaid = await startVnaid({ VNAID_DATA_DIR: dataDir, VNAID_DEMO: '0' });
    await vnaid.healthy();
    const server = await runningEmbeddedServer(dataDir);
    expect(server).toBeDefined();

    // A keep-alive connection that served one request and stays open…
    const agent = new http.Agent({ keepAlive: true, keepAliveMsecs: 60_000 });
    const status = await new Promise<number>((resolve, reject) =>
      http
        .get({ host: '127.0.0.1', port: vnaid!.port, path: '/api/health', agent }, (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        })
        .on('error', reject),
    );
    expect(status).toBe(200);
    expect(Object.values(agent.freeSockets).flat()).toHaveLength(1);
    // …and one opened ahead, as browsers do, that has not sent a request yet.
    const preconnected = net.connect(vnaid.port, '127.0.0.1');
    preconnected.on('error', () => undefined);
    await new Promise((resolve) => preconnected.once('connect', resolve));

    const asked = Date.now();
    vnaid.child.kill('SIGTERM');
    expect(await vnaid.exited()).toEqual({ code: 0, signal: null });
    expect(Date.now() - asked).toBeLessThan(8_000);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(await gone(server!.pid)).toBe(true);
    preconnected.destroy();
    agent.destroy();
  }, 200_000);
});
