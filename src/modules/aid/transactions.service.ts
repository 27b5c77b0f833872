import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@db/types';
import { AppError, notFound } from '@errors/app-error';
import { offsetOf, type PageQuery } from '@http/pagination';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from '@modules/auth/actor';
import { aidWriterRoles } from './aid.policy';
import { findVisibleAidItem } from './aid-items.detail';
import type {
  AddTransactionBody,
  StoredTransactionKind,
  TransactionKind,
  TransactionSource,
  TransactionView,
} from './transactions.schemas';
import type { Db } from '@db/transaction';

export type NewTransaction = {
  kind: TransactionKind;
  date: string;
  amount: string;
  currency: string;
  description?: string;
  source?: TransactionSource;
};

/** Columns of a transaction as the API shows it (USD to cents, VND to the dong; the stored values stay exact). */
const viewColumns = [
  sql<string>`id::text`.as('id'),
  'aid_item_id as aidItemId',
  'kind',
  'tx_date as date',
  sql<string>`amount::text`.as('amount'),
  'currency',
  sql<string>`round(amount_usd, 2)::text`.as('amountUsd'),
  sql<string>`round(amount_vnd, 0)::text`.as('amountVnd'),
  'rate_date as rateDate',
  'description',
  'source',
] as const;

/**
 * The exchange rate a transaction of `date` converts at: the latest row of the currency on or before the date.
 * @throws AppError exchange_rate_missing (422) when there is none
 */
export async function rateOn(db: Db, currency: string, date: string) {
  const rate = await db
    .selectFrom('exchange_rates')
    .select(['rate_date', 'usd_per_unit', 'vnd_per_unit'])
    .where('currency', '=', currency)
    .where('rate_date', '<=', date)
    .orderBy('rate_date', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!rate) throw new AppError('exchange_rate_missing', { params: { currency, date }, details: { currency, date } });
  return rate;
}

/**
 * Records one money transaction of an aid item: converts it to USD and VND as the exact product of the amount and
 * the rate of the latest exchange_rates row on or before its date (no rounding; `rate_date` records which rate),
 * and writes the audit record, all in the caller's transaction. The aggregate tables follow by trigger.
 * Used by the aid API, by report filing and by the IATI importer (which applies its own scope rules).
 * @throws AppError not_found (no such aid item), validation_failed (unknown currency), exchange_rate_missing (422)
 */
export async function addTransaction(
  trx: Transaction<Database>,
  ctx: WriteContext,
  aidItemId: string,
  tx: NewTransaction,
): Promise<TransactionView> {
  const item = await trx.selectFrom('aid_items').select('id').where('id', '=', aidItemId).executeTakeFirst();
  if (!item) throw notFound('aid_item');
  const currency = await trx.selectFrom('currencies').select('code').where('code', '=', tx.currency).executeTakeFirst();
  if (!currency)
    throw new AppError('validation_failed', {
      details: { issues: [{ path: 'body.currency', message: `unknown currency: ${tx.currency}` }] },
    });
  const rate = await rateOn(trx, tx.currency, tx.date);
  const row = await trx
    .insertInto('aid_transactions')
    .values({
      aid_item_id: aidItemId,
      kind: tx.kind,
      tx_date: tx.date,
      amount: tx.amount,
      currency: tx.currency,
      // Multiplied in SQL numeric: exact, whatever the number of digits.
      amount_usd: sql<string>`${tx.amount}::numeric * ${rate.usd_per_unit}::numeric`,
      amount_vnd: sql<string>`${tx.amount}::numeric * ${rate.vnd_per_unit}::numeric`,
      rate_date: rate.rate_date,
      description: tx.description ?? null,
      source: tx.source ?? 'MANUAL',
    })
    .returning(viewColumns)
    .executeTakeFirstOrThrow();
  await writeAudit(trx, ctx, {
    action: 'aid_transaction.create',
    entityType: 'aid_item',
    entityId: aidItemId,
    after: { ...row, usdPerUnit: rate.usd_per_unit, vndPerUnit: rate.vnd_per_unit },
  });
  return row;
}

/**
 * The API's "add a transaction": the item must be visible to the actor, who must be allowed to write aid (NGOs
 * for their own items), and a cancelled item takes no more money.
 * @throws AppError forbidden, not_found, rule/validation errors of {@link addTransaction}
 */
export async function recordTransaction(
  db: Kysely<Database>,
  ctx: WriteContext,
  actor: Actor,
  aidItemId: string,
  body: AddTransactionBody,
): Promise<TransactionView> {
  if (!(aidWriterRoles as readonly string[]).includes(actor.role)) throw new AppError('forbidden');
  return db.transaction().execute(async (trx) => {
    const item = await findVisibleAidItem(trx, actor, aidItemId);
    if (!item) throw notFound('aid_item');
    if (item.status === 'CANCELLED') throw new AppError('conflict', { details: { reason: 'aid_item_cancelled' } });
    return addTransaction(trx, ctx, aidItemId, { ...body, source: 'MANUAL' });
  });
}

/** The transactions of an item the actor may see, newest first. @throws AppError not_found */
export async function listTransactions(
  db: Kysely<Database>,
  actor: Actor,
  aidItemId: string,
  query: PageQuery & { kind?: StoredTransactionKind },
) {
  if (!(await findVisibleAidItem(db, actor, aidItemId))) throw notFound('aid_item');
  let base = db.selectFrom('aid_transactions').where('aid_item_id', '=', aidItemId);
  if (query.kind) base = base.where('kind', '=', query.kind);
  const [items, count] = await Promise.all([
    base.select(viewColumns).orderBy('tx_date', 'desc').orderBy('id', 'desc').limit(query.pageSize).offset(offsetOf(query)).execute(),
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n), page: query.page, pageSize: query.pageSize };
}
