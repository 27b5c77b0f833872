import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '@db/types';
import { roundMoney, subDecimal } from '@domain/money/decimal';
import { notFound } from '@errors/app-error';
import { aidScopeCondition, organisationScopeCondition } from '@modules/aid/aid.policy';
import type { Actor } from '@modules/auth/actor';

/** One side of a year: aid items with money that year, and the USD committed and disbursed (decimal strings). */
export type GapSide = { activities: number; committedUsd: string; disbursedUsd: string };

/** The gap report of one NGO. */
export type GapReport = {
  organisation: { id: string; code: string; name: string; nameVi: string | null; nameEn: string | null; iatiOrgId: string | null };
  years: { year: number; iati: GapSide & { unconverted: number }; vietnam: GapSide; disbursedDifferenceUsd: string }[];
  activities: { both: number; onlyIati: number; onlyVietnam: number };
  onlyIati: { id: string; code: string; title: string; iatiIdentifier: string | null }[];
  onlyVietnam: { id: string; code: string; title: string; iatiIdentifier: string | null }[];
};

/** Items listed per side, at most. */
const LIST = 100;

type YearRow = { year: number; activities: string; committed: string; disbursed: string; unconverted?: string };

/**
 * What an NGO publishes to IATI about Viet Nam against what it reported to Viet Nam, by calendar year.
 *
 * - IATI: the commitments and disbursements of its imported activities *as published* (iati_activity_sources),
 *   in USD at the exchange rate of their date, the rule of aid_transactions; those without a rate are counted in
 *   `unconverted`. They are read from the provenance, not from aid_transactions, because an item whose money was
 *   reported to Viet Nam does not take the IATI figures there (they would count twice).
 * - Viet Nam: its aid_transactions not from IATI (entered by officers, filed in its annual reports, imported from
 *   the old lists).
 * - Activities: published = has IATI provenance; reported = holds a Vietnamese approval or money reported in Viet Nam.
 * The caller sees only organisations in their scope (an NGO itself; an agency those with aid in its scope), and of
 * those only the aid items of their own aid scope (`aidScopeCondition`: a province officer its province's items,
 * never another province's), cancelled items left out on both sides. Every figure is computed inside that scope.
 * @throws AppError not_found (also outside the caller's scope)
 */
export async function gapReport(db: Kysely<Database>, actor: Actor, organisationId: string): Promise<GapReport> {
  const org = await db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.code', 'o.name_original', 'o.name_vi', 'o.name_en', 'o.iati_org_id'])
    .where('o.id', '=', organisationId)
    .where(organisationScopeCondition(actor, 'o.id'))
    .executeTakeFirst();
  if (!org) throw notFound('organisation');
  // The items this report may read: the organisation's, inside the caller's aid scope, not cancelled.
  const inReport = sql<SqlBool>`i.organisation_id = ${organisationId} and i.status <> 'CANCELLED' and ${aidScopeCondition(actor, 'i')}`;

  const [iati, vietnam, items] = await Promise.all([
    sql<YearRow>`
      select extract(year from v.date)::int as year, count(distinct s.aid_item_id)::text as activities,
        round(coalesce(sum(v.amount * r.usd_per_unit) filter (where v.kind = 'COMMITMENT'), 0), 2)::text as committed,
        round(coalesce(sum(v.amount * r.usd_per_unit) filter (where v.kind = 'DISBURSEMENT'), 0), 2)::text as disbursed,
        count(*) filter (where r.usd_per_unit is null)::text as unconverted
      from iati_activity_sources s
      join aid_items i on i.id = s.aid_item_id
      cross join lateral jsonb_to_recordset(s.published) as v(kind text, date date, amount numeric, currency text)
      left join lateral (select e.usd_per_unit from exchange_rates e where e.currency = v.currency and e.rate_date <= v.date
                         order by e.rate_date desc limit 1) r on true
      where ${inReport}
      group by 1`.execute(db),
    sql<YearRow>`
      select extract(year from t.tx_date)::int as year, count(distinct t.aid_item_id)::text as activities,
        round(coalesce(sum(t.amount_usd) filter (where t.kind = 'COMMITMENT'), 0), 2)::text as committed,
        round(coalesce(sum(t.amount_usd) filter (where t.kind = 'DISBURSEMENT'), 0), 2)::text as disbursed
      from aid_transactions t join aid_items i on i.id = t.aid_item_id
      where ${inReport} and t.source <> 'IATI'
      group by 1`.execute(db),
    sql<{ id: string; code: string; title: string; iati_identifier: string | null; published: boolean; reported: boolean }>`
      select i.id, i.code, i.title_vi as title, i.iati_identifier,
        exists (select 1 from iati_activity_sources s where s.aid_item_id = i.id) as published,
        (i.approval_date is not null or exists (select 1 from aid_transactions t where t.aid_item_id = i.id and t.source <> 'IATI')) as reported
      from aid_items i where ${inReport}
      order by i.code`.execute(db),
  ]);

  const byYear = (rows: YearRow[]) => new Map(rows.map((r) => [r.year, r]));
  const a = byYear(iati.rows);
  const b = byYear(vietnam.rows);
  const years = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y);
  const side = (r: YearRow | undefined): GapSide => ({
    activities: Number(r?.activities ?? 0),
    committedUsd: r?.committed ?? '0.00',
    disbursedUsd: r?.disbursed ?? '0.00',
  });
  const view = (i: (typeof items.rows)[number]) => ({ id: i.id, code: i.code, title: i.title, iatiIdentifier: i.iati_identifier });
  const onlyIati = items.rows.filter((i) => i.published && !i.reported);
  const onlyVietnam = items.rows.filter((i) => i.reported && !i.published);
  return {
    organisation: {
      id: org.id,
      code: org.code,
      name: org.name_original,
      nameVi: org.name_vi,
      nameEn: org.name_en,
      iatiOrgId: org.iati_org_id,
    },
    years: years.map((year) => ({
      year,
      iati: { ...side(a.get(year)), unconverted: Number(a.get(year)?.unconverted ?? 0) },
      vietnam: side(b.get(year)),
      disbursedDifferenceUsd: roundMoney(subDecimal(a.get(year)?.disbursed ?? '0', b.get(year)?.disbursed ?? '0')),
    })),
    activities: {
      both: items.rows.filter((i) => i.published && i.reported).length,
      onlyIati: onlyIati.length,
      onlyVietnam: onlyVietnam.length,
    },
    onlyIati: onlyIati.slice(0, LIST).map(view),
    onlyVietnam: onlyVietnam.slice(0, LIST).map(view),
  };
}
