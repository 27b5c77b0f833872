/**
 * Province codes as they appear in IATI files: vnaid's location reference, name matching for
 * third-party files, and the 2025 cut-over between the two code systems.
 * @module
 */
import { foldName } from './fold';
import type { IsoDate, ProvinceCode } from './model';
import { PROVINCE_NAME_INDEX, PROVINCES, type ProvinceEntry } from './provinces.generated';
import { own } from './own';
import { PROVINCE_REFORM_DATE } from '@common/time/province-reform';

export type { ProvinceEntry } from './provinces.generated';

/** First day of the 34-province system (Resolution 202/2025/QH15). */
export const NEW34_FROM: IsoDate = PROVINCE_REFORM_DATE;

const BY_CODE = new Map(PROVINCES.map((p) => [p.code, p]));

/** The province entry for a code, or undefined when the code does not exist in its system. */
export function provinceByCode(code: string): ProvinceEntry | undefined {
  return BY_CODE.get(code as ProvinceCode);
}

/** True when `code` is an existing `old63:NN` or `new34:NN` code. */
export function isProvinceCode(code: string): code is ProvinceCode {
  return BY_CODE.has(code as ProvinceCode);
}

const REF = /^VN-(old63|new34)-(\d{2})$/;

/**
 * The IATI `location/@ref` vnaid writes for a province: `VN-old63-02`, `VN-new34-08`.
 * The ref is "internal to the reporting organisation" in IATI terms; this pattern makes it self-describing.
 */
export function provinceRef(code: ProvinceCode): string {
  const [system, nn] = code.split(':');
  return `VN-${system}-${nn}`;
}

/** Parses a vnaid location ref back to a province code; undefined when it is not one or the code does not exist. */
export function provinceFromRef(ref: string): ProvinceCode | undefined {
  const m = REF.exec(ref.trim());
  const code = m ? `${m[1]}:${m[2]}` : '';
  return isProvinceCode(code) ? code : undefined;
}

/** Words that wrap a province name in free text ("Tỉnh Hà Giang", "Ha Giang Province", "… , Viet Nam"). */
const WRAPPERS = /^(?:tinh|thanh pho|tp)\s+|\s+(?:province|city|tinh)$/;
const COUNTRY = new Set(['viet nam', 'vietnam', 'vn', 'socialist republic of viet nam']);

/**
 * Province codes whose name or alias matches `name` (accent-, case- and punctuation-insensitive).
 * Comma-separated parts are tried one by one, so "Đồng Văn, Hà Giang, Việt Nam" finds Hà Giang.
 * @returns all candidates, usually one per code system (e.g. `['new34:15', 'old63:10']` for Lào Cai)
 */
export function provinceCandidates(name: string): readonly ProvinceCode[] {
  for (const part of name.split(/[,;/|]/)) {
    let key = foldName(part);
    if (!key || COUNTRY.has(key)) continue;
    for (let i = 0; i < 2 && own(PROVINCE_NAME_INDEX, key) === undefined; i++) key = key.replace(WRAPPERS, '');
    const hit = own(PROVINCE_NAME_INDEX, key);
    if (hit) return hit;
  }
  return [];
}

/**
 * The province a free-text name most likely means, for an activity happening around `onDate`.
 * When the name exists in both systems the date decides (before 01/07/2025 → old63, else new34);
 * without a date the current system is assumed.
 */
export function matchProvinceName(name: string, onDate?: IsoDate): ProvinceCode | undefined {
  const candidates = provinceCandidates(name);
  if (candidates.length <= 1) return candidates[0];
  const system = onDate !== undefined && onDate < NEW34_FROM ? 'old63' : 'new34';
  return candidates.find((c) => c.startsWith(system)) ?? candidates[0];
}

/** The current (new34) province an old or new code belongs to. */
export function rollUpProvince(code: ProvinceCode): ProvinceCode | undefined {
  const p = provinceByCode(code);
  return p?.rollsUpTo ?? (p ? p.code : undefined);
}
