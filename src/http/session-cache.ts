import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';

/** What a resolved session must name: the user, so a change to that user drops it. */
type Resolved = { actor: { userId: string } };
type Entry = { value: Resolved; userId: string; at: number };

export type SessionCacheOptions = {
  /** Serving from memory is allowed only while this says so (the change listener is connected). */
  enabled: () => boolean;
  /** How long a resolved session is reused at most (a safety net behind the notifications). */
  ttlMs?: number;
  maxEntries?: number;
};

declare module 'fastify' {
  interface FastifyInstance {
    sessionCache: SessionCache | null;
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Sessions this process resolved in the last few seconds, so a signed-in page does not cost two queries before
 * its own. Correctness comes from dropping them, not from the short TTL: every session or account change notifies
 * every process (sign-out, password change, deactivation, role or scope change: migration
 * 20261207150000_change_notifications), and a write answered by this process drops all of them before its answer
 * leaves. Failed look-ups are never kept.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private gen = 0;
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(private readonly options: SessionCacheOptions) {
    this.ttlMs = options.ttlMs ?? 5_000;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The session of `secret`: from memory when fresh, else from `load` (kept when nothing changed meanwhile). */
  async resolve<T extends Resolved>(secret: string, load: () => Promise<T | null>): Promise<T | null> {
    if (!this.options.enabled()) return load();
    const key = createHash('sha256').update(secret).digest('base64url');
    const entry = this.entries.get(key);
    if (entry && Date.now() - entry.at < this.ttlMs) return entry.value as T;
    if (entry) this.entries.delete(key);
    const generation = this.gen;
    const value = await load();
    if (value && generation === this.gen && this.options.enabled()) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { value, userId: value.actor.userId, at: Date.now() });
    }
    return value;
  }

  /** Drops the sessions of these users (or all, for '*'). */
  dropUsers(ids: readonly string[]): void {
    this.gen++;
    if (ids.includes('*')) return this.clear();
    const users = new Set(ids);
    for (const [key, entry] of this.entries) if (users.has(entry.userId)) this.entries.delete(key);
  }

  clear(): void {
    this.gen++;
    this.entries.clear();
  }
}

/**
 * Makes `cache` the app's session cache (read by src/http/authenticate.ts) and drops it after every write request
 * this process answers (sign-out, password change, an administrator's edit…), before that answer leaves.
 */
export function registerSessionCache(app: FastifyInstance, cache: SessionCache): void {
  app.decorate('sessionCache', cache);
  app.addHook('onSend', async (request, reply) => {
    if (WRITE_METHODS.has(request.method) && (reply.statusCode < 400 || reply.statusCode >= 500)) cache.clear();
  });
}

/** Resolves a session cookie through the app's session cache when it has one. */
export function resolveSessionCached<T extends Resolved>(
  app: FastifyInstance,
  secret: string,
  load: () => Promise<T | null>,
): Promise<T | null> {
  const cache = app.hasDecorator('sessionCache') ? app.sessionCache : null;
  return cache ? cache.resolve(secret, load) : load();
}
