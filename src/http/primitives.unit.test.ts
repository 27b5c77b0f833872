import { describe, expect, it } from 'vitest';
import { isoDate, isWebUrl, webUrl } from './primitives';
import { findNul } from './reject-nul';

describe('isoDate', () => {
  it('accepts real calendar days of years 0001–9999', () => {
    for (const day of ['2024-02-29', '2026-12-31', '9999-12-31']) expect(isoDate.safeParse(day).success, day).toBe(true);
  });

  it('refuses year 0, impossible days and other shapes', () => {
    for (const day of [
      '0000-01-01',
      '9999-99-99',
      '2025-02-29',
      '2025-02-30',
      '2025-13-01',
      '2025-1-1',
      '20250101',
      '2025-01-01T00:00:00Z',
      ' 2025-01-01',
    ]) {
      expect(isoDate.safeParse(day).success, day).toBe(false);
    }
  });
});

describe('webUrl', () => {
  it('accepts http and https addresses, and an empty field', () => {
    for (const url of ['https://example.org', 'http://example.org/path?q=1', 'HTTPS://EXAMPLE.ORG', ''])
      expect(webUrl().safeParse(url).success, url).toBe(true);
  });

  it('refuses script, data and other schemes, and text that is not an address', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      'vbscript:msgbox(1)',
      'ftp://example.org',
      'file:///etc/passwd',
      'example.org',
      'https://',
    ]) {
      expect(webUrl().safeParse(url).success, url).toBe(false);
      expect(isWebUrl(url.trim()), url).toBe(false);
    }
  });
});

describe('findNul', () => {
  it('names the first string or key holding a NUL, however deep', () => {
    expect(findNul({ a: [{ b: 'x' }, { c: 'y\u0000' }] }, 'body')).toBe('body.a.1.c');
    expect(findNul({ 'k\u0000': 1 }, 'body')).toBe('body.k\\0');
    expect(findNul({ a: ['clean', 1, null, true] }, 'body')).toBeUndefined();
    let deep: unknown = 'z\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findNul(deep, 'body')).toBe(`body${'.0'.repeat(100_000)}`);
  });
});
