import { sql, type Kysely } from 'kysely';
import type { Database } from '@db/types';
import { cellWhere } from '@modules/stats/stats.filters';

type Db = Kysely<Database>;

/**
 * The counts a review needs over a period that the statistics module gives only year by year: organisations
 * counted once over the period, per current province and per priority field (a priority being a set of sectors).
 * Both read the statistics' item-year cells (stats_item_cell) through the statistics' own filter builder.
 */

/** Organisations giving aid in each current province over the years (each counted once per province). */
export async function organisationsByProvince(db: Db, years: readonly number[]): Promise<Map<string, number>> {
  const { rows } = await sql<{ code: string; n: number }>`
    select c.province_id as code, count(distinct c.organisation_id)::int as n
    from stats_item_cell c where ${cellWhere(years, {})} and c.province_id is not null
    group by c.province_id`.execute(db);
  return new Map(rows.map((r) => [r.code, r.n]));
}

/**
 * Per priority (code → its sector codes): the aid item-years with money in one of its sectors (as the period's
 * records count item-years) and the organisations giving them, each counted once per priority.
 */
export async function countsByPriority(
  db: Db,
  years: readonly number[],
  priorities: readonly { code: string; sectorCodes: readonly string[] }[],
): Promise<Map<string, { records: number; organisations: number }>> {
  const pairs = priorities.flatMap((p) => [...new Set(p.sectorCodes)].map((s) => [p.code, s] as const));
  if (!pairs.length) return new Map();
  const { rows } = await sql<{ code: string; records: number; organisations: number }>`
    with p(code, sector) as (select * from unnest(${pairs.map((x) => x[0])}::text[], ${pairs.map((x) => x[1])}::text[]))
    select p.code, count(distinct (c.year, c.aid_item_id))::int as records, count(distinct c.organisation_id)::int as organisations
    from stats_item_cell c join p on p.sector = c.sector_code
    where ${cellWhere(years, {})}
    group by p.code`.execute(db);
  return new Map(rows.map((r) => [r.code, { records: r.records, organisations: r.organisations }]));
}
