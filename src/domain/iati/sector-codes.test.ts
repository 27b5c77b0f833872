import { describe, expect, it } from 'vitest';
import { DAC_SECTOR_CATEGORY, DAC_SECTORS } from './codelists.generated';
import {
  DAC_CATEGORY_TO_VNAID,
  DAC_CODE_TO_VNAID,
  dacToVnaidSector,
  toIatiSectors,
  VNAID_SECTOR_VOCABULARY_URI,
  VNAID_SECTORS,
  vnaidSectorToDac,
  vnaidSharesFromIati,
} from './sector-codes';

describe('vnaid sectors ↔ DAC purpose codes', () => {
  it('has the 12 sectors of domain.md §5.1', () => {
    expect(VNAID_SECTORS.map((s) => s.code)).toEqual([
      'YTE',
      'GDDT',
      'XH',
      'PTKTXH',
      'TNMT',
      'NLNN',
      'XDNL',
      'HTTP',
      'KPHQCT',
      'TT_KC',
      'VHTT',
      'KHCN',
    ]);
  });

  it('publishes only active DAC 5-digit codes', () => {
    for (const s of VNAID_SECTORS) {
      for (const code of [s.dac, s.reliefDac].filter((c): c is string => c !== undefined)) {
        expect(DAC_SECTORS[code], `${s.code} → ${code}`).toBeDefined();
        expect(DAC_SECTORS[code]![2], `${code} withdrawn`).toBe(0);
      }
    }
  });

  it('maps each published code back to its vnaid sector (lossless export → import)', () => {
    for (const s of VNAID_SECTORS) {
      expect(dacToVnaidSector(vnaidSectorToDac(s.code))).toEqual({ sector: s.code, match: 'exact' });
      expect(dacToVnaidSector(vnaidSectorToDac(s.code, { relief: true }))?.sector).toBe(s.code);
    }
  });

  it('uses the relief variant only where one is defined', () => {
    expect(vnaidSectorToDac('YTE')).toBe('12220');
    expect(vnaidSectorToDac('YTE', { relief: true })).toBe('72011');
    expect(vnaidSectorToDac('TT_KC', { relief: true })).toBe('72010');
    expect(vnaidSectorToDac('HTTP', { relief: true })).toBe('15130');
  });

  it('refers only to existing DAC codes and categories', () => {
    const categories = new Set<string>(DAC_SECTOR_CATEGORY.map((c) => c.code));
    for (const c of Object.keys(DAC_CATEGORY_TO_VNAID)) expect(categories.has(c), c).toBe(true);
    for (const c of Object.keys(DAC_CODE_TO_VNAID)) expect(DAC_SECTORS[c], c).toBeDefined();
  });

  it('maps every active DAC code except donor admin costs and unallocated aid', () => {
    const unmapped = Object.entries(DAC_SECTORS).filter(([code, [, , withdrawn]]) => !withdrawn && !dacToVnaidSector(code));
    expect(new Set(unmapped.map(([, [category]]) => category))).toEqual(new Set(['910', '998']));
  });

  it('falls back to the 3-digit category', () => {
    expect(dacToVnaidSector('12250')).toEqual({ sector: 'YTE', match: 'category' });
    expect(dacToVnaidSector('43040')).toEqual({ sector: 'NLNN', match: 'exact' });
    expect(dacToVnaidSector('111')).toEqual({ sector: 'GDDT', match: 'category' });
    expect(dacToVnaidSector('99810')).toBeUndefined();
  });
});

describe('sector shares', () => {
  it('writes DAC and vnaid vocabularies that each add up like the input', () => {
    const sectors = toIatiSectors(
      [
        { sector: 'YTE', percentage: '60' },
        { sector: 'TT_KC', percentage: '40' },
      ],
      { relief: true },
    );
    // Relief items use the emergency variants where DAC has one.
    expect(sectors).toEqual([
      { vocabulary: '1', code: '72011', percentage: '60' },
      { vocabulary: '1', code: '72010', percentage: '40' },
      // vnaid's own vocabulary (99) carries its names: IATI requires a narrative on a reporting organisation's list.
      { vocabulary: '99', vocabularyUri: VNAID_SECTOR_VOCABULARY_URI, code: 'YTE', percentage: '60', name: { vi: 'Y tế', en: 'Health' } },
      {
        vocabulary: '99',
        vocabularyUri: VNAID_SECTOR_VOCABULARY_URI,
        code: 'TT_KC',
        percentage: '40',
        name: { vi: VNAID_SECTORS.find((s) => s.code === 'TT_KC')!.nameVi, en: VNAID_SECTORS.find((s) => s.code === 'TT_KC')!.nameEn },
      },
    ]);
    expect(vnaidSharesFromIati(sectors)).toEqual({
      shares: [
        { sector: 'YTE', percentage: '60' },
        { sector: 'TT_KC', percentage: '40' },
      ],
      source: 'vnaid',
      unmapped: [],
    });
  });

  it('derives shares from third-party DAC codes, adding codes of the same vnaid sector exactly', () => {
    const derived = vnaidSharesFromIati([
      { vocabulary: '1', code: '12220', percentage: '33.33' },
      { vocabulary: '1', code: '12250', percentage: '33.33' },
      { vocabulary: '1', code: '91010', percentage: '33.34' },
      { vocabulary: '10', code: 'WASH', percentage: '100' },
    ]);
    expect(derived).toEqual({ shares: [{ sector: 'YTE', percentage: '66.66' }], source: 'dac5', unmapped: ['91010'] });
  });

  it('uses 3-digit DAC when there is no 5-digit vocabulary, and 100 % for a lone sector without percentage', () => {
    expect(vnaidSharesFromIati([{ vocabulary: '2', code: '311' }])).toEqual({
      shares: [{ sector: 'NLNN', percentage: '100' }],
      source: 'dac3',
      unmapped: [],
    });
    expect(vnaidSharesFromIati([{ vocabulary: '10', code: 'Shelter' }])).toEqual({ shares: [], source: 'none', unmapped: [] });
  });
});
