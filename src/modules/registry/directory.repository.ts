import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '@db/types';
import type { OrganisationStatus } from '@domain/registration';
import type { DirectoryFilters, DirectoryItem } from './directory.schemas';
import { coversProvince, coversSector, publiclyListed } from './registry.policy';
import { organisationStatusIs, organisationStatusSql } from './registry-status';

/** Escapes LIKE wildcards typed by a visitor ("50%" is text, not a pattern). */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The words of a query (at most 8: a longer query adds cost, not precision). */
const wordsOf = (q: string) => q.split(/\s+/).filter(Boolean).slice(0, 8).map(escapeLike);

/**
 * The text match of `q` against organisation `o`: every word of `q`, folded with vn_fold, occurs in the stored
 * `search_text` (vn_fold of the names and the acronym). So "cuu tro tre em" finds "Cứu trợ trẻ em", "CỨU TRỢ" too,
 * and word order does not matter. The LIKEs are ANDed, which the GIN trigram index answers in one bitmap scan.
 */
function textMatch(q: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.join(
    wordsOf(q).map((w) => sql`o.search_text like '%' || vn_fold(${w}) || '%'`),
    sql` and `,
  )})`;
}

/**
 * Relevance of a match, from cheap string tests on the folded text (trigram similarity costs ~50 µs a row, too
 * much for thousands of matches): the exact acronym, then a name starting with the query, then the query as a
 * phrase at a word start, then anywhere; within a score, the shorter (closer) text first.
 */
function rank(q: string): RawBuilder<number> {
  const phrase = escapeLike(q.trim().replace(/\s+/g, ' '));
  return sql<number>`(
    case when lower(coalesce(o.acronym, '')) = vn_fold(${q.trim()}) then 8 else 0 end
    + case when o.search_text like vn_fold(${phrase}) || '%' then 4 else 0 end
    + case when ' ' || o.search_text like '% ' || vn_fold(${phrase}) || '%' then 2 else 0 end
    + case when o.search_text like '%' || vn_fold(${phrase}) || '%' then 1 else 0 end)`;
}

/** The where clause of the directory filters, on organisations `o`; null when there is no filter at all. */
export function filterSql(filters: DirectoryFilters, today: string): RawBuilder<SqlBool> | null {
  const parts: RawBuilder<SqlBool>[] = [];
  if (filters.q && wordsOf(filters.q).length) parts.push(textMatch(filters.q));
  if (filters.country) parts.push(sql<SqlBool>`o.country_code = ${filters.country}`);
  if (filters.sector) parts.push(coversSector(filters.sector));
  if (filters.province) parts.push(coversProvince(filters.province));
  if (filters.certificateType)
    parts.push(sql<SqlBool>`o.id in (select ct.organisation_id from certificates ct where ct.type = ${filters.certificateType})`);
  if (filters.status) parts.push(organisationStatusIs(filters.status, today));
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` and `)})` : null;
}

type Summary = {
  type: DirectoryItem['certificateTypes'][number];
  validUntil: string;
  provinceIds: string[];
  sectorCodes: string[];
  inForce: boolean;
};

/**
 * The current content of each certificate of organisation `o` (its highest version), with its provinces rolled up to
 * today's units and whether it is in force on `today`, as one JSON array: computed for the page's rows only.
 */
const certificateSummariesSql = (today: string) => sql<Summary[]>`coalesce((
    select json_agg(json_build_object(
      'type', c.type, 'validUntil', v.valid_until, 'sectorCodes', v.sector_codes,
      'provinceIds', array(select distinct p.rolls_up_to from provinces p where p.id = any(v.province_ids) order by 1),
      'inForce', exists (select 1 from certificate_status_periods sp where sp.certificate_id = c.id
        and sp.period @> ${today}::date and sp.status in ('ACTIVE', 'SUSPENDED'))))
    from certificates c
    cross join lateral (select v.* from certificate_versions v where v.certificate_id = c.id order by v.version desc limit 1) v
    where c.organisation_id = o.id), '[]')`;

type OrgRow = {
  id: string;
  code: string;
  name_original: string;
  name_vi: string | null;
  name_en: string | null;
  acronym: string | null;
  country_code: string;
  country_vi: string;
  country_en: string;
  website: string | null;
  synthetic: boolean;
  status: OrganisationStatus;
  certificates: Summary[];
  total: string;
};

/** An organisation row with its certificate summary (types, fields, provinces, expiry of what is in force). */
function present(r: OrgRow): DirectoryItem {
  const own = r.certificates;
  const current = own.filter((s) => s.inForce);
  const shown = current.length ? current : own;
  return {
    id: r.id,
    code: r.code,
    name: r.name_original,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    acronym: r.acronym,
    country: r.country_code,
    countryNameVi: r.country_vi,
    countryNameEn: r.country_en,
    status: r.status,
    certificateTypes: [...new Set(own.map((s) => s.type))],
    sectorCodes: [...new Set(shown.flatMap((s) => s.sectorCodes))],
    provinceIds: [...new Set(shown.flatMap((s) => s.provinceIds))].sort(),
    validUntil: current.length
      ? current
          .map((s) => s.validUntil)
          .sort()
          .at(-1)!
      : null,
    website: r.website,
    synthetic: r.synthetic,
  };
}

/** Filters plus, for officers, the where clause of their scope (registry.policy.ts); null = no limit. */
export type ListOptions = { today: string; scope?: RawBuilder<SqlBool> | null };

/** The combined where clause of filters and scope; null when nothing narrows the list. */
function whereOf(filters: DirectoryFilters, options: ListOptions): RawBuilder<SqlBool> | null {
  const parts = [filterSql(filters, options.today), options.scope ?? null].filter((p): p is RawBuilder<SqlBool> => p !== null);
  return parts.length ? sql<SqlBool>`${sql.join(parts, sql` and `)}` : null;
}

/**
 * One page in one round trip. The inner query only matches, ranks and cuts the page (and counts the total); the
 * country names, the status (a subquery on the status periods) and the certificate summary are computed in the
 * outer query for the page's rows only, which sorts its 20 rows again by the same expression (a join may reorder
 * them; a row_number() window instead would stop PostgreSQL from walking the name index on deep pages).
 */
async function pageRows(
  db: Kysely<Database>,
  filters: DirectoryFilters,
  page: { page: number; pageSize: number },
  options: ListOptions,
): Promise<{ rows: OrgRow[]; total: number | null }> {
  const where = whereOf(filters, options);
  // With filters, a window count reuses the matching; without, the list walks the name index and the total is a
  // plain count of what the scope admits (no sort of every organisation just to count them).
  const total =
    filterSql(filters, options.today) !== null
      ? sql`count(*) over ()`
      : sql`(select count(*) from organisations o ${options.scope ? sql`where ${options.scope}` : sql``})`;
  const order =
    filters.q && wordsOf(filters.q).length
      ? sql`${rank(filters.q)} desc, length(o.search_text), o.name_original, o.id`
      : sql`o.name_original, o.id`;
  const { rows } = await sql<OrgRow>`
    select o.id, o.code, o.name_original, o.name_vi, o.name_en, o.acronym, o.country_code, cn.name_vi as country_vi, cn.name_en as country_en,
      o.website, o.synthetic, ${organisationStatusSql(options.today)} as status, ${certificateSummariesSql(options.today)} as certificates, o.total
    from (
      select o.*, ${total} as total
      from organisations o
      ${where ? sql`where ${where}` : sql``}
      order by ${order}
      limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}
    ) o
    join countries cn on cn.code = o.country_code
    order by ${order}`.execute(db);
  return { rows, total: rows[0] ? Number(rows[0].total) : null };
}

/** One page of the directory with the total number of matches. */
export async function searchDirectory(
  db: Kysely<Database>,
  filters: DirectoryFilters,
  page: { page: number; pageSize: number },
  options: ListOptions,
) {
  const { rows, total } = await pageRows(db, filters, page, options);
  let count = total;
  if (count === null) {
    // A page past the end has no row to carry the total.
    const where = whereOf(filters, options);
    const { rows: n } = await sql<{ n: string }>`select count(*) as n from organisations o ${where ? sql`where ${where}` : sql``}`.execute(
      db,
    );
    count = Number(n[0]?.n ?? 0);
  }
  return { items: rows.map(present), total: count, page: page.page, pageSize: page.pageSize };
}

/** Every publicly listed organisation matching the filters, in pages of `batch`, for the exports (memory stays flat). */
export async function* directoryRows(
  db: Kysely<Database>,
  filters: DirectoryFilters,
  today: string,
  batch = 500,
): AsyncGenerator<DirectoryItem[]> {
  for (let page = 1; ; page++) {
    const { rows } = await pageRows(db, filters, { page, pageSize: batch }, { today, scope: publiclyListed(today) });
    if (rows.length) yield rows.map(present);
    if (rows.length < batch) return;
  }
}
