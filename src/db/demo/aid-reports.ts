/**
 * Demo aid reports (issue 13 §1): the reports the demo's aid items owe on their clocks are derived like any other;
 * this step records what the synthetic aid owners and governing agencies "did" about those due before today,
 * deterministically from each report's key: most filed on time, some filed late, a few drafts, the rest missing
 * (late on the lists). Some items also get counterpart funds. Limited to a few hundred items with a linked aid owner
 * (the demo `owner` account's VRC among them), so seeding stays quick.
 */
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { vietnamToday } from '@common/time/vietnam-today';
import type { Database } from '@db/types';
import { addDays, compareIsoDates } from '@domain/calendar/iso-date';
import { aidReportsDue } from '@domain/reporting';
import { loadCalendar } from '@modules/calendar/calendar.service';
import { computeAidReportFigures } from '@modules/aid/aid-reports.figures';

const ITEMS = 150;
const bucket = (key: string) => createHash('sha256').update(key).digest().readUInt32BE(0) % 100;

/** Seeds the aid reports and counterpart funds of the demo. */
export async function seedAidReportsDemo(trx: Transaction<Database>): Promise<void> {
  const today = vietnamToday();
  const year = Number(today.slice(0, 4));
  const calendar = await loadCalendar(trx);
  const items = await trx
    .selectFrom('aid_items as i')
    .select([
      'i.id',
      'i.status',
      'i.budget_revenue',
      'i.aid_owner_agency_id',
      'i.governing_agency_id',
      sql<string | null>`coalesce(i.actual_start, i.approval_date)::text`.as('start'),
      sql<string | null>`coalesce(i.actual_end, i.planned_end)::text`.as('end'),
    ])
    .where('i.aid_owner_agency_id', 'is not', null)
    .where('i.status', 'in', ['APPROVED', 'IMPLEMENTING', 'COMPLETED'])
    .where(sql<boolean>`coalesce(i.actual_end, i.planned_end, '9999-12-31'::date) >= make_date(${year - 1}, 1, 1)`)
    .orderBy(sql`i.aid_owner_agency_id = 'VRC'`, 'desc')
    .orderBy('i.code')
    .limit(ITEMS)
    .execute();
  const funds: { aid_item_id: string; amount: string; currency: string; source: string }[] = [];
  for (const item of items) {
    if (bucket(`cf:${item.id}`) < 40)
      funds.push({
        aid_item_id: item.id,
        amount: `${(bucket(`cfa:${item.id}`) + 1) * 25_000_000}`,
        currency: 'VND',
        source: 'Ngân sách địa phương',
      });
  }
  if (funds.length) await trx.insertInto('aid_counterpart_funds').values(funds).execute();
  for (const item of items) {
    const facts = { status: item.status, start: item.start, end: item.end, budgetRevenue: item.budget_revenue };
    for (const y of [year - 1, year]) {
      for (const due of aidReportsDue(facts, y, calendar)) {
        if (compareIsoDates(due.due, today) >= 0) continue;
        const b = bucket(`${item.id}:${due.kind}:${due.periodKey}`);
        if (b >= 80) continue; // missing: late on the lists
        const submitted = b < 55 ? addDays(due.due, -(b % 9)) : b < 70 ? addDays(due.due, 3 + (b % 20)) : null;
        await trx
          .insertInto('aid_reports')
          .values({
            aid_item_id: item.id,
            kind: due.kind,
            period_key: due.periodKey,
            period_from: due.from,
            period_to: due.to,
            due_date: due.due,
            filer_agency_id: due.filer === 'OWNER' ? item.aid_owner_agency_id : item.governing_agency_id,
            status: submitted ? 'SUBMITTED' : 'DRAFT',
            figures: JSON.stringify(await computeAidReportFigures(trx, item.id, due.from, due.to)),
            summary: submitted ? 'Báo cáo giả lập (dữ liệu demo).' : null,
            submitted_at: submitted ? new Date(`${submitted}T09:00:00+07:00`) : null,
          })
          .onConflict((oc) => oc.columns(['aid_item_id', 'kind', 'period_key']).doNothing())
          .execute();
      }
    }
  }
}
