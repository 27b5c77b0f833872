/**
 * vnaid's sector list (domain.md §5.1) and its mapping to OECD DAC purpose codes.
 *
 * Export: each vnaid sector has one primary DAC 5-digit code, the same as `sectors.dac_code` in the
 * reference-data migration (20261123120200_sectors_agencies.sql; a test keeps the two equal), so the
 * IATI export and the UI never disagree. Choices worth stating:
 * - XDNL (organisational capacity building) → 15150: capacity building has no DAC code of its own.
 * - PTKTXH (socio-economic development) → 43010 Multisector aid.
 * - TT_KC (disaster prevention & emergency relief) → 72010 Material relief assistance.
 * - KHCN (S&T, innovation, digital) → 43082 Research/scientific institutions.
 * - For RELIEF items, YTE and GDDT use their emergency codes 72011 / 72012 instead.
 * vnaid's own codes also travel losslessly as IATI sector vocabulary 99 with
 * `vocabulary-uri` = {@link VNAID_SECTOR_VOCABULARY_URI}.
 *
 * Import: exact 5-digit overrides first, then the DAC 3-digit category (vocabulary 2 codes are
 * categories already). Categories with no sensible vnaid sector (910 donor admin costs, 998
 * unspecified) stay unmapped so the importer asks a human rather than guessing.
 * @module
 */
import { sumDecimals } from './decimal';
import type { DecimalString, SectorShare } from './model';
import { own } from './own';

/** vnaid sector codes (domain.md §5.1, seed list). */
export type VnaidSectorCode = 'YTE' | 'GDDT' | 'XH' | 'PTKTXH' | 'TNMT' | 'NLNN' | 'XDNL' | 'HTTP' | 'KPHQCT' | 'TT_KC' | 'VHTT' | 'KHCN';

/** IATI `vocabulary-uri` identifying vnaid's sector list when sent as vocabulary 99. */
export const VNAID_SECTOR_VOCABULARY_URI = 'urn:vnaid:sector:v1';

/** A vnaid sector and its DAC counterpart. */
export interface VnaidSectorDef {
  code: VnaidSectorCode;
  nameVi: string;
  nameEn: string;
  /** Primary DAC 5-digit purpose code used on export. */
  dac: string;
  /** DAC code used instead when the aid item is relief aid. */
  reliefDac?: string;
}

/** The 12 vnaid sectors with their primary DAC codes. */
export const VNAID_SECTORS: readonly VnaidSectorDef[] = [
  { code: 'YTE', nameVi: 'Y tế', nameEn: 'Health', dac: '12220', reliefDac: '72011' },
  { code: 'GDDT', nameVi: 'Giáo dục – đào tạo', nameEn: 'Education & training', dac: '11110', reliefDac: '72012' },
  { code: 'XH', nameVi: 'Giải quyết các vấn đề xã hội', nameEn: 'Social issues', dac: '16010' },
  { code: 'PTKTXH', nameVi: 'Phát triển kinh tế – xã hội', nameEn: 'Socio-economic development', dac: '43010' },
  { code: 'TNMT', nameVi: 'Tài nguyên – môi trường', nameEn: 'Natural resources & environment', dac: '41010' },
  {
    code: 'NLNN',
    nameVi: 'Nông, lâm, ngư nghiệp & phát triển nông thôn',
    nameEn: 'Agriculture, forestry, fisheries & rural development',
    dac: '31110',
  },
  { code: 'XDNL', nameVi: 'Xây dựng năng lực', nameEn: 'Capacity building', dac: '15150' },
  { code: 'HTTP', nameVi: 'Hỗ trợ tư pháp', nameEn: 'Judicial / legal support', dac: '15130' },
  { code: 'KPHQCT', nameVi: 'Khắc phục hậu quả chiến tranh', nameEn: 'War legacies', dac: '15250' },
  {
    code: 'TT_KC',
    nameVi: 'Phòng chống, giảm nhẹ thiên tai & cứu trợ khẩn cấp',
    nameEn: 'Disaster risk reduction & emergency relief',
    dac: '72010',
  },
  { code: 'VHTT', nameVi: 'Văn hóa, thể thao', nameEn: 'Culture & sport', dac: '16061' },
  {
    code: 'KHCN',
    nameVi: 'Khoa học công nghệ, đổi mới sáng tạo, chuyển đổi số',
    nameEn: 'Science, technology, innovation & digital transformation',
    dac: '43082',
  },
];

const BY_CODE = new Map(VNAID_SECTORS.map((s) => [s.code, s]));

/** True when `code` is a vnaid sector code. */
export function isVnaidSector(code: string): code is VnaidSectorCode {
  return BY_CODE.has(code as VnaidSectorCode);
}

/**
 * The DAC 5-digit code to publish for a vnaid sector.
 * @param opts.relief use the relief variant (72xxx) when the aid item is relief aid and one exists
 */
export function vnaidSectorToDac(code: VnaidSectorCode, opts: { relief?: boolean } = {}): string {
  const def = BY_CODE.get(code);
  if (!def) throw new RangeError(`unknown vnaid sector ${code}`);
  return (opts.relief && def.reliefDac) || def.dac;
}

/** DAC 3-digit category → vnaid sector (import fallback). Categories absent here stay unmapped. */
export const DAC_CATEGORY_TO_VNAID: Readonly<Record<string, VnaidSectorCode>> = {
  '111': 'GDDT',
  '112': 'GDDT',
  '113': 'GDDT',
  '114': 'GDDT',
  '121': 'YTE',
  '122': 'YTE',
  '123': 'YTE',
  '130': 'YTE',
  '140': 'TNMT',
  '151': 'XDNL',
  '152': 'KPHQCT',
  '160': 'XH',
  '210': 'PTKTXH',
  '220': 'KHCN',
  '231': 'PTKTXH',
  '232': 'PTKTXH',
  '233': 'PTKTXH',
  '234': 'PTKTXH',
  '235': 'PTKTXH',
  '236': 'PTKTXH',
  '240': 'PTKTXH',
  '250': 'PTKTXH',
  '311': 'NLNN',
  '312': 'NLNN',
  '313': 'NLNN',
  '321': 'PTKTXH',
  '322': 'TNMT',
  '323': 'PTKTXH',
  '331': 'PTKTXH',
  '332': 'PTKTXH',
  '410': 'TNMT',
  '430': 'PTKTXH',
  '510': 'PTKTXH',
  '520': 'XH',
  '530': 'PTKTXH',
  '600': 'PTKTXH',
  '720': 'TT_KC',
  '730': 'TT_KC',
  '740': 'TT_KC',
  '930': 'XH',
};

/** Exact DAC 5-digit codes whose vnaid sector differs from their category's. */
export const DAC_CODE_TO_VNAID: Readonly<Record<string, VnaidSectorCode>> = {
  '15130': 'HTTP',
  '15131': 'HTTP',
  '15134': 'HTTP',
  '15135': 'HTTP',
  '15137': 'HTTP',
  '15160': 'XH',
  '15162': 'XH',
  '15170': 'XH',
  '15180': 'XH',
  '15250': 'KPHQCT',
  '16020': 'PTKTXH',
  '16061': 'VHTT',
  '16065': 'VHTT',
  '16066': 'VHTT',
  '16062': 'XDNL',
  '22040': 'KHCN',
  '32182': 'KHCN',
  '41050': 'TT_KC',
  '43040': 'NLNN',
  '43041': 'NLNN',
  '43042': 'NLNN',
  '43060': 'TT_KC',
  '43071': 'NLNN',
  '43072': 'NLNN',
  '43073': 'NLNN',
  '15110': 'XDNL',
  '43081': 'GDDT',
  '43082': 'KHCN',
  '92010': 'XDNL',
  '92020': 'XDNL',
  '92030': 'XDNL',
};

/** How a DAC code was matched to a vnaid sector. */
export type DacMatch = 'exact' | 'category';

/**
 * Maps a DAC purpose code (5 digits, vocabulary 1) or category (3 digits, vocabulary 2) to a vnaid sector.
 * @returns the sector and how it was matched, or undefined when no mapping is defined
 */
export function dacToVnaidSector(code: string): { sector: VnaidSectorCode; match: DacMatch } | undefined {
  const c = code.trim();
  const exact = own(DAC_CODE_TO_VNAID, c) ?? VNAID_SECTORS.find((s) => s.dac === c || s.reliefDac === c)?.code;
  if (exact && c.length === 5) return { sector: exact, match: 'exact' };
  const category = own(DAC_CATEGORY_TO_VNAID, c.slice(0, 3));
  return category ? { sector: category, match: 'category' } : undefined;
}

/** A vnaid sector with its share of the aid item. */
export interface VnaidSectorShare {
  sector: VnaidSectorCode;
  percentage: DecimalString;
}

/**
 * IATI sectors to publish for vnaid sector shares: one DAC 5-digit entry per share (vocabulary 1)
 * and the vnaid code itself (vocabulary 99), each vocabulary summing to the shares' total.
 */
export function toIatiSectors(shares: readonly VnaidSectorShare[], opts: { relief?: boolean } = {}): SectorShare[] {
  const dac = shares.map((s) => ({ vocabulary: '1', code: vnaidSectorToDac(s.sector, opts), percentage: s.percentage }));
  const own = shares.map((s) => ({
    vocabulary: '99',
    vocabularyUri: VNAID_SECTOR_VOCABULARY_URI,
    code: s.sector,
    percentage: s.percentage,
    name: { vi: BY_CODE.get(s.sector)!.nameVi, en: BY_CODE.get(s.sector)!.nameEn },
  }));
  return [...dac, ...own];
}

/** Result of deriving vnaid sector shares from an activity's IATI sectors. */
export interface DerivedVnaidSectors {
  shares: VnaidSectorShare[];
  /** Which IATI vocabulary the shares come from. */
  source: 'vnaid' | 'dac5' | 'dac3' | 'none';
  /** Codes of the used vocabulary that could not be mapped (their share is left out). */
  unmapped: string[];
}

/**
 * Derives vnaid sector shares from IATI sectors: vnaid's own vocabulary when present, else DAC 5-digit,
 * else DAC 3-digit. Shares of DAC codes mapping to the same vnaid sector are added exactly.
 * A single sector without a percentage counts as 100 (IATI allows omitting it then).
 */
export function vnaidSharesFromIati(sectors: readonly SectorShare[]): DerivedVnaidSectors {
  const own = sectors.filter((s) => s.vocabulary === '99' && s.vocabularyUri === VNAID_SECTOR_VOCABULARY_URI);
  if (own.length > 0) {
    const valid = own.filter((s) => isVnaidSector(s.code));
    return {
      shares: merge(valid.map((s) => [s.code as VnaidSectorCode, share(s, valid.length)])),
      source: 'vnaid',
      unmapped: own.filter((s) => !isVnaidSector(s.code)).map((s) => s.code),
    };
  }
  for (const [vocabulary, source] of [
    ['1', 'dac5'],
    ['2', 'dac3'],
  ] as const) {
    const list = sectors.filter((s) => s.vocabulary === vocabulary);
    if (list.length === 0) continue;
    const mapped: [VnaidSectorCode, DecimalString][] = [];
    const unmapped: string[] = [];
    for (const s of list) {
      const m = dacToVnaidSector(s.code);
      if (m) mapped.push([m.sector, share(s, list.length)]);
      else unmapped.push(s.code);
    }
    return { shares: merge(mapped), source, unmapped };
  }
  return { shares: [], source: 'none', unmapped: [] };
}

function share(s: SectorShare, countInVocabulary: number): DecimalString {
  return s.percentage ?? (countInVocabulary === 1 ? '100' : '0');
}

function merge(entries: [VnaidSectorCode, DecimalString][]): VnaidSectorShare[] {
  const by = new Map<VnaidSectorCode, DecimalString[]>();
  for (const [sector, pct] of entries) by.set(sector, [...(by.get(sector) ?? []), pct]);
  return [...by].map(([sector, pcts]) => ({ sector, percentage: sumDecimals(pcts) }));
}
