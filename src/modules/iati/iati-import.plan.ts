import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@db/types';
import { normalizeDecimal, roundMoney } from '@domain/money/decimal';
import type { AidDraft, DraftTransaction, LeftOutPart } from './iati-import.convert';
import type { Issue } from '@modules/aid/aid-items.validation';
import type { OrgMatch, OrgMatcher } from './iati-org-match';
import { bodyAfterImport, decideStatus, importedRecordIssues, PIPELINE_NOTE } from './iati-import.rules';
import { noteBudgetChanges } from './iati-import.budgets';
import { noteSectorCodeChanges } from './iati-import.sector-codes';
import { iatiStatusOf } from '@domain/iati/codes';
import type { AidStatus } from '@domain/iati/model';
import { effectiveStatusSql } from '@modules/aid/aid.policy';
import { VNAID_PUBLISHER } from './iati-publisher';

type Db = Kysely<Database> | Transaction<Database>;

/** Reference data an import checks against, read once per run. */
export type Reference = {
  currencies: ReadonlySet<string>;
  countries: ReadonlySet<string>;
  /** The first exchange-rate date of each currency: a transaction converts when it is dated on or after it. */
  firstRate: ReadonlyMap<string, string>;
};

/** Reads the reference data (a few hundred rows). */
export async function loadReference(db: Db): Promise<Reference> {
  const [currencies, countries, rates] = await Promise.all([
    db.selectFrom('currencies').select('code').execute(),
    db.selectFrom('countries').select('code').execute(),
    db
      .selectFrom('exchange_rates')
      .select(['currency', sql<string>`min(rate_date)::text`.as('first')])
      .groupBy('currency')
      .execute(),
  ]);
  return {
    currencies: new Set(currencies.map((c) => c.code)),
    countries: new Set(countries.map((c) => c.code)),
    firstRate: new Map(rates.map((r) => [r.currency, r.first])),
  };
}

/** Fields of aid_items an import sets (see the update rule in iati-import.writer.ts). */
export const SCALAR_FIELDS = [
  'title_vi',
  'title_en',
  'description_vi',
  'description_en',
  'modality',
  'status',
  'planned_start',
  'planned_end',
  'actual_start',
  'actual_end',
  'approval_decision_number',
  'approval_date',
  'default_currency',
] as const;
type Scalar = (typeof SCALAR_FIELDS)[number];

/** An aid item already holding one of the file's IATI identifiers, as far as the plan needs it. */
export type ExistingItem = Record<Scalar, string | null> & {
  id: string;
  iati_identifier: string;
  /** The status vnaid shows and publishes (the stored one: nothing lapses by itself, aid.policy.ts). */
  effective_status: string;
  organisation_id: string | null;
  other_donor_name: string | null;
  /** Money reported to Viet Nam (transactions not from IATI): IATI figures are then not added, see PlannedActivity. */
  reported_money: boolean;
  locations: string[];
  sectors: string[];
  partners: string[];
  /**
   * Names vnaid's export writes as participants of an item that stores none of that role (its donor as funding,
   * its governing agency as accountable: iati-export.mapper.ts): `FUNDING name` / `ACCOUNTABLE name`.
   */
  derived_participants: string[];
  iati_transactions: string[];
};

/** An activity the apply writes, with everything decided. */
export type PlannedActivity = {
  index: number;
  line: number;
  draft: AidDraft;
  synthetic: boolean;
  existing: ExistingItem | undefined;
  match: OrgMatch;
  /** Country of the donor, from the country prefix of its IATI identifier (`GB-CHC-…` → GB) when vnaid knows it. */
  donorCountry: string | null;
  /** Transactions added to aid_transactions (source IATI). */
  keep: DraftTransaction[];
  /** Everything left out of this activity, with reasons. */
  leftOut: LeftOutPart[];
  /** For an update: the fields and relations that change. */
  changes: string[];
  /** The rules of manual entry the record would break (iati-import.rules.ts): the activity is then left out. */
  refused: Issue[];
};

/** The registered organisation an activity's donor is linked to (an exact match only; a likely one waits for a person). */
export const linkedOrganisation = (match: OrgMatch): string | null =>
  match.kind === 'ref' || match.kind === 'name' ? match.hit.organisationId : null;

const txKey = (t: { kind: string; date: string; amount: string; currency: string }) =>
  `${t.kind} ${t.date} ${normalizeDecimal(t.amount)} ${t.currency}`;
const shareKey = (key: string, share: string) => `${key}=${roundMoney(share)}`;

/** The existing aid items of some identifiers, with their relations summarised; locked inside the apply's transaction. */
async function existingItems(db: Db, identifiers: readonly string[]): Promise<Map<string, ExistingItem>> {
  if (identifiers.length === 0) return new Map();
  const { rows } = await sql<ExistingItem>`
    select i.id, i.iati_identifier, i.organisation_id, i.other_donor_name,
      i.title_vi, i.title_en, i.description_vi, i.description_en, i.modality, i.status,
      i.planned_start::text, i.planned_end::text, i.actual_start::text, i.actual_end::text,
      i.approval_decision_number, i.approval_date::text, i.default_currency, ${effectiveStatusSql('i')} as effective_status,
      -- Not exists(): the planner answers that by hashing every transaction of the database, once per batch.
      coalesce((select true from aid_transactions t where t.aid_item_id = i.id and t.source <> 'IATI' limit 1), false) as reported_money,
      array(select l.province_id || '=' || l.share::text from aid_locations l where l.aid_item_id = i.id order by 1) as locations,
      array(select s.sector_code || '=' || s.share::text from aid_sectors s where s.aid_item_id = i.id order by 1) as sectors,
      array(select p.role || ' ' || p.name from aid_partners p where p.aid_item_id = i.id order by 1) as partners,
      array_remove(array[
        'FUNDING ' || i.other_donor_name, 'FUNDING ' || o.name_original, 'FUNDING ' || o.name_en, 'FUNDING ' || o.name_vi,
        'ACCOUNTABLE ' || a.name_vi, 'ACCOUNTABLE ' || a.name_en], null) as derived_participants,
      array(select t.kind || ' ' || t.tx_date::text || ' ' || t.amount::text || ' ' || t.currency from aid_transactions t
             where t.aid_item_id = i.id and t.source = 'IATI' order by 1) as iati_transactions
    from aid_items i
    -- Joined once rather than looked up by six subqueries per item (a visible share of a re-import's dry run).
    left join organisations o on o.id = i.organisation_id
    left join agencies a on a.id = i.governing_agency_id
    where i.iati_identifier = any(${[...identifiers]}::text[])
    ${db.isTransaction ? sql`for update of i` : sql``}`.execute(db);
  return new Map(rows.map((r) => [r.iati_identifier, r]));
}

/** What an update changes: scalar fields given by the file, relations it lists, the donor link, IATI money. */
function changesOf(existing: ExistingItem, draft: AidDraft, keep: DraftTransaction[], match: OrgMatch): string[] {
  const changes: string[] = SCALAR_FIELDS.filter((f) => draft[f] !== null && draft[f] !== existing[f]);
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const sorted = (list: string[]) => [...list].sort();
  if (
    draft.locations.length &&
    !same(
      existing.locations.map((l) => shareKey(...(l.split('=') as [string, string]))),
      sorted(draft.locations.map((l) => shareKey(l.key, l.share))),
    )
  )
    changes.push('locations');
  if (
    draft.sectors.length &&
    !same(
      existing.sectors.map((s) => shareKey(...(s.split('=') as [string, string]))),
      sorted(draft.sectors.map((s) => shareKey(s.key, s.share))),
    )
  )
    changes.push('sectors');
  if (draft.partners.length && !same(existing.partners, sorted(draft.partners.map((p) => `${p.role} ${p.name}`)))) changes.push('partners');
  if (!existing.reported_money && !same(sorted(existing.iati_transactions.map((t) => txKey(toTx(t)))), sorted(keep.map(txKey))))
    changes.push('transactions');
  if (!existing.organisation_id && (match.kind === 'ref' || match.kind === 'name')) changes.push('organisation_id');
  else if (!existing.organisation_id && draft.donor && draft.donor.name !== existing.other_donor_name) changes.push('other_donor_name');
  return changes;
}

/**
 * The participants of a file without those vnaid's own export adds from the item itself (its donor, its governing
 * agency) when it stores none of that role: re-importing vnaid's export must not turn them into stored partners.
 */
function withoutDerivedParticipants(partners: AidDraft['partners'], item: ExistingItem): AidDraft['partners'] {
  const storedRoles = new Set(item.partners.map((p) => p.split(' ')[0]));
  const derived = new Set(item.derived_participants);
  return partners.filter((p) => storedRoles.has(p.role) || !derived.has(`${p.role} ${p.name}`));
}

/**
 * What vnaid's own export writes from the item itself rather than from stored values, put back to what the item
 * stores, so that re-importing the export is no change and writes nothing over it: an item without a description
 * is described by its title (IATI requires one), and IATI locations carry no share, so the file's provinces get
 * equal shares: when they are the provinces the item already has, its own shares (50/30/20, not thirds) stay.
 */
function withoutExportDefaults(draft: AidDraft, item: ExistingItem): void {
  // vnaid's own export publishes the item's shown status (a revoked item is REVOKED) and the
  // IATI code of it and its dates (iatiStatusOf: REVOKED is 5, which reads back as CANCELLED without vnaid:status):
  // either is the stored status, unchanged.
  const dates = {
    ...(item.actual_start ? { actualStart: item.actual_start } : {}),
    ...(item.actual_end ? { actualEnd: item.actual_end } : {}),
  };
  if (
    draft.identifier.startsWith(`${VNAID_PUBLISHER.ref}-`) &&
    (draft.status === item.effective_status ||
      (draft.publisherStatus !== null && draft.publisherStatus === iatiStatusOf(item.effective_status as AidStatus, dates)))
  )
    draft.status = item.status as AidDraft['status'];
  if (item.description_vi === null && item.description_en === null) {
    const titles = [item.title_vi, item.title_en];
    const given = [draft.description_vi, draft.description_en].filter((d) => d !== null);
    if (given.length > 0 && given.every((d) => titles.includes(d))) {
      draft.description_vi = null;
      draft.description_en = null;
    }
  }
  if (draft.locations.length > 0 && draft.locations.length === item.locations.length) {
    const stored = item.locations.map((l) => l.split('=') as [AidDraft['locations'][number]['key'], string]);
    const keys = new Set(stored.map(([key]) => key));
    if (draft.locations.every((l) => keys.has(l.key))) draft.locations = stored.map(([key, share]) => ({ key, share }));
  }
}

function toTx(text: string) {
  const [kind = '', date = '', amount = '0', currency = ''] = text.split(' ');
  return { kind, date, amount, currency };
}

/**
 * Decides a batch of activities: existing items (locked for the apply's transaction), the donor's organisation,
 * which transactions convert (known currency, an exchange rate on or before the date) and which are left out.
 * An item that already holds money reported to Viet Nam keeps it alone: adding the IATI figures would count the
 * same aid twice, so they are only recorded for the gap report.
 */
export async function planBatch(
  db: Db,
  matcher: OrgMatcher,
  reference: Reference,
  batch: readonly { index: number; line: number; draft: AidDraft; synthetic: boolean }[],
): Promise<PlannedActivity[]> {
  const existing = await existingItems(
    db,
    batch.map((b) => b.draft.identifier),
  );
  await matcher.prefetch(batch.flatMap((b) => (b.draft.donor ? [b.draft.donor] : [])));
  const out: PlannedActivity[] = [];
  for (const { index, line, draft, synthetic } of batch) {
    const item = existing.get(draft.identifier);
    if (item) {
      draft.partners = withoutDerivedParticipants(draft.partners, item);
      withoutExportDefaults(draft, item);
    }
    const match: OrgMatch = draft.donor ? await matcher.match(draft.donor) : { kind: 'none' };
    const leftOut = [...draft.leftOut];
    const keep: DraftTransaction[] = [];
    for (const t of draft.transactions) {
      const label = `${t.kind} ${t.date} ${t.amount} ${t.currency}`;
      const first = reference.firstRate.get(t.currency);
      if (!reference.currencies.has(t.currency)) leftOut.push({ reason: 'transaction_currency_not_supported', detail: label });
      else if (!first || first > (t.valueDate ?? t.date)) leftOut.push({ reason: 'transaction_no_exchange_rate', detail: label });
      else if (item?.reported_money) leftOut.push({ reason: 'transaction_money_reported_in_vietnam', detail: label });
      else keep.push(t);
    }
    if (!reference.currencies.has(draft.default_currency)) draft.default_currency = 'USD';
    const decided = decideStatus(draft, item);
    if (decided.downgraded) {
      draft.status = decided.status;
      if (!draft.notes.includes(PIPELINE_NOTE)) draft.notes.push(PIPELINE_NOTE);
    }
    const refused = importedRecordIssues(bodyAfterImport(draft, item, linkedOrganisation(match)));
    const prefix = draft.donor?.ref?.slice(0, 2).toUpperCase();
    const donorCountry = prefix && draft.donor?.ref?.[2] === '-' && reference.countries.has(prefix) ? prefix : null;
    out.push({
      index,
      line,
      draft,
      synthetic,
      existing: item,
      match,
      donorCountry,
      keep,
      leftOut,
      changes: item ? changesOf(item, draft, keep, match) : [],
      refused,
    });
  }
  // Budgets, planned disbursements and exact sector codes the file changes (one query each per batch).
  await Promise.all([noteBudgetChanges(db, out), noteSectorCodeChanges(db, out)]);
  return out;
}
