import { formatScaled, roundMoney, sumScaled } from '@domain/money/decimal';
import type { Db } from '@db/transaction';
import { listAidRows, type Audience } from '@modules/aid/aid-items.repository';
import type { Lang } from '@modules/stats/stats.present';
import { totalsByYear } from '@modules/stats/stats.repository';
import { byProvince, bySector } from '@modules/stats/stats.service';
import type { PublicProfileAid } from './public-profile.schemas';

/** Years of aid a public profile shows (the Charity Commission register shows five). */
export const PROFILE_AID_YEARS = 5;
/** Aid items listed on a profile (latest approval first); the full list is the public aid search. */
export const PROFILE_AID_ITEMS = 50;

type Part = { committedUsd: string; disbursedUsd: string };

/** Adds the yearly parts of one code (already rounded to cents by the statistics) into one 5-year figure. */
function sumParts<T extends Part>(years: readonly { items: readonly T[] }[], keyOf: (item: T) => string) {
  const byKey = new Map<string, { item: T; committed: string[]; disbursed: string[] }>();
  for (const year of years)
    for (const item of year.items) {
      const entry = byKey.get(keyOf(item)) ?? { item, committed: [], disbursed: [] };
      entry.committed.push(item.committedUsd);
      entry.disbursed.push(item.disbursedUsd);
      byKey.set(keyOf(item), entry);
    }
  return [...byKey.values()]
    .map(({ item, committed, disbursed }) => ({
      item,
      committedUsd: roundMoney(formatScaled(sumScaled(committed))),
      disbursedUsd: roundMoney(formatScaled(sumScaled(disbursed))),
    }))
    .filter((x) => Number(x.committedUsd) !== 0 || Number(x.disbursedUsd) !== 0)
    .sort((a, b) => Number(b.disbursedUsd) - Number(a.disbursedUsd) || Number(b.committedUsd) - Number(a.committedUsd));
}

/**
 * An NGO's aid in Viet Nam for its public profile: the last five years' committed and disbursed USD, and the
 * same five years by sector and by current province. Every figure comes from the statistics functions with the
 * NGO as filter, so the profile and the statistics dashboard (filtered to this NGO) agree to the cent; only aid
 * the public may see is counted (stats_counted_status), and the listed items are the public aid list's.
 */
export async function publicProfileAid(db: Db, organisationId: string, lastYear: number, lang: Lang): Promise<PublicProfileAid> {
  const years = Array.from({ length: PROFILE_AID_YEARS }, (_, i) => lastYear - PROFILE_AID_YEARS + 1 + i);
  const filter = { organisationId };
  const audience: Audience = { public: true };
  const [totals, sectors, provinces, items] = await Promise.all([
    totalsByYear(db, years, filter),
    Promise.all(years.map((y) => bySector(db, y, filter, lang))),
    Promise.all(years.map((y) => byProvince(db, y, filter, lang))),
    listAidRows(db, audience, { organisationId, sort: 'approvalDate', order: 'desc' }, { limit: PROFILE_AID_ITEMS, offset: 0 }),
  ]);
  return {
    from: years[0]!,
    to: lastYear,
    years: totals.map((t) => ({
      year: t.year,
      committedUsd: roundMoney(t.committed),
      disbursedUsd: roundMoney(t.disbursed),
      aidRecords: t.records,
    })),
    bySector: sumParts(sectors, (s) => s.code).map(({ item, committedUsd, disbursedUsd }) => ({
      code: item.code,
      name: item.name,
      committedUsd,
      disbursedUsd,
    })),
    byProvince: sumParts(provinces, (p) => p.id).map(({ item, committedUsd, disbursedUsd }) => ({
      id: item.id,
      code: item.code,
      name: item.name,
      committedUsd,
      disbursedUsd,
    })),
    items: items.map((row) => ({
      id: row.id,
      code: row.code,
      titleVi: row.titleVi,
      titleEn: row.titleEn,
      status: row.status,
      approvalDate: row.approvalDate,
      committedUsd: row.committedUsd,
      disbursedUsd: row.disbursedUsd,
    })),
  };
}
