import pg from 'pg';

/** What the caches of one process hear from the database (see migration 20261207150000_change_notifications). */
export type ChangeHandlers = {
  /** A NOTIFY on one of the channels listened to, delivered when the writing transaction committed. */
  onNotify(channel: string, payload: string): void;
  /**
   * The connection was lost or (re)established: notifications may have been missed, so whatever was derived from
   * the database must be dropped. Called with `connected` false when lost, true once listening again.
   */
  onReset(connected: boolean): void;
};

export type ChangeListener = {
  /** True while LISTENing: a cache may serve from memory only then. */
  readonly connected: boolean;
  /** Resolves once listening (at once when already): tests and benchmarks wait for it before timing. */
  whenConnected(): Promise<void>;
  close(): Promise<void>;
};

export type ChangeListenerOptions = {
  /** First reconnection delay (doubled up to 30 s after each failure). */
  retryMs?: number;
  /** How often the idle connection is checked, so a silently dead one is noticed. */
  pingMs?: number;
  log?: (message: string) => void;
};

const MAX_RETRY_MS = 30_000;

/**
 * LISTENs on `channels` over one dedicated connection (not one of the pool's), reconnecting with backoff when it
 * drops. Several processes can serve one database; this is how a write made by any of them, or by a job or a tool,
 * reaches the in-memory caches of all.
 */
export function listenForChanges(
  connectionString: string,
  channels: readonly string[],
  handlers: ChangeHandlers,
  options: ChangeListenerOptions = {},
): ChangeListener {
  const baseRetry = options.retryMs ?? 1_000;
  let retry = baseRetry;
  let client: pg.Client | null = null;
  let connected = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let ping: NodeJS.Timeout | undefined;
  let waiters: (() => void)[] = [];

  const lost = (reason: string) => {
    if (ping) clearInterval(ping);
    const current = client;
    client = null;
    current?.removeAllListeners();
    current?.on('error', () => undefined);
    void current?.end().catch(() => undefined);
    const was = connected;
    connected = false;
    if (was) handlers.onReset(false);
    if (closed) return;
    options.log?.(`change listener: ${reason}; reconnecting in ${retry} ms`);
    timer = setTimeout(() => void open(), retry);
    timer.unref();
    retry = Math.min(retry * 2, MAX_RETRY_MS);
  };

  const open = async () => {
    if (closed) return;
    const next = new pg.Client({ connectionString, keepAlive: true, application_name: 'vnaid-change-listener' });
    client = next;
    next.on('error', (error) => lost(error.message));
    next.on('end', () => client === next && lost('connection ended'));
    next.on('notification', (message) => handlers.onNotify(message.channel, message.payload ?? ''));
    try {
      await next.connect();
      for (const channel of channels) await next.query(`listen ${next.escapeIdentifier(channel)}`);
    } catch (error) {
      if (client === next) lost((error as Error).message);
      return;
    }
    if (closed || client !== next) return void next.end().catch(() => undefined);
    retry = baseRetry;
    connected = true;
    handlers.onReset(true);
    for (const wake of waiters) wake();
    waiters = [];
    ping = setInterval(() => {
      next.query('select 1').catch((error: Error) => client === next && lost(error.message));
    }, options.pingMs ?? 30_000);
    ping.unref();
  };

  void open();
  return {
    get connected() {
      return connected;
    },
    whenConnected() {
      return connected ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (ping) clearInterval(ping);
      const current = client;
      client = null;
      connected = false;
      await current?.end().catch(() => undefined);
    },
  };
}
