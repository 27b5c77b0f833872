/**
 * Maps one `iati-activity` element tree (versions 2.01–2.03) to the vnaid model.
 * Pure: the streaming reader builds the tree, this decides what it means.
 * @module
 */
import { readBudgets, readPlannedDisbursements } from './budgets';
import { dateFieldFromIati, resolveModality, resolveStatus, roleFromIati } from './codes';
import { isIsoDate } from './export-check';
import { isoDateOf, readLocations, readSectors, readTransactions, type MapContext } from './from-xml-parts';
import type { ActivityDates, AidModality, IatiActivity, ParticipatingOrg, RecipientCountry, RecipientRegion, ReportingOrg } from './model';
import { warning, type ActivityWarning } from './problems';
import { REGIONS_CONTAINING_VIETNAM, VietnamEvidenceCollector, type VietnamRelevance } from './vietnam';
import { attr, boolAttr, child, children, readNarratives, type XmlNode } from './xml-node';

/** Options of {@link activityFromXml}. */
export interface ActivityFromXmlOptions {
  /** Currency of the document (reader option or root attribute), the last fallback for transactions. */
  defaultCurrency?: string;
}

/** A mapped activity with what the reader learnt on the way. */
export interface MappedActivity {
  ok: true;
  activity: IatiActivity;
  warnings: ActivityWarning[];
  vietnam: VietnamRelevance;
  /** Whether the modality came from the vnaid extension or was inferred from IATI fields. */
  modalitySource: 'extension' | 'inferred' | 'extension_conflict';
}

/** Result of {@link activityFromXml}: a mapped activity, or the reason it cannot be one. */
export type ActivityMapResult = MappedActivity | { ok: false; code: 'iati_activity_invalid' };

/**
 * Maps an `iati-activity` element.
 * @returns `ok: false` only when the activity has no identifier (nothing can refer to it); every other
 *   fault is a warning and the faulty part is left out or defaulted
 */
export function activityFromXml(node: XmlNode, opts: ActivityFromXmlOptions = {}): ActivityMapResult {
  const identifier = child(node, 'iati-identifier')?.text.trim() ?? '';
  if (!identifier) return { ok: false, code: 'iati_activity_invalid' };
  const lang = attr(node, 'xml:lang');
  const vietnam = new VietnamEvidenceCollector();
  const ctx: MapContext = { warnings: [], vietnam, ...(lang ? { lang } : {}) };

  const dates = readDates(node, ctx);
  const onDate = dates.actualStart ?? dates.plannedStart;
  if (onDate) ctx.onDate = onDate;
  const statusCode = attr(child(node, 'activity-status'), 'code');
  const status = resolveStatus(statusCode, attr(child(node, 'vnaid:status'), 'code'), dates);
  if (status.note === 'unknown_code')
    ctx.warnings.push(warning('status_unknown', { code: attr(child(node, 'activity-status'), 'code') ?? '' }));
  if (status.note === 'suspended') ctx.warnings.push(warning('status_suspended'));
  if (status.note === 'extension_conflict') {
    ctx.warnings.push(warning('extension_conflict', { field: 'status', value: attr(child(node, 'vnaid:status'), 'code') ?? '' }));
  }
  const modality = readModality(node, ctx);
  const defaultCurrency = attr(node, 'default-currency')?.toUpperCase();
  const { locations, unresolved } = readLocations(children(node, 'location'), ctx);

  const activity: IatiActivity = {
    identifier,
    reportingOrg: readReportingOrg(node, ctx),
    titles: readNarratives(child(node, 'title'), lang) ?? {},
    descriptions: readNarratives(generalDescription(node), lang) ?? {},
    modality: modality.modality,
    status: status.status,
    dates,
    participatingOrgs: readParticipatingOrgs(node, ctx),
    recipientCountries: readCountries(node, ctx),
    recipientRegions: readRegions(node, ctx),
    locations,
    sectors: readSectors(children(node, 'sector'), ctx),
    transactions: readTransactions(children(node, 'transaction'), defaultCurrency ?? opts.defaultCurrency, ctx),
  };
  if (defaultCurrency) activity.defaultCurrency = defaultCurrency;
  const budgets = readBudgets(children(node, 'budget'), defaultCurrency ?? opts.defaultCurrency, ctx);
  const planned = readPlannedDisbursements(children(node, 'planned-disbursement'), defaultCurrency ?? opts.defaultCurrency, ctx);
  if (budgets.length) activity.budgets = budgets;
  if (planned.length) activity.plannedDisbursements = planned;
  // vnaid's own export carries vnaid's status in its extension; only a third-party publisher's status is its own.
  if (statusCode && !child(node, 'vnaid:status') && /^[1-6]$/.test(statusCode)) activity.publisherStatus = statusCode;
  const lastUpdated = attr(node, 'last-updated-datetime');
  if (lastUpdated) activity.lastUpdated = lastUpdated;
  const approval = child(node, 'vnaid:approval');
  const decisionNumber = attr(approval, 'decision-number');
  const approvalDate = attr(approval, 'date');
  if (decisionNumber && approvalDate && isIsoDate(approvalDate)) activity.approval = { decisionNumber, date: approvalDate };
  if (!child(node, 'title')) ctx.warnings.push(warning('title_missing'));

  const countries = activity.recipientCountries;
  const relevance = vietnam.result(countries.length > 0 && !countries.some((c) => c.code === 'VN'));
  if (relevance.concernsVietnam) for (const u of unresolved) ctx.warnings.push(warning('location_unresolved', { ...u }));
  return { ok: true, activity, warnings: ctx.warnings, vietnam: relevance, modalitySource: modality.source };
}

function readDates(node: XmlNode, ctx: MapContext): ActivityDates {
  const dates: ActivityDates = {};
  for (const d of children(node, 'activity-date')) {
    const type = attr(d, 'type') ?? '';
    const field = dateFieldFromIati(type);
    const raw = attr(d, 'iso-date');
    const value = isoDateOf(raw);
    if (!field || !value) ctx.warnings.push(warning('date_invalid', { value: raw ?? '', type }));
    else dates[field] ??= value;
  }
  return dates;
}

function readModality(node: XmlNode, ctx: MapContext): { modality: AidModality; source: MappedActivity['modalitySource'] } {
  const flag = boolAttr(node, 'humanitarian');
  const aidTypes = children(node, 'default-aid-type')
    .filter((a) => (attr(a, 'vocabulary') ?? '1') === '1')
    .map((a) => attr(a, 'code') ?? '');
  const resolved = resolveModality(
    {
      humanitarian: flag ?? children(node, 'humanitarian-scope').length > 0,
      aidTypes,
      hasChildren: children(node, 'related-activity').some((r) => attr(r, 'type') === '2'),
    },
    attr(child(node, 'vnaid:modality'), 'code'),
  );
  if (resolved.source === 'extension_conflict') {
    ctx.warnings.push(warning('extension_conflict', { field: 'modality', value: attr(child(node, 'vnaid:modality'), 'code') ?? '' }));
  }
  return resolved;
}

function readReportingOrg(node: XmlNode, ctx: MapContext): ReportingOrg {
  const n = child(node, 'reporting-org');
  if (!n) ctx.warnings.push(warning('reporting_org_missing'));
  const org: ReportingOrg = { ref: attr(n, 'ref') ?? '', type: attr(n, 'type') ?? '' };
  const names = readNarratives(n, ctx.lang);
  if (names?.vi) org.nameVi = names.vi;
  if (names?.en) org.nameEn = names.en;
  const secondary = boolAttr(n, 'secondary-reporter');
  if (secondary !== undefined) org.secondaryReporter = secondary;
  return org;
}

/** The general description: `type="1"` or untyped, as vnaid holds one description. */
function generalDescription(node: XmlNode): XmlNode | undefined {
  return children(node, 'description').find((d) => (attr(d, 'type') ?? '1') === '1');
}

function readParticipatingOrgs(node: XmlNode, ctx: MapContext): ParticipatingOrg[] {
  const out: ParticipatingOrg[] = [];
  for (const n of children(node, 'participating-org')) {
    const code = attr(n, 'role') ?? '';
    const role = roleFromIati(code);
    if (!role) {
      ctx.warnings.push(warning('role_unknown', { code }));
      continue;
    }
    const org: ParticipatingOrg = { role };
    const ref = attr(n, 'ref');
    const type = attr(n, 'type');
    if (ref) org.ref = ref;
    if (type) org.type = type;
    const names = readNarratives(n, ctx.lang);
    if (names?.vi) org.nameVi = names.vi;
    if (names?.en) org.nameEn = names.en;
    out.push(org);
  }
  return out;
}

function readCountries(node: XmlNode, ctx: MapContext): RecipientCountry[] {
  return children(node, 'recipient-country').flatMap((n) => {
    const code = attr(n, 'code')?.toUpperCase();
    if (!code) return [];
    if (code === 'VN') ctx.vietnam.add('recipient-country', code);
    const pct = attr(n, 'percentage');
    return [pct === undefined ? { code } : { code, percentage: pct }];
  });
}

function readRegions(node: XmlNode, ctx: MapContext): RecipientRegion[] {
  return children(node, 'recipient-region').flatMap((n) => {
    const code = attr(n, 'code');
    if (!code) return [];
    const vocabulary = attr(n, 'vocabulary') ?? '1';
    if (vocabulary === '1' && REGIONS_CONTAINING_VIETNAM.has(code)) ctx.vietnam.add('region', code, false);
    const pct = attr(n, 'percentage');
    return [pct === undefined ? { code, vocabulary } : { code, vocabulary, percentage: pct }];
  });
}
