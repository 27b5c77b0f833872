import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { daysOverdue, dueState, ngoReportPeriod, reportingCalendar, type ReportingAudience } from '@domain/reporting';
import type { Database } from '@db/types';
import { AppError } from '@errors/app-error';
import { offsetOf, type PageQuery } from '@http/pagination';
import { hasNationalScope, type Actor } from '@modules/auth/actor';
import { organisationScopeCondition } from './aid.policy';
import { filteredAidItems } from './aid-items.repository';
import { vietnamToday } from '@common/time/vietnam-today';

export function audienceOf(actor: Actor): ReportingAudience {
  // Spelled out (not hasNationalScope) so that the type narrows for the last line.
  if (actor.role === 'admin' || actor.role === 'central') return 'central';
  if (actor.role === 'agency') return actor.provinceId ? 'province' : 'ministry';
  // An aid owner's own reports under Decree 80 Art. 17 are not on this calendar yet: it files none of these.
  if (actor.role === 'owner') return 'reviewer';
  return actor.role;
}

/**
 * The year's reporting calendar for the actor: what they file (with their report's status and where it stands
 * today) and what they receive (with how many reports arrived within their scope).
 */
export async function reportingCalendarFor(db: Kysely<Database>, actor: Actor, year: number) {
  const today = vietnamToday();
  const [ngoReport, agencyReports, receivedNgo, receivedAgency] = await Promise.all([
    actor.organisationId
      ? db
          .selectFrom('ngo_reports')
          .select(['id', 'status'])
          .where('organisation_id', '=', actor.organisationId)
          .where('report_year', '=', year)
          .executeTakeFirst()
      : undefined,
    actor.agencyId
      ? db
          .selectFrom('agency_reports')
          .select(['id', 'kind', 'status'])
          .where('agency_id', '=', actor.agencyId)
          .where('report_year', '=', year)
          .execute()
      : [],
    db
      .selectFrom('ngo_reports as r')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('r.report_year', '=', year)
      .where('r.status', 'in', ['SUBMITTED', 'ACCEPTED'])
      .where(organisationScopeCondition(actor, 'r.organisation_id'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('agency_reports')
      .select(['kind', sql<number>`count(*)::int`.as('n')])
      .where('report_year', '=', year)
      .where('status', 'in', ['SUBMITTED', 'ACCEPTED'])
      .groupBy('kind')
      .execute(),
  ]);
  const entries = reportingCalendar(year, audienceOf(actor)).map((entry) => {
    let report: { id: string; status: 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED' } | undefined;
    if (entry.duty === 'SUBMIT' && entry.kind === 'NGO_ANNUAL') report = ngoReport;
    if (entry.duty === 'SUBMIT' && (entry.kind === 'AGENCY_MAU04' || entry.kind === 'GOVERNING_ANNUAL'))
      report = agencyReports.find((r) => r.kind === entry.kind);
    // vnaid does not track the central bodies' own summaries (Mẫu 06/07): no state is claimed for them.
    const tracked = entry.duty === 'SUBMIT' && entry.kind !== 'CENTRAL_SUMMARY';
    const submitted = report?.status === 'SUBMITTED' || report?.status === 'ACCEPTED';
    let received: number | null = null;
    if (entry.duty === 'RECEIVE')
      received = entry.kind === 'NGO_ANNUAL' ? receivedNgo.n : (receivedAgency.find((r) => r.kind === entry.kind)?.n ?? 0);
    return {
      ...entry,
      state: tracked ? dueState(entry, today, submitted) : null,
      reportStatus: report?.status ?? null,
      reportId: report?.id ?? null,
      received,
    };
  });
  return { year, today, entries };
}

/** Organisations expected to report because a certificate of theirs was valid during the period, within scope. */
function certificateExpectation(actor: Actor, from: string, to: string): RawBuilder<SqlBool> | null {
  if (hasNationalScope(actor)) {
    return sql<SqlBool>`exists (select 1 from certificate_status_periods c where c.organisation_id = o.id and c.status = 'ACTIVE'
      and c.period && daterange(${from}::date, ${to}::date, '[]'))`;
  }
  if (actor.role === 'agency' && actor.provinceId) {
    return sql<SqlBool>`exists (select 1 from certificates c join certificate_versions v on v.certificate_id = c.id
      where c.organisation_id = o.id and v.effective_from <= ${to}::date and v.valid_until >= ${from}::date
        and v.province_ids && array(select p.id from provinces p where p.rolls_up_to = (select rolls_up_to from provinces where id = ${actor.provinceId})))`;
  }
  return null;
}

/**
 * "Who has not reported": the FNGOs expected to file the year's report (Mẫu 05) within the officer's scope that
 * have not submitted it. Expected means a valid certificate during the report period (national officers: any;
 * a province: one covering the province) or aid in scope active in the year (not in the pipeline, not
 * cancelled). A draft or returned report still counts as missing.
 * @throws AppError forbidden for NGOs and reviewers
 */
export async function missingNgoReports(db: Kysely<Database>, actor: Actor, query: PageQuery & { year: number }) {
  if (!['admin', 'central', 'agency'].includes(actor.role)) throw new AppError('forbidden');
  const period = ngoReportPeriod(query.year);
  const aid = filteredAidItems(db, { actor }, { year: query.year })
    .where('i.organisation_id', 'is not', null)
    .where('i.status', 'not in', ['PIPELINE', 'CANCELLED'])
    .select(['i.organisation_id', sql<number>`count(*)::int`.as('items')])
    .groupBy('i.organisation_id')
    .as('a');
  const byCertificate = certificateExpectation(actor, period.from, period.to);
  const base = db
    .selectFrom('organisations as o')
    .leftJoin(aid, 'a.organisation_id', 'o.id')
    .leftJoin('ngo_reports as r', (join) => join.onRef('r.organisation_id', '=', 'o.id').on('r.report_year', '=', query.year))
    .where((eb) => eb.or([eb('a.organisation_id', 'is not', null), ...(byCertificate ? [byCertificate] : [])]))
    .where((eb) => eb.or([eb('r.status', 'is', null), eb('r.status', 'in', ['DRAFT', 'RETURNED'])]));
  const [rows, count] = await Promise.all([
    base
      .select([
        'o.id',
        'o.code',
        sql<string>`coalesce(o.name_en, o.name_original)`.as('name'),
        'o.name_vi',
        'o.country_code',
        'r.status',
        sql<number>`coalesce(a.items, 0)`.as('items'),
        sql<boolean>`a.organisation_id is not null`.as('by_aid'),
        (byCertificate ?? sql<boolean>`false`).as('by_certificate'),
      ])
      .orderBy('name')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    year: query.year,
    periodFrom: period.from,
    periodTo: period.to,
    dueDate: period.due,
    daysOverdue: daysOverdue(period.due, vietnamToday()),
    items: rows.map((r) => ({
      organisationId: r.id,
      code: r.code,
      name: r.name,
      nameVi: r.name_vi,
      countryCode: r.country_code,
      reportStatus: r.status as 'DRAFT' | 'RETURNED' | null,
      aidItems: Number(r.items),
      expectedBecause: [...(r.by_certificate ? (['CERTIFICATE'] as const) : []), ...(r.by_aid ? (['AID'] as const) : [])],
    })),
    total: Number(count.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}
