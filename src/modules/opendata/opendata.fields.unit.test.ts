import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { csvCell } from './opendata.files';
import { DATASETS } from './opendata.fields';

const DOC = readFileSync(fileURLToPath(new URL('../../../docs/open-data.md', import.meta.url)), 'utf8');

describe('open-data documentation', () => {
  it.each(DATASETS.map((d) => [d.name, d] as const))('docs/open-data.md documents every field of %s, in order', (name, dataset) => {
    const section = DOC.split('### ').find((s) => s.startsWith(`\`${name}\``));
    expect(section, name).toBeDefined();
    const documented = [...section!.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual(dataset.fields.map((f) => f.name));
  });

  it('gives every coded field its Vietnamese and English labels, and no field twice', () => {
    for (const d of DATASETS) {
      const names = d.fields.map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
      for (const code of ['country', 'status', 'province', 'region', 'sector'].filter((n) => names.includes(n))) {
        expect(names).toEqual(expect.arrayContaining([`${code}Vi`, `${code}En`]));
      }
      for (const f of d.fields) expect(f.vi && f.en).toBeTruthy();
    }
  });
});

describe('csvCell', () => {
  it('quotes separators and quotes, joins lists, and defuses formulas but not negative numbers', () => {
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell(['x', 'y'])).toBe('"x; y"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('-250.50')).toBe('-250.50');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
});
