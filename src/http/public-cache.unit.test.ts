import { describe, expect, it } from 'vitest';
import { etagOf, matchesEtag, PublicCache } from './public-cache';

const entry = (payload: string) => ({ payload, etag: etagOf(payload), contentType: 'application/json' });

describe('PublicCache', () => {
  it('keeps at most maxEntries answers, dropping the least recently used first', () => {
    const cache = new PublicCache({ enabled: () => true, maxEntries: 2 });
    cache.set('a', entry('1'), cache.generation);
    cache.set('b', entry('2'), cache.generation);
    expect(cache.get('a')?.payload).toBe('1');
    cache.set('c', entry('3'), cache.generation);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a')?.payload, cache.get('c')?.payload]).toEqual(['1', '3']);
  });

  it('keeps at most maxBytes of answers', () => {
    const cache = new PublicCache({ enabled: () => true, maxBytes: 200 });
    const keys = 'abcdefghijkl'.split('');
    for (const key of keys) cache.set(key, entry(key.repeat(20)), cache.generation);
    expect(cache.size).toBe(9); // 9 × (20 + 1) bytes ≤ 200
    expect(cache.get('l')?.payload).toBe('l'.repeat(20));
    expect(cache.get('a')).toBeUndefined();
    cache.set('big', entry('x'.repeat(26)), cache.generation); // over an eighth of the bound: not kept
    expect(cache.get('big')).toBeUndefined();
  });

  it('does not keep an answer read before the data changed, and serves nothing while disabled', () => {
    let enabled = true;
    const cache = new PublicCache({ enabled: () => enabled });
    const before = cache.generation;
    cache.clear();
    cache.set('a', entry('stale'), before);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', entry('fresh'), cache.generation);
    enabled = false;
    expect(cache.get('a')).toBeUndefined();
  });
});

describe('ETag matching', () => {
  it('compares weakly and accepts lists and *', () => {
    const etag = etagOf('{"a":1}');
    expect(etag).toMatch(/^W\/".+"$/);
    expect(etagOf('{"a":1}')).toBe(etag);
    expect(etagOf('{"a":2}')).not.toBe(etag);
    expect(matchesEtag(etag, etag)).toBe(true);
    expect(matchesEtag(etag.slice(2), etag)).toBe(true);
    expect(matchesEtag(`W/"other", ${etag}`, etag)).toBe(true);
    expect(matchesEtag('*', etag)).toBe(true);
    expect(matchesEtag('W/"other"', etag)).toBe(false);
    expect(matchesEtag(undefined, etag)).toBe(false);
  });
});
