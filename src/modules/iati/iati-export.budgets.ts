/**
 * Budgets, planned disbursements and exact DAC codes in the IATI export (issue 16 #4, #7): read for a batch of
 * items (one query each) and put on their activities, so that a file with budgets and exact codes round-trips.
 * @module
 */
import { sql } from 'kysely';
import type { Db } from '@db/transaction';
import type { Budget, IatiActivity, PlannedDisbursement } from '@domain/iati/model';
import { sectorsForExport, type ExactSectorCode } from '@domain/iati/sector-exact';
import type { VnaidSectorShare } from '@domain/iati/sector-codes';
import type { PublishedFlowOrg } from './iati.tables';

/**
 * The stored budgets and planned disbursements of some items, ordered by item and period: what the export writes
 * and what a re-import compares a file's plans with.
 */
export async function loadPlanRows(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return { budgets: [], plannedDisbursements: [] };
  const list = [...ids];
  const [budgets, plannedDisbursements] = await Promise.all([
    db
      .selectFrom('aid_budgets')
      .select([
        'aid_item_id',
        'budget_type',
        'budget_status',
        sql<string>`period_start::text`.as('period_start'),
        sql<string>`period_end::text`.as('period_end'),
        sql<string>`amount::text`.as('amount'),
        'currency',
        sql<string>`value_date::text`.as('value_date'),
      ])
      .where('aid_item_id', 'in', list)
      .orderBy('aid_item_id')
      .orderBy('period_start')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('aid_planned_disbursements')
      .select([
        'aid_item_id',
        'budget_type',
        sql<string>`period_start::text`.as('period_start'),
        sql<string | null>`period_end::text`.as('period_end'),
        sql<string>`amount::text`.as('amount'),
        'currency',
        sql<string>`value_date::text`.as('value_date'),
        sql<PublishedFlowOrg | null>`provider`.as('provider'),
        sql<PublishedFlowOrg | null>`receiver`.as('receiver'),
      ])
      .where('aid_item_id', 'in', list)
      .orderBy('aid_item_id')
      .orderBy('period_start')
      .orderBy('id')
      .execute(),
  ]);
  return { budgets, plannedDisbursements };
}

/** The rows of some items' budgets, planned disbursements and exact sector codes. */
export async function loadBudgetRows(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return { budgets: [], plannedDisbursements: [], sectorCodes: [] };
  const list = [...ids];
  const [plans, sectorCodes] = await Promise.all([
    loadPlanRows(db, list),
    db
      .selectFrom('aid_sector_codes')
      .select(['aid_item_id', 'vocabulary', 'code', 'sector_code', sql<string>`share::text`.as('share')])
      .where('aid_item_id', 'in', list)
      .orderBy('aid_item_id')
      .orderBy('vocabulary')
      .orderBy('share', 'desc')
      .orderBy('code')
      .execute(),
  ]);
  return { ...plans, sectorCodes };
}

export type BudgetRows = Awaited<ReturnType<typeof loadBudgetRows>>;

/** Rows grouped by item, for the mapper. */
export function groupBudgetRows(rows: BudgetRows) {
  const group = <T extends { aid_item_id: string }>(list: readonly T[]) => {
    const out = new Map<string, T[]>();
    for (const r of list) out.set(r.aid_item_id, [...(out.get(r.aid_item_id) ?? []), r]);
    return out;
  };
  return { budgets: group(rows.budgets), planned: group(rows.plannedDisbursements), codes: group(rows.sectorCodes) };
}

/**
 * Puts an item's budgets and planned disbursements on its activity (when it has any), and its sectors as
 * `sectorsForExport` writes them: the publisher's exact DAC codes when they still describe the item's sectors.
 */
export function attachBudgets(
  activity: IatiActivity,
  itemId: string,
  grouped: ReturnType<typeof groupBudgetRows>,
  shares: readonly VnaidSectorShare[],
): void {
  const budgets = (grouped.budgets.get(itemId) ?? []).map((b) => {
    const out: Budget = {
      type: b.budget_type,
      status: b.budget_status,
      periodStart: b.period_start,
      periodEnd: b.period_end,
      amount: b.amount,
      currency: b.currency,
    };
    if (b.value_date !== b.period_start) out.valueDate = b.value_date;
    return out;
  });
  const planned = (grouped.planned.get(itemId) ?? []).map((p) => {
    const out: PlannedDisbursement = { periodStart: p.period_start, amount: p.amount, currency: p.currency };
    if (p.budget_type) out.type = p.budget_type;
    if (p.period_end) out.periodEnd = p.period_end;
    if (p.value_date !== p.period_start) out.valueDate = p.value_date;
    if (p.provider) out.provider = p.provider;
    if (p.receiver) out.receiver = p.receiver;
    return out;
  });
  if (budgets.length) activity.budgets = budgets;
  if (planned.length) activity.plannedDisbursements = planned;
  const codes: ExactSectorCode[] = (grouped.codes.get(itemId) ?? []).map((c) => ({
    vocabulary: c.vocabulary,
    code: c.code,
    sector: c.sector_code as ExactSectorCode['sector'],
    percentage: c.share,
  }));
  if (codes.length) activity.sectors = sectorsForExport(shares, codes, { relief: activity.modality === 'RELIEF' });
}
