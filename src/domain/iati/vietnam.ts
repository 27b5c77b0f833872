/**
 * Deciding whether an imported activity concerns Vietnam, and keeping the evidence so that an
 * officer can see why. Most third-party files cover many countries; vnaid imports only those about
 * Vietnam, and must not silently drop a Vietnamese activity that is coded oddly.
 * @module
 */

/** What pointed to Vietnam. `strong` evidence makes the activity count as concerning Vietnam. */
export interface VietnamEvidence {
  kind: 'recipient-country' | 'transaction-recipient-country' | 'province' | 'administrative-code' | 'point' | 'location-name' | 'region';
  /** The value that matched, e.g. `VN`, `VN-old63-02`, `21.03 105.85`, `789`. */
  detail: string;
  strong: boolean;
}

/** The decision and its evidence. */
export interface VietnamRelevance {
  concernsVietnam: boolean;
  evidence: VietnamEvidence[];
}

/**
 * Vietnam's bounding box, mainland and islands (data/vn-admin reports 102.14–117.83°E, 7.18–23.39°N).
 * It also covers parts of Laos, Cambodia, Thailand, southern China and the sea, so a point inside is
 * evidence, not proof; the officer sees the kind of evidence in the import report.
 */
export const VIETNAM_BBOX = { minLon: 102.1, maxLon: 117.9, minLat: 7.1, maxLat: 23.4 } as const;

/**
 * DAC regions (RegionVocabulary 1) that contain Vietnam: 789 Far East Asia, 798 Asia, 998 developing
 * countries unspecified. A region is weak evidence: it also contains dozens of other countries.
 */
export const REGIONS_CONTAINING_VIETNAM: ReadonlySet<string> = new Set(['789', '798', '998']);

/** True when the point lies inside {@link VIETNAM_BBOX}. */
export function pointInVietnamBox(lat: number, lon: number): boolean {
  const b = VIETNAM_BBOX;
  return lat >= b.minLat && lat <= b.maxLat && lon >= b.minLon && lon <= b.maxLon;
}

/**
 * Parses an IATI `point/pos` ("latitude longitude", WGS 84, space-separated).
 * @returns undefined unless both numbers are finite and in range
 */
export function parsePos(pos: string): { lat: number; lon: number } | undefined {
  const parts = pos.trim().split(/[\s,]+/);
  if (parts.length !== 2) return undefined;
  const [lat, lon] = parts.map(Number) as [number, number];
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return { lat, lon };
}

/** GeoNames id of the country feature "Viet Nam". */
const GEONAMES_VIETNAM = '1562822';

/**
 * True when an `administrative` or `location-id` code designates Vietnam or a place in it:
 * A4 (ISO 3166-1) `VN`; A3 (GADM) ids `VNM…`; G1 (GeoNames) the country id; and, in any vocabulary,
 * ISO 3166-2 style `VN-…` codes, which many publishers use although no IATI vocabulary names them.
 */
export function adminCodeIsVietnam(vocabulary: string | undefined, code: string): boolean {
  const c = code.trim().toUpperCase();
  if (/^VN(?:[-_.]|$)/.test(c)) return true;
  if (vocabulary === 'A3' && /^VNM(?:[._]|$)/.test(c)) return true;
  return vocabulary === 'G1' && c === GEONAMES_VIETNAM;
}

/** Collects evidence and decides. */
export class VietnamEvidenceCollector {
  private readonly evidence: VietnamEvidence[] = [];

  /** Records one piece of evidence (duplicates of the same kind and detail are kept once). */
  add(kind: VietnamEvidence['kind'], detail: string, strong = true): void {
    if (!this.evidence.some((e) => e.kind === kind && e.detail === detail)) this.evidence.push({ kind, detail, strong });
  }

  /**
   * The decision: any strong evidence.
   * @param countriesExcludeVietnam the activity lists recipient countries and Vietnam is not one of them.
   *   Then a point in the bounding box or a name match is weak: the box also covers Phnom Penh and
   *   Vientiane, and "Hòa Bình" or "Long An" can be places elsewhere, while the publisher has said
   *   explicitly where the money goes. Province refs and VN administrative codes stay strong.
   */
  result(countriesExcludeVietnam = false): VietnamRelevance {
    const evidence = countriesExcludeVietnam
      ? this.evidence.map((e) => (e.kind === 'point' || e.kind === 'location-name' ? { ...e, strong: false } : e))
      : this.evidence;
    return { concernsVietnam: evidence.some((e) => e.strong), evidence };
  }
}
