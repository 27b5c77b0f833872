import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import { formatScaled, sumScaled } from '@domain/money/decimal';
import type { StatsFilter } from './stats.filters';
import type { StatsScope } from './stats.policy';
import { allocateMoney, type Lang } from './stats.present';
import { recordsBehind } from './stats.repository';
import { byCountry, byOrganisation, byProvince, bySector, summary, trend } from './stats.service';

/** The filters of a dashboard request (scope already applied). */
export function filterOf(query: {
  province?: string;
  region?: string;
  sector?: string;
  country?: string;
  organisation?: string;
}): StatsFilter {
  return {
    province: query.province,
    region: query.region,
    sector: query.sector,
    country: query.country,
    organisationId: query.organisation,
  };
}

async function scopeName(db: Kysely<Database>, scope: StatsScope, lang: Lang): Promise<{ id: string | null; name: string | null }> {
  if (scope.kind === 'national') return { id: null, name: null };
  if (scope.kind === 'province') {
    const p = await db.selectFrom('provinces').select(['name_vi', 'name_en']).where('id', '=', scope.provinceId).executeTakeFirst();
    return { id: scope.provinceId, name: p ? (lang === 'en' ? p.name_en : p.name_vi) : scope.provinceId };
  }
  const a = await db.selectFrom('agencies').select(['name_vi', 'name_en']).where('id', '=', scope.agencyId).executeTakeFirst();
  return { id: scope.agencyId, name: a ? (lang === 'en' ? a.name_en : a.name_vi) : scope.agencyId };
}

/**
 * Everything the dashboard shows for a year, computed concurrently from the trigger-maintained aggregates:
 * key figures with the change on the previous year, the ten-year trend and the breakdowns (province with regions,
 * sector, donor country, NGO), all under the same filters.
 */
export async function dashboard(db: Kysely<Database>, year: number, filter: StatsFilter, scope: StatsScope, lang: Lang) {
  const [sum, series, provinces, sectors, countries, organisations, named] = await Promise.all([
    summary(db, year, filter),
    trend(db, year, filter),
    byProvince(db, year, filter, lang),
    bySector(db, year, filter, lang),
    byCountry(db, year, filter, lang),
    byOrganisation(db, year, filter, lang, 15),
    scopeName(db, scope, lang),
  ]);
  return {
    year,
    scope: { kind: scope.kind, ...named },
    filters: {
      province: filter.province ?? null,
      region: filter.region ?? null,
      sector: filter.sector ?? null,
      country: filter.country ?? null,
      organisation: filter.organisationId ?? null,
    },
    summary: sum,
    trend: series,
    byProvince: provinces,
    bySector: sectors,
    byCountry: countries,
    byOrganisation: organisations,
  };
}

/** The aid items behind a figure, with the filtered part of their amounts. */
export async function records(db: Kysely<Database>, year: number, filter: StatsFilter, lang: Lang, page: number, pageSize: number) {
  // Every row is allocated from the figure's total, so the list adds up to the number the user clicked.
  const all = await recordsBehind(db, year, filter);
  const money = allocateMoney(all, {
    committed: formatScaled(sumScaled(all.map((r) => r.committed))),
    disbursed: formatScaled(sumScaled(all.map((r) => r.disbursed))),
  });
  const offset = (page - 1) * pageSize;
  return {
    items: all.slice(offset, offset + pageSize).map((r, i) => ({
      id: r.id,
      code: r.code,
      title: lang === 'en' ? (r.title_en ?? r.title_vi) : r.title_vi,
      organisationId: r.organisation_id,
      organisation: lang === 'en' ? r.org_en : (r.org_vi ?? r.org_en),
      ...money[offset + i]!,
    })),
    total: all.length,
    page,
    pageSize,
  };
}
