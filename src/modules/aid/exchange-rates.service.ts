import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@db/types';
import { AppError } from '@errors/app-error';
import { offsetOf } from '@http/pagination';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { parseRatesCsv, type RateRow } from './exchange-rates.csv';
import type { ListRatesQuery, PutRateBody, RateView } from './exchange-rates.schemas';

const MANUAL_SOURCE = 'vnaid administrator';

/** Rates, newest first, optionally of one currency and one year. */
export async function listRates(db: Kysely<Database>, query: ListRatesQuery) {
  let base = db.selectFrom('exchange_rates');
  if (query.currency) base = base.where('currency', '=', query.currency);
  if (query.year) base = base.where('rate_date', '>=', `${query.year}-01-01`).where('rate_date', '<=', `${query.year}-12-31`);
  const [rows, count] = await Promise.all([
    base
      .select([
        'currency',
        'rate_date as date',
        sql<string>`trim_scale(usd_per_unit)::text`.as('usdPerUnit'),
        sql<string>`trim_scale(vnd_per_unit)::text`.as('vndPerUnit'),
        'source',
      ])
      .orderBy('rate_date', 'desc')
      .orderBy('currency')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows as RateView[], total: Number(count.n), page: query.page, pageSize: query.pageSize };
}

/**
 * Converts again the transactions of a currency dated from `fromDate` on, so every stored USD/VND value stays
 * the exact product of its amount and the latest rate on or before its date after rates are added or replaced.
 * The update trigger then recomputes the aggregates of the items touched.
 * @returns how many transactions changed
 */
export async function reconvertTransactions(trx: Transaction<Database>, currency: string, fromDate: string): Promise<number> {
  const result = await sql`
    update aid_transactions t
       set amount_usd = t.amount * r.usd_per_unit, amount_vnd = t.amount * r.vnd_per_unit, rate_date = r.rate_date
      from (select t2.id, x.rate_date, x.usd_per_unit, x.vnd_per_unit
              from aid_transactions t2
              cross join lateral (select e.rate_date, e.usd_per_unit, e.vnd_per_unit from exchange_rates e
                                   where e.currency = t2.currency and e.rate_date <= t2.tx_date
                                   order by e.rate_date desc limit 1) x
             where t2.currency = ${currency} and t2.tx_date >= ${fromDate}::date) r
     where t.id = r.id
       and (t.rate_date is distinct from r.rate_date or t.amount_usd <> t.amount * r.usd_per_unit or t.amount_vnd <> t.amount * r.vnd_per_unit)`.execute(
    trx,
  );
  return Number(result.numAffectedRows ?? 0);
}

/** Upserts rates and reconverts what depends on them; one transaction, one audit record. */
async function applyRates(
  trx: Transaction<Database>,
  ctx: WriteContext,
  rows: Omit<RateRow, 'line'>[],
  source: string,
  action: string,
): Promise<{ rates: number; reconverted: number }> {
  const before = await trx
    .selectFrom('exchange_rates')
    .selectAll()
    .where(sql<boolean>`(currency, rate_date) in (${sql.join(rows.map((r) => sql`(${r.currency}, ${r.date}::date)`))})`)
    .execute();
  for (let i = 0; i < rows.length; i += 1000) {
    await trx
      .insertInto('exchange_rates')
      .values(
        rows
          .slice(i, i + 1000)
          .map((r) => ({ currency: r.currency, rate_date: r.date, usd_per_unit: r.usdPerUnit, vnd_per_unit: r.vndPerUnit, source })),
      )
      .onConflict((oc) =>
        oc.columns(['currency', 'rate_date']).doUpdateSet((eb) => ({
          usd_per_unit: eb.ref('excluded.usd_per_unit'),
          vnd_per_unit: eb.ref('excluded.vnd_per_unit'),
          source: eb.ref('excluded.source'),
        })),
      )
      .execute();
  }
  const earliest = new Map<string, string>();
  for (const r of rows) if (!earliest.has(r.currency) || r.date < earliest.get(r.currency)!) earliest.set(r.currency, r.date);
  let reconverted = 0;
  for (const [currency, from] of earliest) reconverted += await reconvertTransactions(trx, currency, from);
  await writeAudit(trx, ctx, {
    action,
    entityType: 'exchange_rate',
    entityId: rows.length === 1 ? `${rows[0]!.currency}:${rows[0]!.date}` : null,
    before: before.length ? before : undefined,
    after: { rates: rows.length > 50 ? `${rows.length} rates` : rows, source, reconverted },
  });
  return { rates: rows.length, reconverted };
}

/** Adds or replaces the rate of one currency on one date (administrators). */
export async function putRate(db: Kysely<Database>, ctx: WriteContext, body: PutRateBody) {
  const currency = await db.selectFrom('currencies').select('code').where('code', '=', body.currency).executeTakeFirst();
  if (!currency)
    throw new AppError('validation_failed', {
      details: { issues: [{ path: 'body.currency', message: `unknown currency: ${body.currency}` }] },
    });
  if (/^0+(\.0+)?$/.test(body.usdPerUnit) || /^0+(\.0+)?$/.test(body.vndPerUnit)) {
    throw new AppError('validation_failed', { details: { issues: [{ path: 'body.usdPerUnit', message: 'rates must be positive' }] } });
  }
  return db.transaction().execute((trx) => applyRates(trx, ctx, [body], body.source ?? MANUAL_SOURCE, 'exchange_rate.put'));
}

/**
 * Imports a CSV of rates all-or-nothing: any bad line rejects the whole file (422 import_rejected with every
 * line's problem in details.errors) and nothing changes.
 */
export async function importRates(db: Kysely<Database>, ctx: WriteContext, csv: string, source?: string) {
  const known = new Set((await db.selectFrom('currencies').select('code').execute()).map((c) => c.code));
  const { rows, errors } = parseRatesCsv(csv, known);
  if (errors.length) throw new AppError('import_rejected', { details: { errors } });
  return db.transaction().execute((trx) => applyRates(trx, ctx, rows, source ?? 'CSV import', 'exchange_rate.import'));
}
