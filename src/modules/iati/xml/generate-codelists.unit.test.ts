import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as generated from '../../../domain/iati/codelists.generated';
import { PROVINCE_NAME_INDEX, PROVINCES } from '../../../domain/iati/provinces.generated';
import { VNAID_SECTORS } from '../../../domain/iati/sector-codes';
import { parseCodelist } from './generate-codelists';
import { parseCsv } from './generate-provinces';

const CODELISTS = fileURLToPath(new URL('../../../../assets/iati/codelists/', import.meta.url));
const VN_ADMIN = fileURLToPath(new URL('../../../../../shared/data/vn-admin/', import.meta.url));
const SECTORS_MIGRATION = fileURLToPath(new URL('../../../db/migrations/20261123120200_sectors_agencies.sql', import.meta.url));
const load = (name: string) => parseCodelist(readFileSync(`${CODELISTS}${name}.xml`, 'utf8'));

describe('generated constants are in sync with their sources', () => {
  it.each([
    ['ACTIVITY_STATUS', 'ActivityStatus'],
    ['ORGANISATION_ROLE', 'OrganisationRole'],
    ['TRANSACTION_TYPE', 'TransactionType'],
    ['ACTIVITY_DATE_TYPE', 'ActivityDateType'],
    ['AID_TYPE', 'AidType'],
    ['SECTOR_VOCABULARY', 'SectorVocabulary'],
    ['GEOGRAPHIC_VOCABULARY', 'GeographicVocabulary'],
    ['DAC_SECTOR_CATEGORY', 'SectorCategory'],
  ] as const)('%s = assets/iati/codelists/%s.xml', (constant, list) => {
    const items = load(list);
    expect(generated[constant].map((i) => i.code)).toEqual(items.map((i) => i.code));
    expect(generated[constant].map((i) => i.name)).toEqual(items.map((i) => i.name));
  });

  it('DAC_SECTORS = Sector.xml (code, category, withdrawn)', () => {
    const items = load('Sector');
    expect(Object.keys(generated.DAC_SECTORS)).toEqual(items.map((i) => i.code));
    for (const i of items) expect(generated.DAC_SECTORS[i.code]).toEqual([i.category, i.name, i.withdrawn ? 1 : 0]);
    expect(items.filter((i) => !i.withdrawn)).toHaveLength(295); // count stated by the upstream SOURCES note
  });

  it('currency and country codes include what vnaid needs', () => {
    expect(generated.CURRENCY_CODES).toEqual(load('Currency').map((i) => i.code));
    expect(generated.CURRENCY_CODES).toEqual(expect.arrayContaining(['VND', 'USD', 'EUR', 'JPY']));
    expect(generated.COUNTRY_CODES).toContain('VN');
  });

  // ../shared is laid beside the repository on every developer machine and in CI: its absence is a failure, not a skip.
  it('PROVINCES = ../shared/data/vn-admin tables', () => {
    expect(existsSync(VN_ADMIN), `${VN_ADMIN} is missing`).toBe(true);
    const old = parseCsv(readFileSync(`${VN_ADMIN}provinces-63-old.csv`, 'utf8'));
    const neu = parseCsv(readFileSync(`${VN_ADMIN}provinces-34.csv`, 'utf8'));
    expect(PROVINCES.map((p) => p.code)).toEqual([...old.map((r) => `old63:${r.code}`), ...neu.map((r) => `new34:${r.code}`)]);
    const aliases = parseCsv(readFileSync(`${VN_ADMIN}province-name-aliases.csv`, 'utf8'));
    expect(aliases).toHaveLength(434);
    expect(Object.keys(PROVINCE_NAME_INDEX).length).toBeGreaterThan(140);
  });

  it('vnaid → DAC primary codes = sectors.dac_code of the reference-data migration', () => {
    const rows = [...readFileSync(SECTORS_MIGRATION, 'utf8').matchAll(/^\s*\('(\w+)', '[^']*', '[^']*', '(\d{5})'/gm)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(rows).toHaveLength(12);
    expect(VNAID_SECTORS.map((s) => [s.code, s.dac])).toEqual(rows);
  });
});
