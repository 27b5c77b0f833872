/**
 * The province of an IATI `location` of a third-party file, in order of reliability:
 * 1. an administrative code: ISO 3166-2:VN or GeoNames ADM1 (locations-codes.ts, crosswalk shipped as data);
 * 2. the point (`point/pos`, "lat lon"), by point-in-polygon in the 63 old provinces (locations-point.ts);
 * 3. the name, folded, with aliases and lost-character wildcards (locations-names.ts).
 * Codes and points give the old province (finer; the import rolls it up to the current one for records dated from
 * 01/07/2025); a name that exists in both systems is placed by the activity's date, as {@link matchProvinceName}.
 * What stays unmatched carries its reason: `point_outside` (the point is in no province: sea, another country),
 * `ambiguous_name` (a garbled name fits several provinces), `unknown_name`, `no_code_match` (codes only, none known).
 * Pure, no I/O; safe to call per location on very large files.
 * @module
 */
import { matchLocationName } from './locations-names';
import { isCountryCode, provinceByAdminCode, type AdminCode } from './locations-codes';
import { provinceAtPoint } from './locations-point';
import type { IsoDate, ProvinceCode } from './model';
import { NEW34_FROM } from './provinces';

export type { AdminCode } from './locations-codes';

/** Why a location matched no province. */
export type UnmatchedReason = 'no_code_match' | 'point_outside' | 'ambiguous_name' | 'unknown_name';

/** What a location element says about where it is. */
export interface LocationEvidence {
  /** `administrative` and `location-id` codes. */
  codes: readonly AdminCode[];
  /** `point/pos`, already parsed (see parsePos in vietnam.ts). */
  point?: { lat: number; lon: number };
  /** The name in each language given. */
  names: readonly string[];
}

/** The resolver's answer: a province and how it was found, or the reason there is none and what was tried. */
export type LocationMatch =
  | { ok: true; code: ProvinceCode; by: 'code' | 'point' | 'name'; /** the name that matched */ name?: string }
  | { ok: false; reason: UnmatchedReason; detail: string };

/** The candidate of the activity's code system (see provinces.ts matchProvinceName). */
function bySystem(candidates: readonly ProvinceCode[], onDate?: IsoDate): ProvinceCode {
  if (candidates.length === 1) return candidates[0]!;
  const system = onDate !== undefined && onDate < NEW34_FROM ? 'old63' : 'new34';
  return candidates.find((c) => c.startsWith(system)) ?? candidates[0]!;
}

/**
 * Resolves one location (see the module comment).
 * @param onDate the activity's start, to choose between old and new provinces of the same name
 */
export function resolveLocation(e: LocationEvidence, onDate?: IsoDate): LocationMatch {
  const codes = e.codes.filter((c) => c.code.trim() && !isCountryCode(c));
  for (const c of codes) {
    const code = provinceByAdminCode(c);
    if (code) return { ok: true, code, by: 'code' };
  }
  const tried: string[] = codes.map((c) => `code ${c.vocabulary ?? '-'}:${c.code.trim()}`);
  let reason: UnmatchedReason | undefined;
  if (e.point) {
    const code = provinceAtPoint(e.point.lat, e.point.lon);
    if (code) return { ok: true, code, by: 'point' };
    tried.push(`point ${e.point.lat} ${e.point.lon}`);
    reason = 'point_outside';
  }
  for (const name of e.names) {
    const m = matchLocationName(name);
    if (m.ok) return { ok: true, code: bySystem(m.candidates, onDate), by: 'name', name };
    tried.push(m.reason === 'ambiguous_name' ? `name "${name}" (${m.candidates.join(', ')})` : `name "${name}"`);
    if (reason === undefined || (reason === 'unknown_name' && m.reason === 'ambiguous_name')) reason = m.reason;
  }
  reason ??= codes.length ? 'no_code_match' : 'unknown_name';
  return { ok: false, reason, detail: tried.join('; ') || 'no code, point or name' };
}
