import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root, where `npm start` and `npm run …` run. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The environment of a spawned vnaid or tool: this one without the variables that would point it elsewhere, plus
 * `env`. Node runs tsx as a loader (`node --import tsx`), so the child is ONE process whose pid is vnaid's own
 * (`npx tsx` would put npx and a second node in between, and a SIGKILL would miss vnaid).
 */
function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of [
    'DATABASE_URL',
    'VNAID_DATA_DIR',
    'VNAID_DEMO',
    'PORT',
    'HOST',
    'INIT_CWD',
    'NODE_OPTIONS',
    'VITEST',
    'VITEST_POOL_ID',
    'VITEST_WORKER_ID',
  ])
    delete base[name];
  return { ...base, VNAID_LOG_LEVEL: 'info', ...env };
}

export type Finished = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** Runs `node --import tsx <script> ...args` from the repository root, feeding `input` on stdin. */
export function runScript(
  script: string,
  args: string[],
  options: { env?: Record<string, string | undefined>; input?: string; timeoutMs?: number } = {},
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: childEnv(options.env ?? {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      // 'exit' can come before the pipes are drained; 'close' waits for them.
      child.on('close', () => resolve({ code, signal, stdout, stderr }));
    });
    child.stdin.end(options.input ?? '');
  });
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A vnaid server started as `npm start` starts it (src/main.ts), with its output collected. */
export type VnaidProcess = {
  child: ChildProcess;
  port: number;
  output(): string;
  /** Resolves with the health document once /api/health answers 200; rejects if vnaid exits first. */
  healthy(timeoutMs?: number): Promise<{ status: string; database: { engine: string; version?: string } }>;
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export async function startVnaid(env: Record<string, string | undefined>): Promise<VnaidProcess> {
  const port = env.PORT && /^\d+$/.test(env.PORT) ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: childEnv({ PORT: String(port), ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let gone = false;
  void exit.then(() => (gone = true));
  return {
    child,
    port,
    output: () => output,
    exited: () => exit,
    async healthy(timeoutMs = 150_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (gone) throw new Error(`vnaid exited before it was healthy:\n${output}`);
        const response = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
        if (response?.status === 200) return (await response.json()) as Awaited<ReturnType<VnaidProcess['healthy']>>;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`vnaid was not healthy within ${timeoutMs} ms:\n${output}`);
    },
  };
}

/** True while a process with this pid exists (EPERM: it exists but belongs to another account). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
