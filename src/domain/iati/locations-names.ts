/**
 * Province from a location name, including names garbled on the way: a character lost to a wrong encoding becomes
 * `?` or U+FFFD ("Hu?" for Huế, "B?c Liêu" for Bạc Liêu), and GeoNames writes Đ as the Icelandic Ð ("Ðắk Nông").
 * A lost character is a single-character wildcard, accepted only when exactly one province matches.
 * @module
 */
import { foldName } from './fold';
import type { ProvinceCode } from './model';
import { provinceCandidates, rollUpProvince } from './provinces';
import { PROVINCE_NAME_INDEX } from './provinces.generated';

/** What a name gives: the candidate codes (one per code system), or why there is none. */
export type NameMatch =
  | { ok: true; candidates: readonly ProvinceCode[] }
  | { ok: false; reason: 'ambiguous_name'; candidates: readonly ProvinceCode[] }
  | { ok: false; reason: 'unknown_name' };

const LOST = /[?\uFFFD]/;
const KEYS = Object.keys(PROVINCE_NAME_INDEX);

/** `Ð`/`ð` (U+00D0/U+00F0) → `Đ`/`đ`, which the fold knows. */
const fixEth = (s: string) => s.replace(/\u00D0/g, '\u0110').replace(/\u00F0/g, '\u0111');

/** A piece between lost characters, folded, keeping a separator at either edge ("Hà " → "ha "). */
function foldPiece(p: string): string {
  const f = foldName(p);
  if (!f) return p ? ' ' : '';
  const edge = /[^\p{L}\p{N}]/u;
  return `${edge.test(p.charAt(0)) ? ' ' : ''}${f}${edge.test(p.charAt(p.length - 1)) ? ' ' : ''}`;
}

/** A folded-key pattern where each lost character matches one character ("B?c Liêu" → /^b.c lieu$/), with wrappers. */
function wildcard(part: string): RegExp | undefined {
  const source = part.split(LOST).map(foldPiece).join('.').replace(/ +/g, ' ').trim();
  if (!/[a-z0-9]/.test(source)) return undefined;
  return new RegExp(`^(?:(?:tinh|thanh pho|tp) )?${source}(?: (?:province|city|tinh))?$`);
}

/** Codes of every key matching `re`, deduplicated. */
function wildcardCandidates(re: RegExp): ProvinceCode[] {
  const out = new Set<ProvinceCode>();
  for (const key of KEYS) if (re.test(key)) for (const c of PROVINCE_NAME_INDEX[key]!) out.add(c);
  return [...out].sort();
}

/** True when the codes name one province: at most one code per code system, the old one rolling up to the new one. */
function oneProvince(codes: readonly ProvinceCode[]): boolean {
  const old = codes.filter((c) => c.startsWith('old63:'));
  const current = codes.filter((c) => c.startsWith('new34:'));
  if (old.length > 1 || current.length > 1) return false;
  return !old[0] || !current[0] || rollUpProvince(old[0]) === current[0];
}

/**
 * Candidates for a location name: exact (folded) names and aliases first, as {@link provinceCandidates}; then, for
 * each comma-separated part with lost characters, the wildcard match. Several provinces → `ambiguous_name`.
 */
export function matchLocationName(name: string): NameMatch {
  let m = memo.get(name);
  if (!m) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(name, (m = matchUncached(name)));
  }
  return m;
}

/** Publishers repeat the same few names across thousands of activities: answers are kept (bounded, pure). */
const MEMO_SIZE = 10_000;
const memo = new Map<string, NameMatch>();

function matchUncached(name: string): NameMatch {
  const fixed = fixEth(name);
  const exact = provinceCandidates(fixed);
  if (exact.length) return { ok: true, candidates: exact };
  if (!LOST.test(fixed)) return { ok: false, reason: 'unknown_name' };
  for (const part of fixed.split(/[,;/|]/)) {
    if (!LOST.test(part)) continue;
    const re = wildcard(part);
    const candidates = re ? wildcardCandidates(re) : [];
    if (candidates.length === 0) continue;
    return oneProvince(candidates) ? { ok: true, candidates } : { ok: false, reason: 'ambiguous_name', candidates };
  }
  return { ok: false, reason: 'unknown_name' };
}
