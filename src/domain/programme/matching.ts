/**
 * Which foreign NGOs to suggest for a proposal in the needs catalogue, and why. Pure: the module gathers the
 * facts of each candidate (its certificates in force, its past aid, its activity) and this ranks them, so the
 * weights are testable and every point a candidate gets is shown to the officer as a reason.
 * @module
 */

/**
 * What vnaid knows about one NGO in relation to one proposal (sector and provinces). `id` and `name` are the
 * candidate's: the NGO when suggesting NGOs for a proposal, the proposal when suggesting proposals to an NGO.
 */
export type MatchFacts = {
  id: string;
  name: string;
  /** A certificate in force today covering one of the proposal's provinces / its sector (null: none in force). */
  certificate: { coversProvince: boolean; coversSector: boolean } | null;
  /** Aid items of the NGO: in the proposal's sector and one of its provinces; in the sector; in one of the provinces. */
  pastAid: { sameSectorAndProvince: number; sameSector: number; sameProvince: number };
  /** The latest calendar year with a disbursement or a report (null: none). */
  lastActiveYear: number | null;
};

export type MatchReasonCode =
  | 'CERTIFICATE_PROVINCE_AND_FIELD'
  | 'CERTIFICATE_PROVINCE'
  | 'CERTIFICATE_FIELD'
  | 'PAST_AID_SAME_SECTOR_AND_PROVINCE'
  | 'PAST_AID_SAME_SECTOR'
  | 'PAST_AID_SAME_PROVINCE'
  | 'ACTIVE_RECENTLY'
  | 'ACTIVE_TWO_YEARS_AGO';

/** One reason, with the points it adds and the count or year it rests on (for the sentence shown). */
export type MatchReason = { code: MatchReasonCode; points: number; count?: number; year?: number };

export type Match = { id: string; name: string; score: number; reasons: MatchReason[] };

/** The weights: holding a certificate for the place and field matters most, then proven work there, then activity. */
export const MATCH_WEIGHTS = {
  certificateBoth: 40,
  certificateOne: 15,
  pastAidSameSectorAndProvince: 10,
  pastAidSameSectorAndProvinceMax: 3,
  pastAidPartial: 2,
  pastAidPartialMax: 5,
  activeRecently: 15,
  activeTwoYearsAgo: 5,
} as const;

/** The score of one candidate and the reasons behind it, in the order they weigh. */
export function scoreMatch(facts: MatchFacts, currentYear: number): Match {
  const w = MATCH_WEIGHTS;
  const reasons: MatchReason[] = [];
  const cert = facts.certificate;
  if (cert?.coversProvince && cert.coversSector) reasons.push({ code: 'CERTIFICATE_PROVINCE_AND_FIELD', points: w.certificateBoth });
  else if (cert?.coversProvince) reasons.push({ code: 'CERTIFICATE_PROVINCE', points: w.certificateOne });
  else if (cert?.coversSector) reasons.push({ code: 'CERTIFICATE_FIELD', points: w.certificateOne });
  const both = facts.pastAid.sameSectorAndProvince;
  if (both > 0)
    reasons.push({
      code: 'PAST_AID_SAME_SECTOR_AND_PROVINCE',
      points: Math.min(both, w.pastAidSameSectorAndProvinceMax) * w.pastAidSameSectorAndProvince,
      count: both,
    });
  // Items counted above are not counted again as "same sector" or "same province".
  const sectorOnly = facts.pastAid.sameSector - both;
  if (sectorOnly > 0)
    reasons.push({ code: 'PAST_AID_SAME_SECTOR', points: Math.min(sectorOnly, w.pastAidPartialMax) * w.pastAidPartial, count: sectorOnly });
  const provinceOnly = facts.pastAid.sameProvince - both;
  if (provinceOnly > 0)
    reasons.push({
      code: 'PAST_AID_SAME_PROVINCE',
      points: Math.min(provinceOnly, w.pastAidPartialMax) * w.pastAidPartial,
      count: provinceOnly,
    });
  const last = facts.lastActiveYear;
  if (last !== null && last >= currentYear - 1) reasons.push({ code: 'ACTIVE_RECENTLY', points: w.activeRecently, year: last });
  else if (last !== null && last === currentYear - 2)
    reasons.push({ code: 'ACTIVE_TWO_YEARS_AGO', points: w.activeTwoYearsAgo, year: last });
  const score = reasons.reduce((sum, r) => sum + r.points, 0);
  return { id: facts.id, name: facts.name, score, reasons };
}

/**
 * The candidates worth suggesting (score above zero), best first; equal scores by name, then id, so the order
 * is stable from one call to the next.
 */
export function rankMatches(candidates: MatchFacts[], currentYear: number, limit = 10): Match[] {
  return candidates
    .map((c) => scoreMatch(c, currentYear))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'vi') || a.id.localeCompare(b.id))
    .slice(0, limit);
}
