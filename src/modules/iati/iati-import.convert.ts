/**
 * One IATI activity (as the reader mapped it) → the aid item vnaid would store, with every part it cannot keep
 * listed with its reason. Pure: what depends on the database (organisations, currencies, exchange rates, existing
 * items) is decided by the planner (iati-import.plan.ts).
 *
 * Choices:
 * - the donor is the reporting organisation, or, when that is a secondary reporter (it republishes someone
 *   else's data, as vnaid's own export does), the first funding participant;
 * - a title only in English is also the Vietnamese title (vnaid requires one);
 * - provinces get equal shares (IATI locations carry none); an item dated from 01/07/2025 has its old-province
 *   codes rolled up to the current provinces, as vnaid records require;
 * - sectors come from vnaid's own vocabulary, else DAC 5-digit, else DAC 3-digit; other vocabularies and
 *   unmapped codes are left out; shares that do not add up to 100 are rescaled; sectors given only on transactions
 *   are weighed by the transactions' amounts ({@link sectorsFromTransactions});
 * - commitments, disbursements, expenditure and incoming funds are kept (the last two count in no official figure);
 *   negative amounts are the publisher's corrections and are kept, so totals are net; other transaction types are
 *   left out, and so are amounts manual entry's format would refuse (more than 15 integer or 6 decimal digits,
 *   {@link amountString}, sign aside); the rate is the one of `value/@value-date` when the publisher gave it;
 * - only Viet Nam's share of a multi-country activity is vnaid's money: with transaction-level recipient countries,
 *   Viet Nam's transactions; otherwise each amount times Viet Nam's `recipient-country/@percentage` (rounded to the
 *   cent, note `vietnam_share_applied`). The publisher's own totals stay in the provenance for the gap report.
 * @module
 */
import { isDecimalString, plainDecimal } from '@domain/iati/decimal';
import { atScale, compareDecimal, divRoundHalfUp, formatScaled, mulDecimal, parseDecimal, roundDecimal } from '@domain/money/decimal';
import type { IatiActivity, ParticipatingOrg, ProvinceCode, ReportingOrg, SectorShare } from '@domain/iati/model';
import type { ActivityWarning } from '@domain/iati/problems';
import { rollUpProvince } from '@domain/iati/provinces';
import { VNAID_SECTOR_VOCABULARY_URI, vnaidSharesFromIati, type VnaidSectorCode } from '@domain/iati/sector-codes';
import { amountString } from '@modules/aid/aid-items.schemas';
import { legalBasisOn, PROVINCE_REFORM_DATE, referenceDate } from '@modules/aid/aid-items.validation';
import { readerDrops, type LeftOutPart, type ReaderDrop } from '@common/iati/import-report';
import type { PublishedNarratives, PublishedParticipant, PublishedTransaction } from './iati.tables';
import { equalShares, normaliseShares, type Share } from './iati-shares';
import { draftPlans, type DraftBudget, type DraftPlannedDisbursement } from './iati-import.budgets';
import { draftSectorCodes, type DraftSectorCode } from './iati-import.sector-codes';

export type { LeftOutPart, PartReason, ReaderDrop } from '@common/iati/import-report';

/** Reader warnings about a part it could not read at all (src/domain/iati/problems.ts): also parts left out. */
export const READER_DROPS: readonly ReaderDrop[] = readerDrops;

/** The organisation an aid item's donor is matched from. */
export type DonorRef = { ref?: string; type?: string; name: string; nameVi?: string; nameEn?: string };

/** A transaction vnaid may keep (its currency and rate are still to be checked). */
export type DraftTransaction = PublishedTransaction & { description?: string };

/** The aid item an activity becomes. Column names follow aid_items. */
export type AidDraft = {
  identifier: string;
  modality: IatiActivity['modality'];
  status: IatiActivity['status'];
  title_vi: string;
  title_en: string | null;
  description_vi: string | null;
  description_en: string | null;
  planned_start: string | null;
  planned_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  approval_decision_number: string | null;
  approval_date: string | null;
  approval_legal_basis: 'D93_2009' | 'D80_2020' | 'D313_2025' | null;
  default_currency: string;
  locations: Share<ProvinceCode>[];
  sectors: Share<VnaidSectorCode>[];
  partners: PublishedParticipant[];
  reportingOrg: ReportingOrg;
  /** The publisher's IATI activity status code, kept in the provenance (vnaid's legal status is `status`). */
  publisherStatus: string | null;
  /** Titles and descriptions in every language the publisher gave, kept in the provenance for the export. */
  narratives: PublishedNarratives;
  lastUpdated: string | null;
  donor: DonorRef | null;
  transactions: DraftTransaction[];
  /** Budgets and planned disbursements (iati-import.budgets.ts): plans, counted in no figure. */
  budgets: DraftBudget[];
  plannedDisbursements: DraftPlannedDisbursement[];
  /** The publisher's exact DAC codes beside the vnaid sectors (iati-import.sector-codes.ts). */
  sectorCodes: DraftSectorCode[];
  /** What the publisher published (whole activity, before Viet Nam's share), kept for the gap report. */
  published: PublishedTransaction[];
  leftOut: LeftOutPart[];
  /** Notes for the report: `sectors_rescaled`, `provinces_rolled_up`, `vietnam_share_applied`. */
  notes: string[];
};

const nameOf = (o: { nameVi?: string; nameEn?: string; ref?: string }): string | undefined => o.nameEn ?? o.nameVi ?? o.ref;

/** The organisation whose aid this is (see the module comment), or null when it cannot be named. */
export function donorOf(activity: IatiActivity): DonorRef | null {
  const funding = activity.participatingOrgs.find((o) => o.role === 'FUNDING' && nameOf(o));
  const source: ReportingOrg | ParticipatingOrg | undefined =
    activity.reportingOrg.secondaryReporter && funding ? funding : nameOf(activity.reportingOrg) ? activity.reportingOrg : funding;
  const name = source ? nameOf(source) : undefined;
  if (!source || !name) return null;
  const donor: DonorRef = { name };
  if (source.ref) donor.ref = source.ref;
  if (source.type) donor.type = source.type;
  if (source.nameVi) donor.nameVi = source.nameVi;
  if (source.nameEn) donor.nameEn = source.nameEn;
  return donor;
}

function provinces(activity: IatiActivity, date: string | null, notes: string[]): Share<ProvinceCode>[] {
  const current = date !== null && date >= PROVINCE_REFORM_DATE;
  const codes: ProvinceCode[] = [];
  for (const l of activity.locations) {
    const code = current && l.provinceCode.startsWith('old63:') ? rollUpProvince(l.provinceCode) : l.provinceCode;
    if (code !== l.provinceCode && !notes.includes('provinces_rolled_up')) notes.push('provinces_rolled_up');
    if (code && !codes.includes(code)) codes.push(code);
  }
  return equalShares(codes);
}

/**
 * Sectors given only on transactions (common for government publishers) as activity-level shares: each
 * transaction's sectors weigh its amount (split evenly between them within a vocabulary) when the activity uses one
 * currency, else one transaction one vote; the shares are then rescaled to 100.
 */
export function sectorsFromTransactions(activity: IatiActivity): SectorShare[] {
  const withSectors = activity.transactions.filter((t) => t.sectors?.length);
  const oneCurrency = new Set(withSectors.map((t) => t.currency)).size === 1;
  const out: SectorShare[] = [];
  for (const t of withSectors) {
    const magnitude = t.amount.trim().replace(/^[-+]/, '');
    const weight =
      oneCurrency && isDecimalString(magnitude) && compareDecimal(plainDecimal(magnitude), '0') > 0 ? plainDecimal(magnitude) : '1';
    for (const vocabulary of new Set(t.sectors!.map((s) => s.vocabulary))) {
      const list = t.sectors!.filter((s) => s.vocabulary === vocabulary);
      // IATI allows one sector per vocabulary on a transaction; several are split evenly, exactly to 6 decimals.
      const each = formatScaled({ units: divRoundHalfUp(atScale(parseDecimal(weight), 6), BigInt(list.length)), scale: 6 });
      for (const s of list) out.push({ ...s, percentage: each });
    }
  }
  return out;
}

function sectors(activity: IatiActivity, leftOut: LeftOutPart[], notes: string[]): Share<VnaidSectorCode>[] {
  const byTransaction = activity.sectors.length === 0 && activity.transactions.some((t) => t.sectors?.length);
  const given = byTransaction ? sectorsFromTransactions(activity) : activity.sectors;
  if (byTransaction) notes.push('sectors_from_transactions');
  const derived = vnaidSharesFromIati(given);
  for (const code of derived.unmapped) leftOut.push({ reason: 'sector_unmapped', detail: code });
  // DAC and vnaid's own codes describe the same split (vnaid's export writes both); any other list is not mapped.
  const others = given.filter((s) => s.vocabulary !== '1' && s.vocabulary !== '2' && s.vocabularyUri !== VNAID_SECTOR_VOCABULARY_URI);
  for (const vocabulary of new Set(others.map((s) => s.vocabulary)))
    leftOut.push({ reason: 'sector_vocabulary_not_mapped', detail: vocabulary });
  const { shares, rescaled } = normaliseShares(derived.shares.map((s) => ({ key: s.sector, share: s.percentage })));
  if (rescaled && shares.length && !byTransaction) notes.push('sectors_rescaled');
  return shares;
}

/** IATI transaction types vnaid stores (see the module comment). */
const KEPT_KINDS: ReadonlySet<string> = new Set(['COMMITMENT', 'DISBURSEMENT', 'EXPENDITURE', 'INCOMING_FUNDS']);

/**
 * Viet Nam's share of the activity's money, in percent, when the activity is shared between countries at activity
 * level (IATI: percentages of `recipient-country` sum to 100); null when all of it is Viet Nam's, or the split is by
 * transaction (see {@link transactions}), or the publisher gave no usable percentage.
 */
export function vietnamPercentage(activity: IatiActivity): string | null {
  if (activity.transactions.some((t) => t.recipientCountry)) return null;
  const vn = activity.recipientCountries.find((c) => c.code === 'VN');
  if (!vn?.percentage || !isDecimalString(vn.percentage)) return null;
  const pct = plainDecimal(vn.percentage.trim());
  return compareDecimal(pct, '0') > 0 && compareDecimal(pct, '100') < 0 ? pct : null;
}

/** The publisher's own figures of the kinds vnaid keeps, whole (every country, no share applied): for the gap report. */
function publishedMoney(activity: IatiActivity): PublishedTransaction[] {
  return activity.transactions
    .filter((t) => KEPT_KINDS.has(t.type) && isDecimalString(t.amount.trim()))
    .map((t) => ({
      kind: t.type as PublishedTransaction['kind'],
      date: t.date,
      amount: plainDecimal(t.amount.trim()),
      currency: t.currency,
    }));
}

function transactions(activity: IatiActivity, leftOut: LeftOutPart[], notes: string[]): DraftTransaction[] {
  const out: DraftTransaction[] = [];
  const share = vietnamPercentage(activity);
  if (share) notes.push('vietnam_share_applied');
  const byTransaction = activity.transactions.some((t) => t.recipientCountry);
  activity.transactions.forEach((t, i) => {
    const label = `#${i + 1} ${t.type} ${t.date} ${t.amount} ${t.currency}`;
    if (!KEPT_KINDS.has(t.type)) return void leftOut.push({ reason: 'transaction_type_not_kept', detail: label });
    if (byTransaction && t.recipientCountry !== 'VN')
      return void leftOut.push({ reason: 'transaction_other_country', detail: `${label} ${t.recipientCountry ?? '?'}` });
    // The reader kept only xsd:decimal amounts (`+5`, `5.`, `.5`, `-0.5` among them); manual entry's format wants
    // them plain, and is checked on the magnitude: a correction is as exact as the amount it corrects.
    // Zeros beyond the sixth decimal say nothing (`1175.01000000000000000000` is 1175.01): not out of range.
    const plain = plainDecimal(t.amount.trim());
    const published = /\.\d{7,}$/.test(plain) ? plain.replace(/\.?0+$/, '') : plain;
    const amount = share ? roundDecimal(mulDecimal(mulDecimal(published, share), '0.01'), 2) : published;
    const magnitude = amount.replace(/^-/, '');
    if (!amountString.safeParse(magnitude).success) return void leftOut.push({ reason: 'transaction_amount_out_of_range', detail: label });
    const tx: DraftTransaction = {
      kind: t.type as DraftTransaction['kind'],
      date: t.date,
      amount: /^0(\.0*)?$/.test(magnitude) ? magnitude : amount,
      currency: t.currency,
    };
    if (t.valueDate) tx.valueDate = t.valueDate;
    const description = t.description?.vi ?? t.description?.en ?? Object.values(t.description?.other ?? {})[0];
    if (description) tx.description = description;
    out.push(tx);
  });
  return out;
}

function partners(activity: IatiActivity, leftOut: LeftOutPart[]): PublishedParticipant[] {
  const out: PublishedParticipant[] = [];
  for (const o of activity.participatingOrgs) {
    const name = o.nameVi ?? o.nameEn ?? o.ref;
    if (!name) {
      leftOut.push({ reason: 'participant_unnamed', detail: o.role });
      continue;
    }
    if (out.some((p) => p.role === o.role && p.name === name)) continue;
    const p: PublishedParticipant = { role: o.role, name };
    if (o.ref) p.ref = o.ref;
    if (o.type) p.type = o.type;
    if (o.nameVi) p.nameVi = o.nameVi;
    if (o.nameEn) p.nameEn = o.nameEn;
    out.push(p);
  }
  return out;
}

/**
 * Converts one activity (see the module comment). `warnings` are the reader's: those about a part it could not
 * read become parts left out, the others notes.
 */
export function toAidDraft(activity: IatiActivity, warnings: readonly ActivityWarning[] = []): AidDraft {
  const leftOut: LeftOutPart[] = [];
  const notes: string[] = [];
  for (const w of warnings) {
    if ((READER_DROPS as readonly string[]).includes(w.code)) leftOut.push({ reason: w.code as ReaderDrop, detail: w.message.en });
    else notes.push(w.code);
  }
  const d = activity.dates;
  const approval = activity.approval ?? null;
  const date = referenceDate({
    approvalDate: approval?.date ?? null,
    plannedStart: d.plannedStart ?? null,
    actualStart: d.actualStart ?? null,
  });
  const titleVi = activity.titles.vi ?? activity.titles.en ?? Object.values(activity.titles.other ?? {})[0] ?? activity.identifier;
  const txs = transactions(activity, leftOut, notes);
  const locations = provinces(activity, date, notes);
  const sectorShares = sectors(activity, leftOut, notes);
  const fromTransactions = activity.sectors.length === 0 && activity.transactions.some((t) => t.sectors?.length);
  const sectorCodes = draftSectorCodes(
    fromTransactions ? sectorsFromTransactions(activity) : activity.sectors,
    sectorShares,
    activity.modality === 'RELIEF',
  );
  return {
    identifier: activity.identifier,
    modality: activity.modality,
    status: activity.status,
    title_vi: titleVi,
    title_en: activity.titles.en ?? null,
    description_vi: activity.descriptions.vi ?? null,
    description_en:
      activity.descriptions.en ?? (activity.descriptions.vi ? null : (Object.values(activity.descriptions.other ?? {})[0] ?? null)),
    planned_start: d.plannedStart ?? null,
    planned_end: d.plannedEnd ?? null,
    actual_start: d.actualStart ?? null,
    actual_end: d.actualEnd ?? null,
    approval_decision_number: approval?.decisionNumber ?? null,
    approval_date: approval?.date ?? null,
    approval_legal_basis: approval ? legalBasisOn(approval.date) : null,
    default_currency: activity.defaultCurrency ?? txs[0]?.currency ?? 'USD',
    locations,
    sectors: sectorShares,
    sectorCodes,
    partners: partners(activity, leftOut),
    reportingOrg: activity.reportingOrg,
    publisherStatus: activity.publisherStatus ?? null,
    narratives: { titles: activity.titles, descriptions: activity.descriptions },
    lastUpdated: activity.lastUpdated ?? null,
    donor: donorOf(activity),
    transactions: txs,
    ...draftPlans(activity, vietnamPercentage(activity), leftOut, notes),
    published: publishedMoney(activity),
    leftOut,
    notes,
  };
}
