/**
 * vnaid's stored aid items → the IATI activity model (src/domain/iati), ready for `serializeActivities`.
 *
 * Choices, so that an export says only what vnaid holds:
 * - the reporting organisation is the publisher an item was imported from (iati_activity_sources), else vnaid's
 *   publisher (MOFA, secondary reporter);
 * - participating organisations are the item's partners (with the IATI identifiers and names published for them,
 *   when imported); a native item also names its donor (funding) and its governing agency (accountable);
 * - the recipient country is Viet Nam; provinces are locations with vnaid's province references;
 * - sectors are the item's vnaid sectors, as DAC codes (the publisher's exact ones when imported with them) and as
 *   vnaid's own vocabulary (shares normalised to 100); budgets and planned disbursements as imported;
 * - an item without a description is described by its title (IATI requires a description).
 * @module
 */
import { checkActivityForExport, type ExportProblem } from '@domain/iati/export-check';
import type {
  ActivityDates,
  IatiActivity,
  LocalizedText,
  OrgRole,
  ParticipatingOrg,
  ProvinceCode,
  ReportingOrg,
  Transaction,
} from '@domain/iati/model';
import { isVnaidSector, toIatiSectors, type VnaidSectorCode } from '@domain/iati/sector-codes';
import type { ExportRows } from './iati-export.repository';
import { attachBudgets, groupBudgetRows } from './iati-export.budgets';
import { agencyOrgType, localActivityIdentifier, ORG_TYPE_TO_IATI, textLanguage, VNAID_PUBLISHER } from './iati-publisher';
import { normaliseShares } from './iati-shares';

/** An item that could not be exported, with why. */
export type SkippedItem = { code: string; problems: ExportProblem[] };

const text = (vi: string | null | undefined, en: string | null | undefined): LocalizedText => {
  const t: LocalizedText = {};
  if (vi) t.vi = vi;
  if (en) t.en = en;
  return t;
};

/**
 * The text to publish: the publisher's narratives, each in its own language, when the item was imported; vnaid's
 * Vietnamese or English text is added (or replaces the publisher's) only when it is not a copy of a published one —
 * an English-only title is copied into vnaid's Vietnamese field, which must not be published as `xml:lang="vi"`.
 */
export function publishedText(stored: LocalizedText, published: LocalizedText | undefined): LocalizedText {
  if (!published || (!published.vi && !published.en && !published.other)) return stored;
  const values = new Set([published.vi, published.en, ...Object.values(published.other ?? {})].filter(Boolean));
  const out: LocalizedText = { ...published, ...(published.other ? { other: { ...published.other } } : {}) };
  if (stored.vi && !values.has(stored.vi)) out.vi = stored.vi;
  if (stored.en && !values.has(stored.en)) out.en = stored.en;
  return out;
}

/** A name held without a language, labelled by {@link textLanguage}. */
const named = (name: string): { nameVi?: string; nameEn?: string } => (textLanguage(name) === 'vi' ? { nameVi: name } : { nameEn: name });

function groupBy<T extends { aid_item_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) out.set(row.aid_item_id, [...(out.get(row.aid_item_id) ?? []), row]);
  return out;
}

function dates(item: ExportRows['items'][number]): ActivityDates {
  const d: ActivityDates = {};
  if (item.planned_start) d.plannedStart = item.planned_start;
  if (item.actual_start) d.actualStart = item.actual_start;
  if (item.planned_end) d.plannedEnd = item.planned_end;
  if (item.actual_end) d.actualEnd = item.actual_end;
  return d;
}

/**
 * Maps stored items to IATI activities; items that would make an invalid document are skipped with the reasons
 * (e.g. a pipeline item without any date: IATI requires one).
 */
export function toIatiActivities(
  rows: ExportRows,
  pageOf?: (itemId: string) => string,
): { activities: IatiActivity[]; skipped: SkippedItem[] } {
  const locations = groupBy(rows.locations);
  const sectors = groupBy(rows.sectors);
  const partners = groupBy(rows.partners);
  const transactions = groupBy(rows.transactions);
  const sources = new Map(rows.sources.map((s) => [s.aid_item_id, s]));
  const plans = groupBudgetRows(rows);
  const activities: IatiActivity[] = [];
  const skipped: SkippedItem[] = [];
  for (const item of rows.items) {
    const source = sources.get(item.id);
    const titles = publishedText(text(item.title_vi, item.title_en), source?.narratives?.titles);
    const description = publishedText(text(item.description_vi, item.description_en), source?.narratives?.descriptions);
    const reportingOrg: ReportingOrg = source?.reporting_org_ref
      ? {
          ref: source.reporting_org_ref,
          type: source.reporting_org_type ?? '',
          ...(source.reporting_org_name_vi ? { nameVi: source.reporting_org_name_vi } : {}),
          ...(source.reporting_org_name_en ? { nameEn: source.reporting_org_name_en } : {}),
          ...(source.secondary_reporter === null ? {} : { secondaryReporter: source.secondary_reporter }),
        }
      : VNAID_PUBLISHER;
    const shares = normaliseShares(
      (sectors.get(item.id) ?? [])
        .filter((s) => isVnaidSector(s.sector_code))
        .map((s) => ({ key: s.sector_code as VnaidSectorCode, share: s.share })),
    );
    const activity: IatiActivity = {
      identifier: item.iati_identifier ?? localActivityIdentifier(item.code),
      reportingOrg,
      titles,
      descriptions: Object.keys(description).length > 0 ? description : titles,
      modality: item.modality,
      status: item.status as IatiActivity['status'],
      defaultCurrency: item.default_currency,
      lastUpdated: item.updated_at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      dates: dates(item),
      participatingOrgs: participants(item, partners.get(item.id) ?? [], source?.participants),
      recipientCountries: [{ code: 'VN', percentage: '100' }],
      recipientRegions: [],
      locations: (locations.get(item.id) ?? []).map((l) => ({
        provinceCode: l.province_id as ProvinceCode,
        name: text(l.name_vi, l.name_en),
      })),
      sectors: toIatiSectors(
        shares.shares.map((s) => ({ sector: s.key, percentage: s.share })),
        { relief: item.modality === 'RELIEF' },
      ),
      transactions: (transactions.get(item.id) ?? []).map((t) => {
        const tx: Transaction = { type: t.kind, date: t.tx_date, amount: t.amount, currency: t.currency };
        if (t.description) tx.description = { [textLanguage(t.description)]: t.description };
        return tx;
      }),
    };
    if (source?.activity_status) activity.publisherStatus = source.activity_status;
    attachBudgets(
      activity,
      item.id,
      plans,
      shares.shares.map((s) => ({ sector: s.key, percentage: s.share })),
    );
    if (item.approval_decision_number && item.approval_date)
      activity.approval = { decisionNumber: item.approval_decision_number, date: item.approval_date };
    const problems = checkActivityForExport(activity);
    if (problems.length > 0) skipped.push({ code: item.code, problems });
    else activities.push(pageOf ? { ...activity, webPage: pageOf(item.id) } : activity);
  }
  return { activities, skipped };
}

type PartnerRow = ExportRows['partners'][number];
const ROLE_ORDER: readonly OrgRole[] = ['FUNDING', 'ACCOUNTABLE', 'EXTENDING', 'IMPLEMENTING'];

/** The participating organisations of one item (see the module comment). */
function participants(
  item: ExportRows['items'][number],
  rows: readonly PartnerRow[],
  published: readonly { role: string; name: string; ref?: string; type?: string; nameVi?: string; nameEn?: string }[] | undefined,
): ParticipatingOrg[] {
  // In the publisher's order when imported, else in IATI role order (funding, accountable, extending, implementing).
  const rank = (p: PartnerRow) => {
    const at = published?.findIndex((x) => x.role === p.role && x.name === p.name) ?? -1;
    return at >= 0 ? at : 1000 + ROLE_ORDER.indexOf(p.role);
  };
  const ordered = [...rows].sort((a, b) => rank(a) - rank(b));
  const out: ParticipatingOrg[] = ordered.map((p) => {
    const as = published?.find((x) => x.role === p.role && x.name === p.name);
    if (as) {
      const org: ParticipatingOrg = { role: p.role };
      if (as.ref) org.ref = as.ref;
      if (as.type) org.type = as.type;
      if (as.nameVi) org.nameVi = as.nameVi;
      if (as.nameEn) org.nameEn = as.nameEn;
      if (!as.nameVi && !as.nameEn) Object.assign(org, named(p.name));
      return org;
    }
    const type = p.org_type ? ORG_TYPE_TO_IATI[p.org_type] : p.agency_kind ? agencyOrgType(p.agency_kind) : undefined;
    return { role: p.role, ...(p.iati_org_id ? { ref: p.iati_org_id } : {}), ...(type ? { type } : {}), ...named(p.name) };
  });
  // An imported item keeps the organisations its publisher listed; vnaid adds its own only when there were none.
  if (published && out.length > 0) return out;
  const has = (role: OrgRole) => out.some((o) => o.role === role);
  const donorName = item.org_name ?? item.other_donor_name;
  if (!has('FUNDING') && donorName) {
    const donor: ParticipatingOrg = { role: 'FUNDING' };
    if (item.org_iati_id) donor.ref = item.org_iati_id;
    if (item.organisation_id) {
      donor.type = ORG_TYPE_TO_IATI[item.org_type ?? 'OTHER'] ?? '90';
      if (item.org_name_vi) donor.nameVi = item.org_name_vi;
      const en = item.org_name_en ?? item.org_name;
      if (en) donor.nameEn = en;
    } else Object.assign(donor, named(donorName));
    out.unshift(donor);
  }
  if (!has('ACCOUNTABLE') && item.agency_name_vi) {
    out.push({
      role: 'ACCOUNTABLE',
      type: agencyOrgType(item.agency_kind ?? ''),
      nameVi: item.agency_name_vi,
      ...(item.agency_name_en ? { nameEn: item.agency_name_en } : {}),
    });
  }
  return out;
}
