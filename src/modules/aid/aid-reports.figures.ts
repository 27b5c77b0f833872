/**
 * The figures an aid report is pre-filled with, read from the registry (issue 13 §1): commitments up to the end of
 * the period, disbursements dated in the period, and the counterpart funds recorded beside the item. Sums are exact
 * SQL numeric sums per original currency; USD and VND are the sums of the stored exact conversions, rounded to the
 * cent (USD) and the dong (VND) only here, for display.
 */
import { sql } from 'kysely';
import type { Db } from '@db/transaction';
import type { AidReportFigures } from './aid-reports.schemas';

type Money = { currency: string; amount: string };

/** The counterpart funds of an item, oldest first, and their exact totals per currency. */
export async function counterpartOf(db: Db, aidItemId: string) {
  const rows = await db
    .selectFrom('aid_counterpart_funds')
    .select(['id', sql<string>`amount::text`.as('amount'), 'currency', 'source', 'created_at'])
    .where('aid_item_id', '=', aidItemId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const totals = await db
    .selectFrom('aid_counterpart_funds')
    .select(['currency', sql<string>`sum(amount)::text`.as('amount')])
    .where('aid_item_id', '=', aidItemId)
    .groupBy('currency')
    .orderBy('currency')
    .execute();
  return { rows, totals: totals as Money[] };
}

/**
 * The registry's figures for one item and period (both ends included).
 * @returns the figures stored with the report and shown on its form
 */
export async function computeAidReportFigures(db: Db, aidItemId: string, from: string, to: string): Promise<AidReportFigures> {
  const tx = db.selectFrom('aid_transactions').where('aid_item_id', '=', aidItemId);
  const [committed, disbursed, totals, counterpart] = await Promise.all([
    tx
      .select(['currency', sql<string>`sum(amount)::text`.as('amount')])
      .where('kind', '=', 'COMMITMENT')
      .where('tx_date', '<=', to)
      .groupBy('currency')
      .orderBy('currency')
      .execute(),
    tx
      .select(['currency', sql<string>`sum(amount)::text`.as('amount')])
      .where('kind', '=', 'DISBURSEMENT')
      .where('tx_date', '>=', from)
      .where('tx_date', '<=', to)
      .groupBy('currency')
      .orderBy('currency')
      .execute(),
    tx
      .select([
        sql<string>`round(coalesce(sum(amount_usd) filter (where kind = 'COMMITMENT'), 0), 2)::text`.as('committedUsd'),
        sql<string>`round(coalesce(sum(amount_vnd) filter (where kind = 'COMMITMENT'), 0), 0)::text`.as('committedVnd'),
        sql<string>`round(coalesce(sum(amount_usd) filter (where kind = 'DISBURSEMENT' and tx_date >= ${from}), 0), 2)::text`.as(
          'disbursedUsd',
        ),
        sql<string>`round(coalesce(sum(amount_vnd) filter (where kind = 'DISBURSEMENT' and tx_date >= ${from}), 0), 0)::text`.as(
          'disbursedVnd',
        ),
        sql<number>`(count(*) filter (where kind = 'DISBURSEMENT' and tx_date >= ${from}))::int`.as('disbursementCount'),
        sql<string>`round(coalesce(sum(amount_usd) filter (where kind = 'DISBURSEMENT'), 0), 2)::text`.as('disbursedToDateUsd'),
      ])
      .where('tx_date', '<=', to)
      .executeTakeFirstOrThrow(),
    counterpartOf(db, aidItemId),
  ]);
  return {
    periodFrom: from,
    periodTo: to,
    committed: committed as Money[],
    committedUsd: totals.committedUsd,
    committedVnd: totals.committedVnd,
    disbursed: disbursed as Money[],
    disbursedUsd: totals.disbursedUsd,
    disbursedVnd: totals.disbursedVnd,
    disbursementCount: totals.disbursementCount,
    disbursedToDateUsd: totals.disbursedToDateUsd,
    counterpartFunds: counterpart.rows.map((r) => ({ currency: r.currency, amount: r.amount, source: r.source })),
    counterpartTotals: counterpart.totals,
  };
}
