/**
 * Province from an administrative code of an IATI `location`: GeoNames (vocabulary G1, IATI GeographicVocabulary)
 * first-order division codes `VN.44` or their feature ids `1581129`, and ISO 3166-2:VN codes `VN-HN`, `VN-44`, which
 * publishers write under A4 (ISO country) or another vocabulary although no IATI vocabulary names ISO 3166-2.
 * The crosswalk is data (admin-codes.vn.csv, sources in admin-codes.vn.md).
 * @module
 */
import { ADMIN_CODES } from './admin-codes.generated';
import type { ProvinceCode } from './model';

const ISO = new Map(ADMIN_CODES.map((r) => [r.iso, `old63:${r.old63}` as ProvinceCode]));
const GEONAMES_ADMIN1 = new Map(ADMIN_CODES.map((r) => [r.geonamesAdmin1, `old63:${r.old63}` as ProvinceCode]));
const GEONAMES_ID = new Map(ADMIN_CODES.map((r) => [r.geonamesId, `old63:${r.old63}` as ProvinceCode]));

/** Codes that name Viet Nam as a whole (A4 `VN`, GeoNames id of the country): not a failed province match. */
const COUNTRY_CODES = new Set(['VN', 'VNM', '1562822']);

/** An `administrative` or `location-id` code as read from the file. */
export interface AdminCode {
  vocabulary?: string;
  /** `administrative/@level` (1 = first-order division); absent on `location-id`. */
  level?: string;
  code: string;
}

/** True when a code designates the whole country rather than a place in it (level 0, `VN`). */
export function isCountryCode(c: AdminCode): boolean {
  return c.level === '0' || COUNTRY_CODES.has(c.code.trim().toUpperCase());
}

/**
 * The old province (`old63:NN`) an administrative code designates, or undefined.
 * ISO 3166-2 codes are recognised in any vocabulary; GeoNames `VN.xx` codes and ids under G1 (ids also without a
 * vocabulary, as some publishers omit it). Codes of other vocabularies (GAUL, SALB, GADM, OSM) are not mapped.
 */
export function provinceByAdminCode(c: AdminCode): ProvinceCode | undefined {
  const code = c.code.trim().toUpperCase();
  const iso = ISO.get(code);
  if (iso) return iso;
  const vocabulary = c.vocabulary?.trim().toUpperCase();
  if (vocabulary !== undefined && vocabulary !== 'G1') return undefined;
  return GEONAMES_ADMIN1.get(code) ?? GEONAMES_ID.get(code);
}
