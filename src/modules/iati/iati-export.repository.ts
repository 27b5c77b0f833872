import { sql, type Kysely } from 'kysely';
import type { Database } from '@db/types';
import { effectiveStatusSql } from '@modules/aid/aid.policy';
import { filteredAidItems, type Audience } from '@modules/aid/aid-items.repository';
import type { ExportAidQuery } from '@modules/aid/aid-items.schemas';
import type { PublishedNarratives, PublishedParticipant } from './iati.tables';
import { loadBudgetRows } from './iati-export.budgets';

/** The aid list's filters (sort and order do not matter for a document). */
export type ExportFilters = Omit<ExportAidQuery, 'sort' | 'order'>;

/**
 * Ids of the aid items a document covers, in code order: the aid list's filters inside the audience's scope
 * (src/modules/aid), so an export never shows more than the list would. `approvedOnly` adds "holds an approval
 * decision" (the public document is of approved aid; an imported item without a Vietnamese decision is not).
 */
export async function selectExportIds(
  db: Kysely<Database>,
  audience: Audience,
  filters: ExportFilters,
  options: { approvedOnly?: boolean; limit: number },
): Promise<string[]> {
  let query = filteredAidItems(db, audience, filters).select('i.id');
  if (options.approvedOnly) query = query.where('i.approval_date', 'is not', null);
  const rows = await query.orderBy('i.code').limit(options.limit).execute();
  return rows.map((r) => r.id);
}

/** Everything one document needs about some aid items, in a handful of queries (one per relation). */
export async function loadExportRows(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0)
    return { items: [], locations: [], sectors: [], partners: [], transactions: [], sources: [], ...(await loadBudgetRows(db, [])) };
  const list = [...ids];
  const [items, locations, sectors, partners, transactions, sources, plans] = await Promise.all([
    db
      .selectFrom('aid_items as i')
      .leftJoin('organisations as o', 'o.id', 'i.organisation_id')
      .leftJoin('agencies as a', 'a.id', 'i.governing_agency_id')
      .select([
        'i.id',
        'i.code',
        'i.iati_identifier',
        'i.modality',
        effectiveStatusSql().as('status'),
        'i.title_vi',
        'i.title_en',
        'i.description_vi',
        'i.description_en',
        'i.organisation_id',
        'i.other_donor_name',
        'i.approval_decision_number',
        'i.approval_date',
        'i.planned_start',
        'i.planned_end',
        'i.actual_start',
        'i.actual_end',
        'i.default_currency',
        'i.synthetic',
        'i.updated_at',
        'o.name_original as org_name',
        'o.name_vi as org_name_vi',
        'o.name_en as org_name_en',
        'o.iati_org_id as org_iati_id',
        'o.org_type',
        'a.name_vi as agency_name_vi',
        'a.name_en as agency_name_en',
        'a.kind as agency_kind',
      ])
      .where('i.id', 'in', list)
      .orderBy('i.code')
      .execute(),
    db
      .selectFrom('aid_locations as l')
      .innerJoin('provinces as p', 'p.id', 'l.province_id')
      .select(['l.aid_item_id', 'l.province_id', 'p.name_vi', 'p.name_en'])
      .where('l.aid_item_id', 'in', list)
      .orderBy('l.aid_item_id')
      .orderBy('l.share', 'desc')
      .orderBy('l.province_id')
      .execute(),
    db
      .selectFrom('aid_sectors as s')
      .innerJoin('sectors as r', 'r.code', 's.sector_code')
      .select(['s.aid_item_id', 's.sector_code', sql<string>`s.share::text`.as('share')])
      .where('s.aid_item_id', 'in', list)
      .orderBy('s.aid_item_id')
      .orderBy('r.sort')
      .execute(),
    db
      .selectFrom('aid_partners as p')
      .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
      .leftJoin('agencies as a', 'a.id', 'p.agency_id')
      .select(['p.aid_item_id', 'p.role', 'p.name', 'o.iati_org_id', 'o.org_type', 'a.kind as agency_kind'])
      .where('p.aid_item_id', 'in', list)
      .orderBy('p.aid_item_id')
      .orderBy('p.role')
      .orderBy('p.name')
      .execute(),
    db
      .selectFrom('aid_transactions')
      .select(['aid_item_id', 'kind', 'tx_date', sql<string>`amount::text`.as('amount'), 'currency', 'description'])
      .where('aid_item_id', 'in', list)
      .orderBy('aid_item_id')
      .orderBy('tx_date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('iati_activity_sources')
      .select([
        'aid_item_id',
        'reporting_org_ref',
        'reporting_org_type',
        'reporting_org_name_vi',
        'reporting_org_name_en',
        'secondary_reporter',
        'activity_status',
        sql<PublishedNarratives | null>`narratives`.as('narratives'),
        sql<PublishedParticipant[]>`participants`.as('participants'),
      ])
      .where('aid_item_id', 'in', list)
      .execute(),
    // Budgets, planned disbursements and exact sector codes (issue 16 #4, #7).
    loadBudgetRows(db, list),
  ]);
  return { items, locations, sectors, partners, transactions, sources, ...plans };
}

export type ExportRows = Awaited<ReturnType<typeof loadExportRows>>;
export type ExportItemRow = ExportRows['items'][number];
