import { sql, type Transaction } from 'kysely';
import type { Database } from '@db/types';
import { AppError } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Issue } from './aid-items.validation';
import type { ReportLineInput, ReportLineView } from './reports.schemas';
import { addTransaction, rateOn } from './transactions.service';
import type { Db } from '@db/transaction';
import { compareDecimal, sumDecimals } from '@domain/money/decimal';
import { retiredOn } from '@domain/money/retired-currencies';
import { vietnamToday } from '@common/time/vietnam-today';

type Period = { id: string; organisation_id: string; report_year: number; period_from: string; period_to: string };

const hasContent = (l: ReportLineInput) =>
  Boolean(l.disbursedAmount || l.results) ||
  [l.beneficiariesTotal, l.beneficiariesFemale, l.beneficiariesEthnicMinority, l.beneficiariesDisability].some(
    (n) => n !== null && n !== undefined,
  );

/**
 * Every problem of the lines of a report, at once: the aid item must be the organisation's and listed once, an
 * amount needs its currency, which must not be a withdrawn ISO 4217 code on the line's date, the disbursement date
 * must fall in the report period and not after today (a report states what was disbursed, not what is planned), and
 * the beneficiaries broken down by sex, ethnic minority or disability cannot exceed the total given.
 */
export async function lineIssues(db: Db, report: Period, lines: ReportLineInput[], today = vietnamToday()): Promise<Issue[]> {
  const issues: Issue[] = [];
  const ids = [...new Set(lines.map((l) => l.aidItemId))];
  const own = new Set(
    ids.length
      ? (
          await db
            .selectFrom('aid_items')
            .select('id')
            .where('id', 'in', ids)
            .where('organisation_id', '=', report.organisation_id)
            .execute()
        ).map((r) => r.id)
      : [],
  );
  const currencies = new Set((await db.selectFrom('currencies').select('code').execute()).map((c) => c.code));
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    const at = (field: string) => `body.lines.${i}.${field}`;
    if (!own.has(l.aidItemId)) issues.push({ path: at('aidItemId'), message: 'not an aid item of the reporting organisation' });
    if (seen.has(l.aidItemId)) issues.push({ path: at('aidItemId'), message: 'aid item listed twice' });
    seen.add(l.aidItemId);
    if (l.disbursedAmount && !l.currency) issues.push({ path: at('currency'), message: 'required with an amount' });
    if (l.currency && !currencies.has(l.currency)) issues.push({ path: at('currency'), message: `unknown currency: ${l.currency}` });
    const retired = l.currency ? retiredOn(l.currency, l.disbursementDate ?? report.period_to) : null;
    if (retired)
      issues.push({
        path: at('currency'),
        message: `${l.currency} was withdrawn on ${retired.from}: use ${retired.successor}`,
      });
    if (l.disbursementDate && l.disbursementDate > today)
      issues.push({ path: at('disbursementDate'), message: `must not be after today (${today})` });
    if (l.disbursementDate && (l.disbursementDate < report.period_from || l.disbursementDate > report.period_to)) {
      issues.push({
        path: at('disbursementDate'),
        message: `must fall within the report period ${report.period_from} – ${report.period_to}`,
      });
    }
    const total = l.beneficiariesTotal;
    if (total !== null && total !== undefined) {
      for (const field of ['beneficiariesFemale', 'beneficiariesEthnicMinority', 'beneficiariesDisability'] as const) {
        const part = l[field];
        if (part !== null && part !== undefined && part > total)
          issues.push({ path: at(field), message: 'cannot exceed the total number of beneficiaries' });
      }
    }
  });
  return issues;
}

/**
 * What the law allows but a reader should check, shown beside the report without blocking it: a line that takes
 * the aid item's disbursements (the other recorded ones plus this line, in USD) past its commitment, and a
 * disbursement dated after the project's end (actual, else planned). Lines without an amount raise nothing.
 */
export type ReportWarning = Issue & { code: 'over_commitment' | 'after_project_end'; params: Record<string, string> };

export async function lineWarnings(db: Db, reportId: string): Promise<ReportWarning[]> {
  const rows = await db
    .selectFrom('ngo_report_lines as l')
    .innerJoin('aid_items as i', 'i.id', 'l.aid_item_id')
    .leftJoin('aid_item_totals as t', 't.aid_item_id', 'l.aid_item_id')
    .select([
      'l.aid_item_id',
      'i.code',
      sql<string | null>`l.amount_usd::text`.as('line_usd'),
      'l.disbursement_date',
      sql<string | null>`coalesce(i.actual_end, i.planned_end)::text`.as('project_end'),
      sql<string>`coalesce(t.committed_usd, 0)::text`.as('committed_usd'),
      // The other disbursements of the item: what is recorded, less this line's own filed transaction.
      sql<string>`(coalesce(t.disbursed_usd, 0) - coalesce((select x.amount_usd from aid_transactions x where x.id = l.transaction_id), 0))::text`.as(
        'other_usd',
      ),
    ])
    .where('l.report_id', '=', reportId)
    .orderBy('i.code')
    .execute();
  const warnings: ReportWarning[] = [];
  rows.forEach((r, i) => {
    const at = (field: string) => `lines.${i}.${field}`;
    if (r.line_usd && compareDecimal(r.committed_usd, '0') > 0) {
      const total = sumDecimals([r.other_usd, r.line_usd]);
      if (compareDecimal(total, r.committed_usd) > 0)
        warnings.push({
          path: at('disbursedAmount'),
          code: 'over_commitment',
          params: { item: r.code, total, committed: r.committed_usd },
          message: `${r.code}: disbursements would reach ${total} USD, above the commitment of ${r.committed_usd} USD`,
        });
    }
    if (r.line_usd && r.disbursement_date && r.project_end && r.disbursement_date > r.project_end)
      warnings.push({
        path: at('disbursementDate'),
        code: 'after_project_end',
        params: { item: r.code, date: r.disbursement_date, end: r.project_end },
        message: `${r.code}: disbursed on ${r.disbursement_date}, after the project's end on ${r.project_end}`,
      });
  });
  return warnings;
}

/**
 * Replaces the lines of a draft, converting each amount to USD exactly at the rate of its date (the period end
 * when none is given). A line keeps the transaction an earlier filing created for its aid item, so a returned
 * report filed again replaces that transaction rather than adding a second; the transactions of aid items
 * dropped from the report are removed now.
 * @throws AppError validation_failed, exchange_rate_missing
 */
export async function replaceLines(trx: Transaction<Database>, ctx: WriteContext, report: Period, lines: ReportLineInput[]): Promise<void> {
  const issues = await lineIssues(trx, report, lines);
  if (issues.length) throw new AppError('validation_failed', { details: { issues } });
  const previous = await trx
    .selectFrom('ngo_report_lines')
    .select(['aid_item_id', 'transaction_id'])
    .where('report_id', '=', report.id)
    .execute();
  const kept = lines.filter(hasContent);
  const keptIds = new Set(kept.map((l) => l.aidItemId));
  const carried = new Map(previous.map((p) => [p.aid_item_id, p.transaction_id]));
  const dropped = previous.filter((p) => p.transaction_id && !keptIds.has(p.aid_item_id)).map((p) => p.transaction_id!);
  if (dropped.length) {
    await trx.deleteFrom('aid_transactions').where('id', 'in', dropped).execute();
    await writeAudit(trx, ctx, {
      action: 'aid_transaction.delete',
      entityType: 'ngo_report',
      entityId: report.id,
      after: { transactionIds: dropped, reason: 'line removed from report' },
    });
  }
  await trx.deleteFrom('ngo_report_lines').where('report_id', '=', report.id).execute();
  for (const l of kept) {
    const date = l.disbursementDate ?? report.period_to;
    const rate = l.disbursedAmount && l.currency ? await rateOn(trx, l.currency, date) : null;
    await trx
      .insertInto('ngo_report_lines')
      .values({
        report_id: report.id,
        aid_item_id: l.aidItemId,
        disbursed_amount: l.disbursedAmount ?? null,
        currency: l.disbursedAmount ? (l.currency ?? null) : null,
        amount_usd: rate ? sql<string>`${l.disbursedAmount}::numeric * ${rate.usd_per_unit}::numeric` : null,
        disbursement_date: l.disbursementDate ?? null,
        results: l.results ?? null,
        beneficiaries_total: l.beneficiariesTotal ?? null,
        beneficiaries_female: l.beneficiariesFemale ?? null,
        beneficiaries_ethnic_minority: l.beneficiariesEthnicMinority ?? null,
        beneficiaries_disability: l.beneficiariesDisability ?? null,
        transaction_id: carried.get(l.aidItemId) ?? null,
      })
      .execute();
  }
}

/**
 * Files the lines: each disbursement becomes an aid_transactions row (DISBURSEMENT, source REPORT, dated the
 * line's date or the period end), replacing the one an earlier filing made, and the line records it. All in the
 * caller's transaction, so the report and the statistics change together.
 */
export async function fileLines(trx: Transaction<Database>, ctx: WriteContext, report: Period): Promise<number> {
  const lines = await trx.selectFrom('ngo_report_lines').selectAll().where('report_id', '=', report.id).execute();
  let filed = 0;
  for (const line of lines) {
    if (line.transaction_id) await trx.deleteFrom('aid_transactions').where('id', '=', line.transaction_id).execute();
    if (!line.disbursed_amount || !line.currency || /^0+(\.0+)?$/.test(line.disbursed_amount)) {
      if (line.transaction_id)
        await trx
          .updateTable('ngo_report_lines')
          .set({ transaction_id: null })
          .where('report_id', '=', report.id)
          .where('aid_item_id', '=', line.aid_item_id)
          .execute();
      continue;
    }
    const tx = await addTransaction(trx, ctx, line.aid_item_id, {
      kind: 'DISBURSEMENT',
      date: line.disbursement_date ?? report.period_to,
      amount: line.disbursed_amount,
      currency: line.currency,
      description: `Báo cáo hằng năm ${report.report_year} (Mẫu 05) / Annual report ${report.report_year}`,
      source: 'REPORT',
    });
    await trx
      .updateTable('ngo_report_lines')
      .set({ transaction_id: tx.id, amount_usd: sql<string>`(select amount_usd from aid_transactions where id = ${tx.id})` })
      .where('report_id', '=', report.id)
      .where('aid_item_id', '=', line.aid_item_id)
      .execute();
    filed++;
  }
  return filed;
}

/**
 * The lines of a report, then (with `withCandidates`) the organisation's other aid items the report may
 * cover: approved, running or completed items active in the report year, or running ones.
 */
export async function readLines(db: Db, report: Period, withCandidates: boolean): Promise<ReportLineView[]> {
  const rows = await db
    .selectFrom('ngo_report_lines as l')
    .innerJoin('aid_items as i', 'i.id', 'l.aid_item_id')
    .select([
      'l.aid_item_id',
      'i.code',
      'i.title_vi',
      'i.title_en',
      'i.default_currency',
      sql<string | null>`l.disbursed_amount::text`.as('disbursed_amount'),
      'l.currency',
      sql<string | null>`round(l.amount_usd, 2)::text`.as('amount_usd'),
      'l.disbursement_date',
      'l.results',
      'l.beneficiaries_total',
      'l.beneficiaries_female',
      'l.beneficiaries_ethnic_minority',
      'l.beneficiaries_disability',
      sql<string | null>`l.transaction_id::text`.as('transaction_id'),
    ])
    .where('l.report_id', '=', report.id)
    .orderBy('i.code')
    .execute();
  const lines: ReportLineView[] = rows.map((r) => ({
    aidItemId: r.aid_item_id,
    aidItemCode: r.code,
    aidItemTitleVi: r.title_vi,
    aidItemTitleEn: r.title_en,
    defaultCurrency: r.default_currency,
    disbursedAmount: r.disbursed_amount,
    currency: r.currency,
    amountUsd: r.amount_usd,
    disbursementDate: r.disbursement_date,
    results: r.results,
    beneficiariesTotal: r.beneficiaries_total,
    beneficiariesFemale: r.beneficiaries_female,
    beneficiariesEthnicMinority: r.beneficiaries_ethnic_minority,
    beneficiariesDisability: r.beneficiaries_disability,
    transactionId: r.transaction_id,
    filed: true,
  }));
  if (!withCandidates) return lines;
  const listed = new Set(lines.map((l) => l.aidItemId));
  const candidates = await db
    .selectFrom('aid_items as i')
    .select(['i.id', 'i.code', 'i.title_vi', 'i.title_en', 'i.default_currency'])
    .where('i.organisation_id', '=', report.organisation_id)
    .where('i.status', 'in', ['APPROVED', 'IMPLEMENTING', 'COMPLETED'])
    .where(
      sql<boolean>`(i.status = 'IMPLEMENTING'
      or exists (select 1 from aid_item_year_totals y where y.aid_item_id = i.id and y.year = ${report.report_year})
      or (coalesce(i.actual_start, i.planned_start, i.approval_date) <= ${report.period_to}::date
          and coalesce(i.actual_end, i.planned_end, i.actual_start, i.planned_start, i.approval_date) >= ${report.period_from}::date))`,
    )
    .orderBy('i.code')
    .execute();
  for (const c of candidates) {
    if (listed.has(c.id)) continue;
    lines.push({
      aidItemId: c.id,
      aidItemCode: c.code,
      aidItemTitleVi: c.title_vi,
      aidItemTitleEn: c.title_en,
      defaultCurrency: c.default_currency,
      disbursedAmount: null,
      currency: null,
      amountUsd: null,
      disbursementDate: null,
      results: null,
      beneficiariesTotal: null,
      beneficiariesFemale: null,
      beneficiariesEthnicMinority: null,
      beneficiariesDisability: null,
      transactionId: null,
      filed: false,
    });
  }
  return lines;
}
