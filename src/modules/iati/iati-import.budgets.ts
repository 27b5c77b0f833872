/**
 * Budgets and planned disbursements of an IATI import (issue 16 #4): what an activity plans to spend, kept beside
 * its transactions so that an activity publishing only a budget no longer becomes an item with no money.
 *
 * - Viet Nam's share is applied as to transactions: each amount times Viet Nam's activity-level
 *   `recipient-country/@percentage` (rounded to the cent); `published_amount` keeps the publisher's figure. When the
 *   split is by transaction, a budget cannot be split and is kept whole (note `budgets_whole_activity`).
 * - USD at the latest rate on or before the value date, as transactions (iati-import.writer.ts); a currency or date
 *   vnaid has no rate for leaves the USD figure empty, the budget is still kept in its own currency.
 * - Plans, never money: no statistic reads these tables (src/domain/statistics/definitions.ts).
 * - Update rule as for the item's relations: a file listing budgets replaces the item's budgets; a file listing
 *   none leaves them alone.
 * @module
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@db/types';
import { plainDecimal } from '@domain/iati/decimal';
import type { BudgetKind, BudgetStatus, FlowOrg, IatiActivity } from '@domain/iati/model';
import { mulDecimal, normalizeDecimal, roundDecimal } from '@domain/money/decimal';
import { amountString } from '@modules/aid/aid-items.schemas';
import type { LeftOutPart } from '@common/iati/import-report';
import { loadPlanRows } from './iati-export.budgets';

type Db = Kysely<Database> | Transaction<Database>;
const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;

/** A budget as stored (column names follow aid_budgets). */
export type DraftBudget = {
  budget_type: BudgetKind;
  budget_status: BudgetStatus;
  period_start: string;
  period_end: string;
  amount: string;
  published_amount: string;
  currency: string;
  value_date: string;
};

/** A planned disbursement as stored (column names follow aid_planned_disbursements). */
export type DraftPlannedDisbursement = {
  budget_type: BudgetKind | null;
  period_start: string;
  period_end: string | null;
  amount: string;
  published_amount: string;
  currency: string;
  value_date: string;
  provider: FlowOrg | null;
  receiver: FlowOrg | null;
};

/** What an activity plans, as the draft carries it. */
export type DraftPlans = { budgets: DraftBudget[]; plannedDisbursements: DraftPlannedDisbursement[] };

/** Viet Nam's share of a published amount (see the module comment), or undefined when out of manual entry's range. */
function vietnamAmount(published: string, share: string | null): string | undefined {
  const plain = plainDecimal(published.trim());
  const amount = share ? roundDecimal(mulDecimal(mulDecimal(plain, share), '0.01'), 2) : plain;
  const magnitude = amount.replace(/^-/, '');
  if (!amountString.safeParse(magnitude).success) return undefined;
  return /^0(\.0*)?$/.test(magnitude) ? magnitude : amount;
}

/**
 * The budgets and planned disbursements an activity's aid item keeps.
 * @param share Viet Nam's percentage of an activity shared between countries (convert's `vietnamPercentage`)
 */
export function draftPlans(activity: IatiActivity, share: string | null, leftOut: LeftOutPart[], notes: string[]): DraftPlans {
  const budgets: DraftBudget[] = [];
  const plannedDisbursements: DraftPlannedDisbursement[] = [];
  (activity.budgets ?? []).forEach((b, i) => {
    const amount = vietnamAmount(b.amount, share);
    if (amount === undefined)
      return void leftOut.push({ reason: 'budget_invalid', detail: `#${i + 1} ${b.periodStart} ${b.amount} ${b.currency}` });
    budgets.push({
      budget_type: b.type,
      budget_status: b.status,
      period_start: b.periodStart,
      period_end: b.periodEnd,
      amount,
      published_amount: plainDecimal(b.amount.trim()),
      currency: b.currency,
      value_date: b.valueDate ?? b.periodStart,
    });
  });
  (activity.plannedDisbursements ?? []).forEach((p, i) => {
    const amount = vietnamAmount(p.amount, share);
    if (amount === undefined)
      return void leftOut.push({ reason: 'planned_disbursement_invalid', detail: `#${i + 1} ${p.periodStart} ${p.amount} ${p.currency}` });
    plannedDisbursements.push({
      budget_type: p.type ?? null,
      period_start: p.periodStart,
      period_end: p.periodEnd ?? null,
      amount,
      published_amount: plainDecimal(p.amount.trim()),
      currency: p.currency,
      value_date: p.valueDate ?? p.periodStart,
      provider: p.provider ?? null,
      receiver: p.receiver ?? null,
    });
  });
  const any = budgets.length + plannedDisbursements.length > 0;
  if (any && activity.transactions.some((t) => t.recipientCountry)) notes.push('budgets_whole_activity');
  // The case of issue 16 #4: no money but the plan; the item shows its budgets.
  if (any && activity.transactions.length === 0) notes.push('budgets_only');
  return { budgets, plannedDisbursements };
}

/** JSON with sorted keys, so that a stored jsonb and a draft compare equal whatever their key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

const budgetKey = (b: Omit<DraftBudget, 'published_amount'>) =>
  [b.budget_type, b.budget_status, b.period_start, b.period_end, normalizeDecimal(b.amount), b.currency, b.value_date].join(' ');
const plannedKey = (p: Omit<DraftPlannedDisbursement, 'published_amount'>) =>
  [
    p.budget_type,
    p.period_start,
    p.period_end,
    normalizeDecimal(p.amount),
    p.currency,
    p.value_date,
    canonical(p.provider),
    canonical(p.receiver),
  ].join(' ');
function same(a: string[], b: string[]): boolean {
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** The part of a planned activity this module reads: its existing item, its draft's plans, its list of changes. */
type Planned = { existing: { id: string } | undefined; draft: DraftPlans; changes: string[] };

/**
 * Adds `budgets` / `planned_disbursements` to the changes of existing items whose file lists other ones than stored
 * (one query per batch), so that re-importing the same file (or vnaid's own export) changes nothing.
 */
export async function noteBudgetChanges(db: Db, planned: readonly Planned[]): Promise<void> {
  const listing = planned.filter((p) => p.existing && (p.draft.budgets.length > 0 || p.draft.plannedDisbursements.length > 0));
  if (listing.length === 0) return;
  const ids = listing.map((p) => p.existing!.id);
  const { budgets, plannedDisbursements: plannedRows } = await loadPlanRows(db, ids);
  for (const p of listing) {
    const id = p.existing!.id;
    const storedBudgets = budgets.filter((b) => b.aid_item_id === id).map(budgetKey);
    const storedPlanned = plannedRows.filter((r) => r.aid_item_id === id).map(plannedKey);
    if (p.draft.budgets.length > 0 && !same(storedBudgets, p.draft.budgets.map(budgetKey))) p.changes.push('budgets');
    if (p.draft.plannedDisbursements.length > 0 && !same(storedPlanned, p.draft.plannedDisbursements.map(plannedKey)))
      p.changes.push('planned_disbursements');
  }
}

/**
 * Writes the budgets and planned disbursements of created and changed items (inside the apply's transaction; the
 * item's audit record lists them): a file listing some replaces the stored ones.
 */
export async function writeBudgets(
  trx: Transaction<Database>,
  items: readonly { id: string; p: { existing?: unknown; draft: DraftPlans } }[],
) {
  const withBudgets = items.filter(({ p }) => p.draft.budgets.length > 0);
  const withPlanned = items.filter(({ p }) => p.draft.plannedDisbursements.length > 0);
  const replaced = (list: typeof items) => list.filter(({ p }) => p.existing).map(({ id }) => id);
  if (replaced(withBudgets).length)
    await sql`delete from aid_budgets where aid_item_id = any(${replaced(withBudgets)}::uuid[])`.execute(trx);
  if (replaced(withPlanned).length)
    await sql`delete from aid_planned_disbursements where aid_item_id = any(${replaced(withPlanned)}::uuid[])`.execute(trx);
  const rate = sql`left join lateral (select e.rate_date, e.usd_per_unit from exchange_rates e
                  where e.currency = v.currency and e.rate_date <= v.value_date order by e.rate_date desc limit 1) r on true`;
  const budgets = withBudgets.flatMap(({ id, p }) => p.draft.budgets.map((b) => ({ aid_item_id: id, ...b })));
  if (budgets.length)
    await sql`
      insert into aid_budgets (aid_item_id, budget_type, budget_status, period_start, period_end, amount, published_amount, currency,
        value_date, amount_usd, rate_date)
      select v.aid_item_id, v.budget_type, v.budget_status, v.period_start, v.period_end, v.amount, v.published_amount, v.currency,
        v.value_date, v.amount * r.usd_per_unit, r.rate_date
      from jsonb_to_recordset(${json(budgets)}) as v(aid_item_id uuid, budget_type text, budget_status text, period_start date,
        period_end date, amount numeric, published_amount numeric, currency text, value_date date)
      ${rate}`.execute(trx);
  const planned = withPlanned.flatMap(({ id, p }) => p.draft.plannedDisbursements.map((x) => ({ aid_item_id: id, ...x })));
  if (planned.length)
    await sql`
      insert into aid_planned_disbursements (aid_item_id, budget_type, period_start, period_end, amount, published_amount, currency,
        value_date, amount_usd, rate_date, provider, receiver)
      select v.aid_item_id, v.budget_type, v.period_start, v.period_end, v.amount, v.published_amount, v.currency, v.value_date,
        v.amount * r.usd_per_unit, r.rate_date, v.provider, v.receiver
      from jsonb_to_recordset(${json(planned)}) as v(aid_item_id uuid, budget_type text, period_start date, period_end date,
        amount numeric, published_amount numeric, currency text, value_date date, provider jsonb, receiver jsonb)
      ${rate}`.execute(trx);
}
