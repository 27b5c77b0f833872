import { sql, type Kysely } from 'kysely';
import type { Database } from '@db/types';

/** What @fastify/rate-limit expects of a store's answer: requests counted in the window and ms left in it. */
type Counted = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Counted) => void;
/** What names the route in the options @fastify/rate-limit hands to `child()` (its typings say RouteOptions). */
type RouteParams = { routeInfo?: { method?: string | string[]; url?: string } };

/** Expired counters are removed at most this often by each process. */
const SWEEP_EVERY_MS = 60_000;

/**
 * A @fastify/rate-limit store in PostgreSQL (`rate_limit_hits`, unlogged), so a limit counts the requests every
 * process answered: with several processes or servers on one database a client gets the same 429 whichever answers.
 * A fixed window per route and client, like the plugin's own LocalStore: the first request opens it, the rest count
 * in it until it runs out. One statement per counted request (a client's concurrent requests share one); while a
 * client is known to be over its limit, this process answers from memory until the window ends (more requests
 * change nothing: they are refused either way).
 * `continueExceeding` and `exponentialBackoff` are not supported (vnaid uses neither).
 * @returns the store class to pass as `store` when registering @fastify/rate-limit
 */
export function postgresRateLimitStore(db: Kysely<Database>) {
  let lastSweep = 0;
  const sweep = () => {
    const now = Date.now();
    if (now - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now;
    void db
      .deleteFrom('rate_limit_hits')
      .where('expires_at', '<', sql<Date>`now()`)
      .execute()
      .catch(() => undefined);
  };

  return class PostgresRateLimitStore {
    /** Keys over their limit in this process, with the end of their window (epoch ms) and the last count. */
    private readonly exceeded = new Map<string, { until: number; current: number }>();
    /** Keys with a statement running, and the requests waiting for the next one. */
    private readonly queued = new Map<string, Callback[]>();

    constructor(
      _params?: unknown,
      private readonly route = '*',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number, max: number): void {
      const name = `${this.route}|${key}`;
      const known = this.exceeded.get(name);
      if (known && known.until > Date.now()) {
        known.current++;
        callback(null, { current: known.current, ttl: known.until - Date.now() });
        return;
      }
      this.exceeded.delete(name);
      // While a statement for this key is running, later requests wait and are counted together by the next one:
      // one client's burst costs a few statements, not one per request queued on the same row lock.
      const queued = this.queued.get(name);
      if (queued) queued.push(callback);
      else {
        this.queued.set(name, []);
        void this.count(name, [callback], timeWindow, max);
      }
    }

    /** Counts `callbacks.length` requests in one statement and answers each with its own place in the window. */
    private async count(name: string, callbacks: Callback[], timeWindow: number, max: number): Promise<void> {
      sweep();
      const n = callbacks.length;
      let answer: { hits: number; ttl: number } | Error;
      try {
        const { rows } = await sql<{ hits: number; ttl: number }>`
          insert into rate_limit_hits as r (key, hits, expires_at)
          values (${name}, ${n}, now() + ${timeWindow} * interval '1 millisecond')
          on conflict (key) do update set
            hits = case when r.expires_at <= now() then excluded.hits else r.hits + excluded.hits end,
            expires_at = case when r.expires_at <= now() then excluded.expires_at else r.expires_at end
          returning hits, greatest(0, ceil(extract(epoch from (expires_at - now())) * 1000))::int as ttl`.execute(db);
        answer = rows[0]!;
        if (answer.hits > max) this.exceeded.set(name, { until: Date.now() + answer.ttl, current: answer.hits });
      } catch (error) {
        answer = error as Error;
      }
      const next = this.queued.get(name) ?? [];
      if (next.length) {
        this.queued.set(name, []);
        void this.count(name, next, timeWindow, max);
      } else this.queued.delete(name);
      callbacks.forEach((callback, i) =>
        answer instanceof Error ? callback(answer) : callback(null, { current: answer.hits - n + 1 + i, ttl: answer.ttl }),
      );
    }

    /** The count without counting (the plugin's `increment: false`). */
    read(key: string, callback: Callback): void {
      db.selectFrom('rate_limit_hits')
        .select(['hits', sql<number>`greatest(0, ceil(extract(epoch from (expires_at - now())) * 1000))::int`.as('ttl')])
        .where('key', '=', `${this.route}|${key}`)
        .where('expires_at', '>', sql<Date>`now()`)
        .executeTakeFirst()
        .then((row) => callback(null, row ? { current: row.hits, ttl: row.ttl } : { current: 0, ttl: 0 }))
        .catch((error: unknown) => callback(error as Error));
    }

    /** A store per rate-limited route, so each route counts its own requests (as the plugin's LocalStore does). */
    child(params: object): PostgresRateLimitStore {
      const info = (params as RouteParams).routeInfo ?? {};
      const method = Array.isArray(info.method) ? info.method.join(',') : (info.method ?? '*');
      return new PostgresRateLimitStore(undefined, `${method} ${info.url ?? '*'}`);
    }
  };
}
