/**
 * The publisher's exact DAC codes beside vnaid's sectors (issue 16 #7). vnaid folds every DAC purpose code into one
 * of its 12 sectors (sector-codes.ts); statistics need the fold, but publishing the fold back as DAC codes replaced
 * 18 of 20 real codes by others. So an imported item keeps the DAC 5-digit (vocabulary 1) and 3-digit (vocabulary 2)
 * codes its publisher gave, each with its share and the vnaid sector it folds into, and the export writes them back
 * — as long as they still describe the item's sectors. Pure.
 * @module
 */
import { compareDecimals, isDecimalString, sumDecimals } from './decimal';
import type { DecimalString, SectorShare } from './model';
import { dacToVnaidSector, toIatiSectors, type VnaidSectorCode, type VnaidSectorShare } from './sector-codes';

/** A DAC vocabulary vnaid keeps exact codes of: 1 = 5-digit purpose codes, 2 = 3-digit categories. */
export type DacVocabulary = '1' | '2';

/** One published DAC code with its share of the item (per vocabulary) and the vnaid sector it folds into. */
export interface ExactSectorCode {
  vocabulary: DacVocabulary;
  code: string;
  sector: VnaidSectorCode;
  percentage: DecimalString;
}

/**
 * The DAC codes (vocabularies 1 and 2) of a publisher's sectors that fold into a vnaid sector, with their published
 * percentages (a vocabulary's only code without one is 100, as IATI allows; several without one weigh nothing).
 * Unmapped codes are not returned: the import lists them as left out.
 */
export function publishedDacCodes(sectors: readonly SectorShare[]): ExactSectorCode[] {
  const out: ExactSectorCode[] = [];
  for (const vocabulary of ['1', '2'] as const) {
    const list = sectors.filter((s) => s.vocabulary === vocabulary);
    for (const s of list) {
      const code = s.code.trim();
      // Vocabulary 1 holds 5-digit purpose codes and 2 holds 3-digit categories; anything else is not DAC.
      if (code.length !== (vocabulary === '1' ? 5 : 3)) continue;
      const mapped = dacToVnaidSector(code);
      if (!mapped) continue;
      out.push({ vocabulary, code, sector: mapped.sector, percentage: s.percentage ?? (list.length === 1 ? '100' : '0') });
    }
  }
  return out;
}

const key = (list: readonly { code: string; percentage?: string }[]) =>
  list
    .map((s) => `${s.code}=${isDecimalString(s.percentage ?? '') ? sumDecimals([s.percentage!]) : s.percentage}`)
    .sort()
    .join(' ');

/**
 * The codes worth keeping beside vnaid's sector shares: vocabulary 1 codes are dropped when they are exactly the
 * DAC codes vnaid would publish for those shares anyway (its own export re-imported, or a publisher using vnaid's
 * primary codes), so that storing them changes nothing and a native item and its re-import agree.
 */
export function codesWorthKeeping(
  codes: readonly ExactSectorCode[],
  shares: readonly VnaidSectorShare[],
  opts: { relief?: boolean } = {},
): ExactSectorCode[] {
  const v1 = codes.filter((c) => c.vocabulary === '1');
  const defaults = toIatiSectors(shares, opts).filter((s) => s.vocabulary === '1');
  return v1.length > 0 && key(v1) === key(defaults) ? codes.filter((c) => c.vocabulary !== '1') : [...codes];
}

/** True when one vocabulary's codes still describe the item: the same vnaid sectors, shares adding up to 100. */
function describesItem(codes: readonly ExactSectorCode[], shares: readonly VnaidSectorShare[]): boolean {
  if (codes.length === 0 || !codes.every((c) => isDecimalString(c.percentage))) return false;
  const sectors = new Set(codes.map((c) => c.sector));
  return (
    sectors.size === new Set(shares.map((s) => s.sector)).size &&
    shares.every((s) => sectors.has(s.sector)) &&
    compareDecimals(sumDecimals(codes.map((c) => c.percentage)), '100') === 0
  );
}

/**
 * The sectors to publish for an item: vocabulary 1 with the publisher's exact 5-digit codes when known (else
 * vnaid's primary DAC code of each sector), vocabulary 2 with its exact 3-digit codes when known, and vnaid's own
 * sectors as vocabulary 99 with their names and `vocabulary-uri`. Each vocabulary's percentages add up to 100.
 * Exact codes that no longer describe the item's sectors (an officer changed them since) are not written.
 */
export function sectorsForExport(
  shares: readonly VnaidSectorShare[],
  codes: readonly ExactSectorCode[],
  opts: { relief?: boolean } = {},
): SectorShare[] {
  const base = toIatiSectors(shares, opts);
  const exact = (vocabulary: DacVocabulary): SectorShare[] | undefined => {
    const list = codes.filter((c) => c.vocabulary === vocabulary);
    return describesItem(list, shares) ? list.map((c) => ({ vocabulary, code: c.code, percentage: c.percentage })) : undefined;
  };
  return [...(exact('1') ?? base.filter((s) => s.vocabulary === '1')), ...(exact('2') ?? []), ...base.filter((s) => s.vocabulary !== '1')];
}
