import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorStatus } from '../../src/errors/codes';
import { resources } from './resources';

const dir = (lang: string) => fileURLToPath(new URL(`./${lang}/`, import.meta.url));

/** Every leaf key of a nested catalogue, as dotted paths. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('i18n catalogues', () => {
  it('has the same namespaces in Vietnamese and English, and every file is registered', () => {
    const vi = readdirSync(dir('vi')).sort();
    expect(readdirSync(dir('en')).sort()).toEqual(vi);
    expect(
      Object.keys(resources.vi)
        .map((ns) => `${ns}.json`)
        .sort(),
    ).toEqual(vi);
  });

  it.each(Object.keys(resources.vi))('namespace %s has exactly the same keys in both languages, none empty', (ns) => {
    const vi = JSON.parse(readFileSync(`${dir('vi')}${ns}.json`, 'utf8'));
    const en = JSON.parse(readFileSync(`${dir('en')}${ns}.json`, 'utf8'));
    expect(keys(en).sort()).toEqual(keys(vi).sort());
    for (const key of keys(vi))
      expect(String(key.split('.').reduce((o: Record<string, unknown>, k) => o[k] as Record<string, unknown>, vi))).not.toBe('');
  });

  it('has a message in both languages for every error code, and no message without a code', () => {
    const codes = Object.keys(errorStatus).sort();
    expect(Object.keys(resources.vi.errors).sort()).toEqual(codes);
    expect(Object.keys(resources.en.errors).sort()).toEqual(codes);
  });
});
