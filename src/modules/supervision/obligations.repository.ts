/**
 * The facts obligations are derived from (src/domain/registration/obligations.ts), read for a set of organisations
 * in a few set queries: certificate decisions with the provinces they left, receipts, periods in force, submitted
 * annual reports, representative changes, notified bank accounts, activity in the first 12 months, and what
 * people recorded (fulfilments, waivers).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '@db/types';
import type { ActivityEvidence, ObligationDecision, ObligationFacts, ObligationRecord } from '@domain/registration/obligations';
import type { CertificateEventKind } from '@domain/registration/certificate-events';
import type { SupervisionTables } from './supervision.tables';
import type { Db } from '@db/transaction';

export type SupervisionDb = Kysely<Database & SupervisionTables>;

/** The database handle with this module's tables (kept out of the shared schema type). */
export const supervisionDb = (db: Db): SupervisionDb => db.withTables<SupervisionTables>() as unknown as SupervisionDb;

/** A timestamp's date in Vietnam (UTC+7), as YYYY-MM-DD. */
const vnDate = (column: string) => sql<string>`to_char(${sql.ref(column)} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`;

const emptyFacts = (): ObligationFacts & {
  decisions: ObligationDecision[];
  activeRanges: { from: string; to: string; certificateId: string }[];
  submittedReports: Map<number, string>;
  dataChanges: { id: string; changedOn: string; recordedOn: string | null }[];
  bankNoticeDates: string[];
  activity: Map<string, ActivityEvidence>;
  records: ObligationRecord[];
  activityDates: string[];
} => ({
  decisions: [],
  activeRanges: [],
  submittedReports: new Map(),
  dataChanges: [],
  bankNoticeDates: [],
  activity: new Map(),
  records: [],
  activityDates: [],
});

/**
 * Every fact of the organisations `ids`, keyed by organisation id (an organisation without any certificate gets
 * empty facts, hence no obligations).
 */
export async function loadObligationFacts(db: Db, ids: readonly string[]): Promise<Map<string, ObligationFacts>> {
  const out = new Map(ids.map((id) => [id, emptyFacts()]));
  if (!ids.length) return out;
  const idList = sql.join(ids.map((id) => sql`${id}::uuid`));
  const [decisions, ranges, reports, reps, banks, activity, records, activityDays] = await Promise.all([
    sql<{
      organisation_id: string;
      event_id: string;
      certificate_id: string;
      kind: CertificateEventKind;
      decision_date: string;
      received_date: string | null;
      province_ids: string[] | null;
      office_changed: boolean;
    }>`
      select c.organisation_id, e.id as event_id, c.id as certificate_id, e.kind, e.decision_date::text as decision_date,
        coalesce(r.received_on, e.received_date)::text as received_date, v.province_ids,
        (prev.version is not null and prev.office_province_id is distinct from v.office_province_id) as office_changed
      from certificate_events e
      join certificates c on c.id = e.certificate_id
      left join certificate_versions v on v.event_id = e.id
      left join certificate_versions prev on prev.certificate_id = v.certificate_id and prev.version = v.version - 1
      left join certificate_receipts r on r.event_id = e.id
      where c.organisation_id in (${idList}) and e.kind in ('ISSUED', 'EXTENDED', 'AMENDED', 'SUPPLEMENTED')
      order by e.decision_date, e.seq`.execute(db),
    sql<{ organisation_id: string; certificate_id: string; from: string; to: string }>`
      select organisation_id, certificate_id, lower(period)::text as from, coalesce((upper(period) - 1)::text, '9999-12-31') as to
      from certificate_status_periods where organisation_id in (${idList}) and status in ('ACTIVE', 'SUSPENDED')`.execute(db),
    db
      .selectFrom('ngo_reports')
      .select(['organisation_id', 'report_year', vnDate('submitted_at').as('submitted_on')])
      .where('organisation_id', 'in', ids)
      .where('status', 'in', ['SUBMITTED', 'ACCEPTED'])
      .where('submitted_at', 'is not', null)
      .execute(),
    // A representative who took office after the organisation's first certificate: a change of its data (O4).
    sql<{ organisation_id: string; id: string; since: string; recorded_on: string | null }>`
      select r.organisation_id, r.id, r.since::text as since, ${vnDate('r.created_at')} as recorded_on
      from organisation_representatives r
      where r.organisation_id in (${idList}) and r.since is not null
        and r.since > (select min(e.decision_date) from certificate_events e join certificates c on c.id = e.certificate_id
                       where c.organisation_id = r.organisation_id and e.kind = 'ISSUED')
      union all
      -- An office address or representative recorded by the edit services (data-changes.ts): done on recording by
      -- the NGO itself; recorded by an officer, owed by the NGO until it records the update.
      select d.organisation_id, d.id, d.changed_on::text as since,
        case when d.recorded_by_ngo then d.recorded_on::text end as recorded_on
      from organisation_data_changes d where d.organisation_id in (${idList})`.execute(db),
    db
      .selectFrom('organisation_bank_accounts')
      .select(['organisation_id', sql<string>`notified_on::text`.as('notified_on')])
      .where('organisation_id', 'in', ids)
      .where('notified_on', 'is not', null)
      .execute(),
    // Art. 19.1(b): disbursements, submitted reports and aid items dated inside the 12 months after each issue.
    sql<{ event_id: string; disbursements: number; reports: number; aid_items: number; first_on: string | null }>`
      with issues as (
        select e.id, c.organisation_id, e.decision_date as from_date, (e.decision_date + interval '12 months')::date as to_date
        from certificate_events e join certificates c on c.id = e.certificate_id
        where c.organisation_id in (${idList}) and e.kind = 'ISSUED'
      )
      select i.id as event_id,
        (select count(*)::int from aid_transactions t join aid_items a on a.id = t.aid_item_id
          where a.organisation_id = i.organisation_id and t.kind = 'DISBURSEMENT' and t.tx_date >= i.from_date and t.tx_date < i.to_date) as disbursements,
        (select count(*)::int from ngo_reports n where n.organisation_id = i.organisation_id and n.status in ('SUBMITTED', 'ACCEPTED')
          and (n.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date >= i.from_date and (n.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date < i.to_date) as reports,
        (select count(*)::int from aid_items a where a.organisation_id = i.organisation_id
          and coalesce(a.actual_start, a.approval_date) >= i.from_date and coalesce(a.actual_start, a.approval_date) < i.to_date) as aid_items,
        (select min(d)::text from (
          select min(t.tx_date) as d from aid_transactions t join aid_items a on a.id = t.aid_item_id
            where a.organisation_id = i.organisation_id and t.kind = 'DISBURSEMENT' and t.tx_date >= i.from_date and t.tx_date < i.to_date
          union all
          select min((n.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date) from ngo_reports n where n.organisation_id = i.organisation_id
            and n.status in ('SUBMITTED', 'ACCEPTED') and (n.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date >= i.from_date
            and (n.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date < i.to_date
          union all
          select min(coalesce(a.actual_start, a.approval_date)) from aid_items a where a.organisation_id = i.organisation_id
            and coalesce(a.actual_start, a.approval_date) >= i.from_date and coalesce(a.actual_start, a.approval_date) < i.to_date
        ) x) as first_on
      from issues i`.execute(db),
    supervisionDb(db)
      .selectFrom('obligation_records')
      .select(['organisation_id', 'obligation_key', 'status', sql<string>`done_on::text`.as('done_on')])
      .where('organisation_id', 'in', ids)
      .execute(),
    // Art. 19.1(b) over any 12 months: every day of activity (disbursement, submitted report, aid item starting).
    sql<{ organisation_id: string; d: string }>`
      select distinct x.organisation_id, x.d::text as d from (
        select a.organisation_id, t.tx_date as d from aid_transactions t join aid_items a on a.id = t.aid_item_id
          where a.organisation_id in (${idList}) and t.kind = 'DISBURSEMENT'
        union all
        select n.organisation_id, (n.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date from ngo_reports n
          where n.organisation_id in (${idList}) and n.status in ('SUBMITTED', 'ACCEPTED') and n.submitted_at is not null
        union all
        select a.organisation_id, coalesce(a.actual_start, a.approval_date) from aid_items a
          where a.organisation_id in (${idList}) and coalesce(a.actual_start, a.approval_date) is not null
      ) x`.execute(db),
  ]);

  const factsOf = (id: string) => out.get(id)! as ReturnType<typeof emptyFacts>;
  for (const d of decisions.rows)
    factsOf(d.organisation_id).decisions.push({
      eventId: d.event_id,
      certificateId: d.certificate_id,
      kind: d.kind,
      decisionDate: d.decision_date,
      receivedDate: d.received_date,
      provinceIds: d.province_ids ?? [],
      officeChanged: d.office_changed,
    });
  for (const r of ranges.rows) factsOf(r.organisation_id).activeRanges.push({ from: r.from, to: r.to, certificateId: r.certificate_id });
  for (const r of reports) factsOf(r.organisation_id).submittedReports.set(r.report_year, r.submitted_on);
  for (const r of reps.rows) factsOf(r.organisation_id).dataChanges.push({ id: r.id, changedOn: r.since, recordedOn: r.recorded_on });
  for (const b of banks) factsOf(b.organisation_id).bankNoticeDates.push(b.notified_on);
  const orgOfEvent = new Map(decisions.rows.map((d) => [d.event_id, d.organisation_id]));
  for (const a of activity.rows) {
    const org = orgOfEvent.get(a.event_id);
    if (org)
      factsOf(org).activity.set(a.event_id, {
        disbursements: a.disbursements,
        reports: a.reports,
        aidItems: a.aid_items,
        firstActivityOn: a.first_on,
      });
  }
  for (const r of records) factsOf(r.organisation_id).records.push({ key: r.obligation_key, status: r.status, doneOn: r.done_on });
  const days = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const r of activityDays.rows) days.get(r.organisation_id)?.push(r.d);
  for (const [id, list] of days) factsOf(id).activityDates = list;
  return out;
}

/** Current (new34) unit of every province id, for scoping implementation plans to a province officer. */
export async function provinceRollUps(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('provinces').select(['id', 'rolls_up_to']).execute();
  return new Map(rows.map((r) => [r.id, r.rolls_up_to ?? r.id]));
}
