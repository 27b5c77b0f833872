import { sql, type Kysely } from 'kysely';
import { rankMatches, type Match, type MatchFacts } from '@domain/programme';
import type { Database } from '@db/types';
import { notFound } from '@errors/app-error';
import type { Actor } from '@modules/auth/actor';
import { vietnamToday as todayInVietnam } from '@common/time/vietnam-today';
import { needScopeCondition } from './needs.policy';

type FactRow = {
  id: string;
  name: string;
  has_cert: boolean;
  covers_province: boolean | null;
  covers_sector: boolean | null;
  both: string;
  same_sector: string;
  same_province: string;
  last_year: number | null;
};

/**
 * The facts of every NGO with something in common with a proposal (sector `sector`, current provinces
 * `provinces`): a certificate in force today covering a province (old codes rolled up) or the field; approved,
 * ongoing or completed aid in the sector or the provinces; the last year it disbursed. Read from the indexed
 * relations (aid_sectors by sector, aid_locations by province), not by scanning every aid item.
 */
export async function gatherMatchFacts(db: Kysely<Database>, sector: string, provinces: string[], today: string): Promise<MatchFacts[]> {
  const provinceArray = sql`${provinces}::text[]`;
  const rows = await sql<FactRow>`
    with cert as (
      select c.organisation_id,
        bool_or(v.province_ids && array(select p.id from provinces p where p.rolls_up_to = any(${provinceArray}))) as covers_province,
        bool_or(v.sector_codes @> array[${sector}]::text[]) as covers_sector
      from certificates c
      cross join lateral (select v.* from certificate_versions v where v.certificate_id = c.id order by v.version desc limit 1) v
      where exists (select 1 from certificate_status_periods sp where sp.certificate_id = c.id
        and sp.period @> ${today}::date and sp.status = 'ACTIVE')
      group by c.organisation_id),
    sec as (select aid_item_id from aid_sectors where sector_code = ${sector}),
    loc as (select distinct l.aid_item_id from aid_locations l
      where l.province_id in (select p.id from provinces p where p.rolls_up_to = any(${provinceArray}))),
    aid as (
      select i.organisation_id,
        count(*) filter (where s.aid_item_id is not null and l.aid_item_id is not null) as both,
        count(s.aid_item_id) as same_sector, count(l.aid_item_id) as same_province
      from (select aid_item_id from sec union select aid_item_id from loc) u
      join aid_items i on i.id = u.aid_item_id
      left join sec s on s.aid_item_id = u.aid_item_id
      left join loc l on l.aid_item_id = u.aid_item_id
      where i.organisation_id is not null and i.status in ('APPROVED', 'IMPLEMENTING', 'COMPLETED')
      group by i.organisation_id),
    candidates as (
      select organisation_id from cert where covers_province or covers_sector
      union select organisation_id from aid)
    select o.id, coalesce(o.name_vi, o.name_en, o.name_original) as name,
      cert.organisation_id is not null as has_cert, cert.covers_province, cert.covers_sector,
      coalesce(aid.both, 0) as both, coalesce(aid.same_sector, 0) as same_sector, coalesce(aid.same_province, 0) as same_province,
      (select max(y.year) from stats_org_year y where y.organisation_id = o.id and y.disbursements > 0) as last_year
    from candidates k join organisations o on o.id = k.organisation_id
    left join cert on cert.organisation_id = o.id
    left join aid on aid.organisation_id = o.id`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id,
    name: r.name,
    certificate: r.has_cert ? { coversProvince: Boolean(r.covers_province), coversSector: Boolean(r.covers_sector) } : null,
    pastAid: { sameSectorAndProvince: Number(r.both), sameSector: Number(r.same_sector), sameProvince: Number(r.same_province) },
    lastActiveYear: r.last_year,
  }));
}

/**
 * The NGOs vnaid suggests for a proposal, ranked, each with the reasons behind its score
 * (src/domain/programme/matching.ts). Officers only, on proposals in their scope.
 * @throws AppError not_found
 */
export async function suggestNgos(db: Kysely<Database>, actor: Actor, proposalId: string, limit = 10): Promise<Match[]> {
  const proposal = (
    await sql<{ sector_code: string; province_ids: string[] }>`select n.sector_code, n.province_ids from need_proposals n
      where n.id = ${proposalId} and ${needScopeCondition(actor)}`.execute(db)
  ).rows[0];
  if (!proposal) throw notFound('need_proposal');
  const today = todayInVietnam();
  const facts = await gatherMatchFacts(db, proposal.sector_code, proposal.province_ids, today);
  return rankMatches(facts, Number(today.slice(0, 4)), limit);
}

type ProposalFactRow = {
  id: string;
  title_vi: string;
  covers_province: boolean | null;
  covers_sector: boolean | null;
  has_cert: boolean;
  both: string;
  same_sector: string;
  same_province: string;
};

/**
 * The published proposals vnaid suggests to an NGO, ranked by the same scoring seen from the other side: its
 * certificates in force (provinces rolled up, fields), its approved aid by sector and current province, and its
 * last year of disbursement.
 */
export async function suggestNeedsForOrganisation(db: Kysely<Database>, organisationId: string, limit = 10): Promise<Match[]> {
  const today = todayInVietnam();
  const rows = await sql<ProposalFactRow>`
    with cert as (
      select array(select distinct p.rolls_up_to from provinces p where p.id = any(array_agg_provs)) as provinces, sectors
      from (select array_agg(pid) as array_agg_provs, array_agg(distinct sc) as sectors
        from certificates c
        cross join lateral (select v.* from certificate_versions v where v.certificate_id = c.id order by v.version desc limit 1) v
        cross join lateral unnest(v.province_ids) pid
        cross join lateral unnest(v.sector_codes) sc
        where c.organisation_id = ${organisationId}
          and exists (select 1 from certificate_status_periods sp where sp.certificate_id = c.id
            and sp.period @> ${today}::date and sp.status = 'ACTIVE')) agg
      where array_agg_provs is not null),
    items as (
      select i.id,
        array(select distinct p.rolls_up_to from aid_locations l join provinces p on p.id = l.province_id where l.aid_item_id = i.id) as provinces,
        array(select s.sector_code from aid_sectors s where s.aid_item_id = i.id) as sectors
      from aid_items i
      where i.organisation_id = ${organisationId} and i.status in ('APPROVED', 'IMPLEMENTING', 'COMPLETED'))
    select n.id, n.title_vi,
      exists (select 1 from cert) as has_cert,
      (select n.province_ids && cert.provinces from cert) as covers_province,
      (select cert.sectors @> array[n.sector_code] from cert) as covers_sector,
      (select count(*) from items where items.sectors @> array[n.sector_code] and items.provinces && n.province_ids) as both,
      (select count(*) from items where items.sectors @> array[n.sector_code]) as same_sector,
      (select count(*) from items where items.provinces && n.province_ids) as same_province
    from need_proposals n
    where n.status = 'PUBLISHED'
      and not exists (select 1 from need_interests ni where ni.proposal_id = n.id and ni.organisation_id = ${organisationId})`.execute(db);
  const last = await db
    .selectFrom('stats_org_year')
    .select((eb) => eb.fn.max('year').as('year'))
    .where('organisation_id', '=', organisationId)
    .where('disbursements', '>', 0)
    .executeTakeFirst();
  const facts: MatchFacts[] = rows.rows.map((r) => ({
    id: r.id,
    name: r.title_vi,
    certificate: r.has_cert ? { coversProvince: Boolean(r.covers_province), coversSector: Boolean(r.covers_sector) } : null,
    pastAid: { sameSectorAndProvince: Number(r.both), sameSector: Number(r.same_sector), sameProvince: Number(r.same_province) },
    lastActiveYear: last?.year ?? null,
  }));
  return rankMatches(facts, Number(today.slice(0, 4)), limit);
}
