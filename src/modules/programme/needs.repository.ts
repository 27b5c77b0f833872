import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '@db/types';
import { offsetOf } from '@http/pagination';
import type { Actor } from '@modules/auth/actor';
import { mineCondition, needScopeCondition, publicNeedCondition } from './needs.policy';
import type { NeedListItem, NeedsQuery, PublicNeedsQuery } from './needs.schemas';

/** Escapes LIKE wildcards typed by a visitor ("50%" is text, not a pattern). */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const wordsOf = (q: string) => q.split(/\s+/).filter(Boolean).slice(0, 8).map(escapeLike);

/**
 * The filters of the needs lists on need_proposals `n`: every word of `q`, folded by vn_fold, occurs in the stored
 * `search_text` (so "y te" finds "Y tế", on the trigram index, as in the directory); the sector; a province (an
 * old one read as the current unit it rolled up to).
 */
export function needFilterSql(filters: PublicNeedsQuery): RawBuilder<SqlBool>[] {
  const parts: RawBuilder<SqlBool>[] = [];
  const words = filters.q ? wordsOf(filters.q) : [];
  if (words.length)
    parts.push(
      sql<SqlBool>`(${sql.join(
        words.map((w) => sql`n.search_text like '%' || vn_fold(${w}) || '%'`),
        sql` and `,
      )})`,
    );
  if (filters.sector) parts.push(sql<SqlBool>`n.sector_code = ${filters.sector}`);
  if (filters.province)
    parts.push(sql<SqlBool>`n.province_ids && array(select p.rolls_up_to from provinces p where p.id = ${filters.province})`);
  return parts;
}

type ListRow = {
  id: string;
  code: string;
  title_vi: string;
  title_en: string | null;
  summary_vi: string | null;
  summary_en: string | null;
  province_ids: string[];
  sector_code: string;
  budget: string;
  currency: string;
  status: NeedListItem['status'];
  proposing_agency_id: string;
  agency_vi: string;
  agency_en: string;
  synthetic: boolean;
};

export const presentNeedRow = (r: ListRow): NeedListItem => ({
  id: r.id,
  code: r.code,
  titleVi: r.title_vi,
  titleEn: r.title_en,
  summaryVi: r.summary_vi,
  summaryEn: r.summary_en,
  provinceIds: r.province_ids,
  sectorCode: r.sector_code,
  budget: r.budget,
  currency: r.currency,
  status: r.status,
  proposedBy: r.proposing_agency_id,
  proposedByNameVi: r.agency_vi,
  proposedByNameEn: r.agency_en,
  synthetic: r.synthetic,
});

/**
 * One page of proposals matching `conditions` (scope first), newest published first, and the total count.
 * The summaries are cut to 300 characters: lists show a teaser, the proposal page the whole text.
 */
export async function findNeeds(
  db: Kysely<Database>,
  conditions: RawBuilder<SqlBool>[],
  page: { limit: number; offset: number },
): Promise<{ items: NeedListItem[]; total: number }> {
  const where = conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
  const [rows, count] = await Promise.all([
    sql<ListRow>`select n.id, n.code, n.title_vi, n.title_en, left(n.summary_vi, 300) as summary_vi, left(n.summary_en, 300) as summary_en,
        n.province_ids, n.sector_code, n.budget::text as budget, n.currency, n.status, n.proposing_agency_id,
        a.name_vi as agency_vi, a.name_en as agency_en, n.synthetic
      from need_proposals n join agencies a on a.id = n.proposing_agency_id
      where ${where}
      order by n.published_at desc nulls last, n.updated_at desc, n.code
      limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ n: string }>`select count(*) as n from need_proposals n where ${where}`.execute(db),
  ]);
  return { items: rows.rows.map(presentNeedRow), total: Number(count.rows[0]!.n) };
}

/** The list row of one proposal under `condition` (scope), or undefined. */
export async function findNeedRow(db: Kysely<Database>, id: string, condition: RawBuilder<SqlBool>): Promise<NeedListItem | undefined> {
  const rows = await sql<ListRow>`select n.id, n.code, n.title_vi, n.title_en, n.summary_vi, n.summary_en,
      n.province_ids, n.sector_code, n.budget::text as budget, n.currency, n.status, n.proposing_agency_id,
      a.name_vi as agency_vi, a.name_en as agency_en, n.synthetic
    from need_proposals n join agencies a on a.id = n.proposing_agency_id
    where n.id = ${id} and ${condition}`.execute(db);
  return rows.rows[0] ? presentNeedRow(rows.rows[0]) : undefined;
}

/** One page of the published proposals under the public filters. */
export async function listPublicNeeds(db: Kysely<Database>, q: PublicNeedsQuery & { page: number; pageSize: number }) {
  const result = await findNeeds(db, [publicNeedCondition(), ...needFilterSql(q)], { limit: q.pageSize, offset: offsetOf(q) });
  return { ...result, page: q.page, pageSize: q.pageSize };
}

/** One page of the proposals in the actor's scope under the list's filters (status, the actor's own). */
export async function listNeeds(db: Kysely<Database>, actor: Actor, q: NeedsQuery) {
  const conditions = [needScopeCondition(actor), ...needFilterSql(q)];
  if (q.status) conditions.push(sql<SqlBool>`n.status = ${q.status}`);
  if (q.mine === 'true') conditions.push(mineCondition(actor));
  const result = await findNeeds(db, conditions, { limit: q.pageSize, offset: offsetOf(q) });
  return { ...result, page: q.page, pageSize: q.pageSize };
}
