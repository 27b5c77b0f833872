import { sql, type Kysely } from 'kysely';
import type { Database } from '@db/types';
import type { IatiActivity, IatiOrganisation, LocalizedText } from '@domain/iati/model';
import { serializeActivities, serializeOrganisation } from '@domain/iati/serialize';
import { notFound } from '@errors/app-error';
import { publicAidCondition } from '@modules/aid/aid.policy';
import type { Audience } from '@modules/aid/aid-items.repository';
import { vietnamToday } from '@common/time/vietnam-today';
import { publiclyListed } from '@modules/registry/registry.policy';
import { loadExportRows, selectExportIds, type ExportFilters } from './iati-export.repository';
import { toIatiActivities, type SkippedItem } from './iati-export.mapper';
import { localOrganisationIdentifier, VNAID_PUBLISHER } from './iati-publisher';

/** The most activities one document carries; narrower filters (a year, a province, an NGO) split larger selections. */
export const EXPORT_MAX_ACTIVITIES = 50_000;
/** Items read from the database at a time. */
const BATCH = 500;

/** A written activity document and what it left out. */
export type ActivitiesDocument = { xml: string; activities: number; skipped: SkippedItem[]; synthetic: boolean };

/**
 * The IATI 2.03 `iati-activities` document of a selection of aid items: the aid list's filters inside the
 * audience's scope (a province officer exports only their province's items; the public only approved aid).
 * Items that cannot make a valid activity are left out and listed in `skipped`. A selection without data (a year
 * before any aid, a filter that matches nothing) is an `iati-activities` document with no activity, not a 404:
 * "nothing was published for that year" is an answer (the API contract); the 2.03 XSD's `minOccurs="1"` is the
 * one rule such a document cannot meet.
 * @param options.approvedOnly only items holding an approval decision (the public document)
 * @param options.publicSite the site's address (`https://vnaid.gov.vn`): each activity links its public aid page
 *   (`/public/aid/:id`) — only for the public document, whose items all have one
 */
export async function exportActivities(
  db: Kysely<Database>,
  audience: Audience,
  filters: ExportFilters,
  options: { approvedOnly?: boolean; generatedAt?: Date; publicSite?: string } = {},
): Promise<ActivitiesDocument> {
  const ids = await selectExportIds(db, audience, filters, { approvedOnly: options.approvedOnly ?? false, limit: EXPORT_MAX_ACTIVITIES });
  const activities: IatiActivity[] = [];
  const skipped: SkippedItem[] = [];
  let synthetic = false;
  for (let at = 0; at < ids.length; at += BATCH) {
    const rows = await loadExportRows(db, ids.slice(at, at + BATCH));
    synthetic ||= rows.items.some((i) => i.synthetic);
    const site = options.publicSite?.replace(/\/+$/, '');
    const mapped = toIatiActivities(rows, site ? (id) => `${site}/public/aid/${id}` : undefined);
    activities.push(...mapped.activities);
    skipped.push(...mapped.skipped);
  }
  const xml = serializeActivities(activities, { generatedAt: options.generatedAt ?? new Date(), synthetic });
  return { xml, activities: activities.length, skipped, synthetic };
}

/**
 * The IATI 2.03 `iati-organisations` document of one organisation: identifiers, names in Vietnamese and English
 * (the original name when there is no English one), and its yearly expenditure in Viet Nam: the USD disbursed on its approved aid, by calendar
 * year (the public figures; amounts rounded to cents).
 * @throws AppError not_found
 */
export async function exportOrganisation(
  db: Kysely<Database>,
  id: string,
  generatedAt: Date = new Date(),
): Promise<{ xml: string; fileName: string }> {
  // Published only when the directory lists it (one definition: registry.policy's publiclyListed), else 404 like it.
  const org = await db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.code', 'o.name_original', 'o.name_vi', 'o.name_en', 'o.iati_org_id', 'o.updated_at'])
    .where('o.id', '=', id)
    .where(publiclyListed(vietnamToday(generatedAt)))
    .executeTakeFirst();
  if (!org) throw notFound('organisation');
  const years = await db
    .selectFrom('aid_item_year_totals as y')
    .innerJoin('aid_items as i', 'i.id', 'y.aid_item_id')
    .select(['y.year', sql<string>`round(sum(y.disbursed_usd), 2)::text`.as('disbursed')])
    .where('i.organisation_id', '=', id)
    .where(publicAidCondition('i'))
    .groupBy('y.year')
    .having(sql<boolean>`sum(y.disbursed_usd) > 0`)
    .orderBy('y.year')
    .execute();
  const name: LocalizedText = {};
  if (org.name_vi) name.vi = org.name_vi;
  name.en = org.name_en ?? org.name_original;
  const document: IatiOrganisation = {
    identifier: org.iati_org_id ?? localOrganisationIdentifier(org.code),
    name,
    reportingOrg: VNAID_PUBLISHER,
    defaultCurrency: 'USD',
    lastUpdated: org.updated_at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    totalExpenditures: years.map((y) => ({
      periodStart: `${y.year}-01-01`,
      periodEnd: `${y.year}-12-31`,
      amount: y.disbursed,
      currency: 'USD',
    })),
  };
  return { xml: serializeOrganisation(document, { generatedAt }), fileName: `iati-organisation-${org.code}.xml` };
}
