/**
 * Mapping of the repeated parts of an IATI activity (sectors, transactions, locations) to the model.
 * Lenient by design: third-party files are often imperfect, so a bad part is left out with a
 * warning instead of failing the whole activity.
 * @module
 */
import { transactionKindFromIati, VNAID_SECTOR_VOCABULARY_URI } from './codes';
import { compareDecimals, isDecimalString, sumDecimals } from './decimal';
import { isIsoDate } from './export-check';
import type { ActivityLocation, IsoDate, ProvinceCode, SectorShare, Transaction } from './model';
import { warning, type ActivityWarning } from './problems';
import { resolveLocation, type AdminCode, type UnmatchedReason } from './locations';
import { isProvinceCode, provinceFromRef, provinceRef } from './provinces';
import { adminCodeIsVietnam, parsePos, pointInVietnamBox, type VietnamEvidenceCollector } from './vietnam';
import { attr, child, children, readNarratives, type XmlNode } from './xml-node';
import { own } from './own';

/** Shared state while mapping one activity. */
export interface MapContext {
  /** The activity's `xml:lang`, the default language of its narratives. */
  lang?: string;
  warnings: ActivityWarning[];
  vietnam: VietnamEvidenceCollector;
  /** Start date of the activity, used to pick old63 or new34 when a province is found by name. */
  onDate?: IsoDate;
}

/**
 * Normalises an `xsd:date` (which may carry a time zone, or be a dateTime in sloppy files) to `YYYY-MM-DD`.
 * @returns undefined when no valid calendar date starts the value
 */
export function isoDateOf(raw: string | undefined): IsoDate | undefined {
  const d = raw?.trim().slice(0, 10);
  return d && isIsoDate(d) ? d : undefined;
}

/** Reads activity-level `sector` elements; flags non-DAC vocabularies and percentages that do not add up. */
export function readSectors(nodes: readonly XmlNode[], ctx: MapContext): SectorShare[] {
  const out: SectorShare[] = [];
  for (const n of nodes) {
    const code = attr(n, 'code');
    if (!code) continue;
    const s: SectorShare = { vocabulary: attr(n, 'vocabulary') ?? '1', code };
    const uri = attr(n, 'vocabulary-uri');
    if (uri) s.vocabularyUri = uri;
    const pct = attr(n, 'percentage');
    if (pct !== undefined) s.percentage = pct;
    const name = readNarratives(n, ctx.lang);
    if (name) s.name = name;
    out.push(s);
  }
  const vocabularies = [...new Set(out.map((s) => s.vocabulary))];
  for (const vocabulary of vocabularies) {
    const list = out.filter((s) => s.vocabulary === vocabulary);
    const ours = vocabulary === '99' && list.every((s) => s.vocabularyUri === VNAID_SECTOR_VOCABULARY_URI);
    if (vocabulary !== '1' && vocabulary !== '2' && !ours) ctx.warnings.push(warning('sector_vocabulary_not_dac', { vocabulary }));
    // IATI allows omitting the percentage of a vocabulary's only sector: it is then 100 %.
    if (list.length === 1 && list[0]!.percentage === undefined) list[0]!.percentage = '100';
    const missing = list.filter((s) => s.percentage === undefined || !isDecimalString(s.percentage));
    for (const s of missing) ctx.warnings.push(warning('sector_percentage_missing', { code: s.code, vocabulary }));
    if (missing.length === 0) {
      const total = sumDecimals(list.map((s) => s.percentage!));
      if (compareDecimals(total, '100') !== 0) ctx.warnings.push(warning('sector_percentages_not_100', { vocabulary, total }));
    }
  }
  return out;
}

/**
 * Reads `transaction` elements. Currency: `value/@currency`, else `fallbackCurrency` (the activity's
 * `default-currency`, else the document's default). Amounts stay exact strings. Transaction-level
 * `recipient-country` VN counts as evidence that the activity concerns Vietnam.
 */
export function readTransactions(nodes: readonly XmlNode[], fallbackCurrency: string | undefined, ctx: MapContext): Transaction[] {
  const out: Transaction[] = [];
  nodes.forEach((n, i) => {
    const index = i + 1;
    const value = child(n, 'value');
    const typeCode = attr(child(n, 'transaction-type'), 'code') ?? '';
    const type = transactionKindFromIati(typeCode);
    const rawDate = attr(child(n, 'transaction-date'), 'iso-date') ?? attr(value, 'value-date');
    const date = isoDateOf(rawDate);
    const amount = value?.text.trim() ?? '';
    const currency = attr(value, 'currency') ?? fallbackCurrency;
    const country = attr(child(n, 'recipient-country'), 'code');
    if (country?.toUpperCase() === 'VN') ctx.vietnam.add('transaction-recipient-country', 'VN');
    if (!type) return void ctx.warnings.push(warning('transaction_type_unknown', { index, code: typeCode }));
    if (!date) return void ctx.warnings.push(warning('transaction_date_invalid', { index, value: rawDate ?? '' }));
    if (!isDecimalString(amount)) return void ctx.warnings.push(warning('transaction_amount_invalid', { index, value: amount }));
    if (!currency) return void ctx.warnings.push(warning('transaction_currency_unknown', { index }));
    const t: Transaction = { type, date, amount, currency: currency.toUpperCase() };
    const ref = attr(n, 'ref');
    if (ref) t.ref = ref;
    const valueDate = isoDateOf(attr(value, 'value-date'));
    if (valueDate && valueDate !== date) t.valueDate = valueDate;
    const description = readNarratives(child(n, 'description'), ctx.lang);
    if (description) t.description = description;
    if (country) t.recipientCountry = country.toUpperCase();
    const sectors = children(n, 'sector').flatMap((s) => {
      const code = attr(s, 'code');
      return code
        ? [
            {
              vocabulary: attr(s, 'vocabulary') ?? '1',
              code,
              ...(attr(s, 'vocabulary-uri') ? { vocabularyUri: attr(s, 'vocabulary-uri')! } : {}),
            },
          ]
        : [];
    });
    if (sectors.length) t.sectors = sectors;
    out.push(t);
  });
  return out;
}

/** Code system names written by vnaid in `vnaid:province/@system`. */
const SYSTEMS: Record<string, string> = { QD124_2004: 'old63', QD19_2025: 'new34', old63: 'old63', new34: 'new34' };

/** A location no province could be found for, and why (locations.ts). */
export interface UnresolvedLocation {
  reason: UnmatchedReason;
  detail: string;
}

/**
 * Reads `location` elements into provinces. A province is taken, in order, from the `vnaid:province`
 * element or a `VN-old63-NN`/`VN-new34-NN` ref (vnaid's own files), then as {@link resolveLocation} decides:
 * administrative code (ISO 3166-2, GeoNames), point in a province's polygon, name or alias. Administrative codes and
 * points inside Vietnam's box are recorded as evidence even when no province can be named.
 * @returns the provinces (deduplicated) and the locations that stayed unresolved, with their reasons
 */
export function readLocations(
  nodes: readonly XmlNode[],
  ctx: MapContext,
): { locations: ActivityLocation[]; unresolved: UnresolvedLocation[] } {
  const locations: ActivityLocation[] = [];
  const unresolved: UnresolvedLocation[] = [];
  for (const n of nodes) {
    const ext = child(n, 'vnaid:province');
    const extCode = `${own(SYSTEMS, attr(ext, 'system') ?? '') ?? ''}:${attr(ext, 'code') ?? ''}`;
    let code: ProvinceCode | undefined = isProvinceCode(extCode) ? extCode : provinceFromRef(attr(n, 'ref') ?? '');
    const name = readNarratives(child(n, 'name'), ctx.lang);
    const codes: AdminCode[] = [];
    for (const a of [...children(n, 'administrative'), ...children(n, 'location-id')]) {
      const c = attr(a, 'code');
      if (!c) continue;
      const vocabulary = attr(a, 'vocabulary');
      const level = attr(a, 'level');
      codes.push({ code: c, ...(vocabulary ? { vocabulary } : {}), ...(level ? { level } : {}) });
      if (adminCodeIsVietnam(vocabulary, c)) ctx.vietnam.add('administrative-code', `${vocabulary ?? ''}:${c}`);
    }
    const pos = parsePos(child(child(n, 'point') ?? n, 'pos')?.text ?? '');
    if (pos && pointInVietnamBox(pos.lat, pos.lon)) ctx.vietnam.add('point', `${pos.lat} ${pos.lon}`);
    if (!code) {
      const names = name ? [name.vi, name.en, ...Object.values(name.other ?? {})].filter((t): t is string => !!t) : [];
      const match = resolveLocation({ codes, names, ...(pos ? { point: pos } : {}) }, ctx.onDate);
      if (!match.ok) {
        unresolved.push({ reason: match.reason, detail: match.detail });
        continue;
      }
      code = match.code;
      if (match.by === 'name') {
        const text = match.name ?? '';
        ctx.vietnam.add('location-name', text);
        ctx.warnings.push(warning('location_by_name', { province: code, name: text }));
      }
    }
    ctx.vietnam.add('province', provinceRef(code));
    if (locations.some((l) => l.provinceCode === code)) continue;
    const loc: ActivityLocation = { provinceCode: code };
    if (name) loc.name = name;
    locations.push(loc);
  }
  return { locations, unresolved };
}
