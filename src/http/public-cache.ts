import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { createHash } from 'node:crypto';
import { requestLanguage } from './error-handler';

/**
 * Which answers of a route may be kept in memory: `everyone` when the answer never depends on who asks (the
 * directory search), `anonymous` when only visitors' answers are the same for all (the statistics routes, which
 * answer an officer within its scope), `scope` when the answer depends on the caller only through its data scope
 * (role, agency, province, organisation: the aid list), which then is part of the key.
 */
export type PublicCacheMode = 'everyone' | 'anonymous' | 'scope';

declare module 'fastify' {
  interface FastifyContextConfig {
    publicCache?: PublicCacheMode;
  }
  interface FastifyRequest {
    publicCacheKey?: string;
    publicCacheGeneration?: number;
  }
}

type Entry = { payload: string; etag: string; contentType: string };

export type PublicCacheOptions = {
  /** Serving from memory is allowed only while this says so (the change listener is connected). */
  enabled: () => boolean;
  maxEntries?: number;
  maxBytes?: number;
};

/**
 * The public figures and directory pages kept in memory, keyed by route, normalised query, language and date,
 * bounded (least recently used first out). Every change to what they are read from empties it: a write through
 * this process at once, any other write by the database's notification (see src/http/change-caches.ts). The
 * generation guards against a request that read the old data storing it after a change emptied the cache.
 */
export class PublicCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private gen = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;

  constructor(private readonly options: PublicCacheOptions) {
    this.maxEntries = options.maxEntries ?? 2_000;
    this.maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  }

  get generation(): number {
    return this.gen;
  }

  get size(): number {
    return this.entries.size;
  }

  get enabled(): boolean {
    return this.options.enabled();
  }

  /** Forgets everything (the data changed, or changes may have been missed). */
  clear(): void {
    this.gen++;
    this.entries.clear();
    this.bytes = 0;
  }

  get(key: string): Entry | undefined {
    if (!this.enabled) return undefined;
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Keeps an answer computed since `generation` was read, unless the data changed meanwhile. */
  set(key: string, entry: Entry, generation: number): void {
    if (generation !== this.gen || !this.enabled) return;
    const size = entry.payload.length + key.length;
    if (size > this.maxBytes / 8) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= previous.payload.length + key.length;
    }
    this.entries.set(key, entry);
    this.bytes += size;
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.payload.length + oldKey.length;
    }
  }
}

/** A weak validator of the exact bytes of an answer (the same in every process for the same data). */
export function etagOf(payload: string): string {
  return `W/"${createHash('sha1').update(payload).digest('base64url')}"`;
}

/** True when an If-None-Match header names `etag` (weak comparison, lists and `*` included). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

/** Object keys sorted at every level, so `?b=1&a=2` and `?a=2&b=1` share one entry. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Today in UTC and in Viet Nam: some answers depend on the date ("registered today", "in force today"). */
function dates(): string {
  const now = Date.now();
  return `${new Date(now).toISOString().slice(0, 10)}/${new Date(now + 7 * 3_600_000).toISOString().slice(0, 10)}`;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function cacheable(request: FastifyRequest): boolean {
  const mode = request.routeOptions.config.publicCache;
  return request.method === 'GET' && (mode === 'everyone' || mode === 'scope' || (mode === 'anonymous' && request.actor === null));
}

/** The caller's part of the key: its data scope for `scope` routes, nothing otherwise. */
function scopeOf(request: FastifyRequest): string {
  const a = request.actor;
  if (request.routeOptions.config.publicCache !== 'scope' || !a) return '';
  return `|${a.role}|${a.agencyId ?? ''}|${a.provinceId ?? ''}|${a.organisationId ?? ''}`;
}

function revalidationHeaders(reply: FastifyReply, etag: string, mode: PublicCacheMode | undefined): void {
  reply.header('etag', etag).header('cache-control', 'no-cache');
  reply.header('vary', mode === 'everyone' ? 'Accept-Language' : 'Accept-Language, Cookie, Authorization');
}

/**
 * Serves the routes that declare `config.publicCache` from `cache` (after validation, so the key holds the
 * normalised query), with an ETag and 304 for a matching If-None-Match; and empties the cache after every write
 * request this process answers, before its answer leaves, so the writer's next read sees its change.
 */
export function registerPublicCache(app: FastifyInstance, cache: PublicCache): void {
  app.addHook('onSend', async (request, reply) => {
    // A refusal (4xx) changed nothing: it must not let anyone empty the cache at will.
    if (WRITE_METHODS.has(request.method) && (reply.statusCode < 400 || reply.statusCode >= 500)) cache.clear();
  });
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.config?.publicCache) return;
    const preHandler = async (request: FastifyRequest, reply: FastifyReply) => {
      if (!cacheable(request) || !cache.enabled) return;
      const key = `${request.routeOptions.url}?${canonical(request.query)}|${requestLanguage(request)}|${dates()}${scopeOf(request)}`;
      const hit = cache.get(key);
      if (!hit) {
        request.publicCacheKey = key;
        request.publicCacheGeneration = cache.generation;
        return;
      }
      revalidationHeaders(reply, hit.etag, route.config?.publicCache);
      if (matchesEtag(request.headers['if-none-match'], hit.etag)) return reply.code(304).send();
      return reply.type(hit.contentType).send(hit.payload);
    };
    const onSend = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const key = request.publicCacheKey;
      if (key === undefined || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
      const etag = etagOf(payload);
      const contentType = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
      cache.set(key, { payload, etag, contentType }, request.publicCacheGeneration!);
      revalidationHeaders(reply, etag, route.config?.publicCache);
      if (!matchesEtag(request.headers['if-none-match'], etag)) return payload;
      reply.code(304);
      return '';
    };
    route.preHandler = [...toArray(route.preHandler), preHandler];
    route.onSend = [...toArray(route.onSend), onSend];
  });
}

function toArray<T>(hooks: T | T[] | undefined): T[] {
  if (hooks === undefined) return [];
  return Array.isArray(hooks) ? hooks : [hooks];
}
