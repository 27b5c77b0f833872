import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import { formatScaled, sumScaled } from '@domain/money/decimal';
import { measureIndicator, priorityFigures, programmeInForce, reviewKind } from '@domain/programme';
import { AppError } from '@errors/app-error';
import { byRegion, periodSummary } from '@modules/stats/stats.period';
import { allocateMoney, nameIn, type Lang } from '@modules/stats/stats.present';
import { names, splitByDimension } from '@modules/stats/stats.repository';
import { hasSyntheticData, summary } from '@modules/stats/stats.service';
import { countsByPriority, organisationsByProvince } from './reviews.repository';
import { listProgrammes } from './programmes.service';

type Db = Kysely<Database>;
type Exact = { committed: string; disbursed: string; records: number };

/**
 * A period split by province or by sector, from the statistics' yearly splits: the exact parts of each year summed
 * (records summed, as the period's records count item-years), then rounded by largest remainder against the exact
 * total, so the parts and the unallocated rest add up to the period's total to the cent.
 */
async function periodSplit(db: Db, years: readonly number[], dimension: 'province' | 'sector', order: readonly string[]) {
  const splits = await Promise.all(years.map((y) => splitByDimension(db, y, {}, dimension)));
  const parts = new Map<string, { committed: string[]; disbursed: string[]; records: number }>();
  for (const split of splits)
    for (const p of split.parts) {
      if (p.code.startsWith('region:')) continue;
      const acc = parts.get(p.code) ?? { committed: [], disbursed: [], records: 0 };
      acc.committed.push(p.committed);
      acc.disbursed.push(p.disbursed);
      acc.records += p.records;
      parts.set(p.code, acc);
    }
  const exact = (values: string[]) => formatScaled(sumScaled(values.length ? values : ['0']));
  // Allocated in the statistics' own order (provinces by code, sectors by their rank), as its yearly splits are,
  // so a one-year review rounds every part exactly as the by-province and by-sector figures do.
  const codes = [...order.filter((c) => parts.has(c)), ...[...parts.keys()].filter((c) => !order.includes(c))];
  const rows: Exact[] = codes.map((c) => {
    const p = parts.get(c)!;
    return { committed: exact(p.committed), disbursed: exact(p.disbursed), records: p.records };
  });
  const unallocated: Exact = {
    committed: exact(splits.map((s) => s.unallocated.committed)),
    disbursed: exact(splits.map((s) => s.unallocated.disbursed)),
    records: splits.reduce((a, s) => a + s.unallocated.records, 0),
  };
  const total = { committed: exact(splits.map((s) => s.total.committed)), disbursed: exact(splits.map((s) => s.total.disbursed)) };
  const money = allocateMoney([...rows, unallocated], total);
  return {
    parts: new Map(codes.map((c, i) => [c, { ...money[i]!, aidRecords: rows[i]!.records }])),
    unallocated: { ...money[money.length - 1]!, aidRecords: unallocated.records },
  };
}

/** The programme a review is measured against: the one asked for, or the one in force in the period's last year. */
async function reviewProgramme(db: Db, to: number, code: string | undefined) {
  const programmes = await listProgrammes(db);
  const programme = code ? programmes.find((p) => p.code === code) : programmeInForce(programmes, to);
  if (!programme && code) throw new AppError('not_found', { params: { entity: 'programme' }, details: { entity: 'programme' } });
  if (!programme) throw new AppError('programme_report_no_programme', { params: { year: to }, details: { year: to } });
  return programme;
}

/**
 * A mid-term or final review of the Programme over the years `from`–`to`: the period's totals and counts (the
 * public period summary), the split by priority field, by the 34 provinces and by region under both schemes (the
 * statistics' own by-region figures), and the programme's indicators with what vnaid can measure of them.
 * @throws AppError stats_period_reversed, programme_report_no_programme, not_found (programme)
 */
export async function buildReview(db: Db, q: { from: number; to: number; programme?: string }, lang: Lang) {
  const { from, to } = q;
  if (from > to) throw new AppError('stats_period_reversed', { params: { from, to }, details: { from, to } });
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const programme = await reviewProgramme(db, to, q.programme);
  const c = programme.content;
  const ref = await names(db, []);
  const [totals, lastYear, sectors, provinces, current, historic, priorityCounts, provinceOrgs, synthetic] = await Promise.all([
    periodSummary(db, from, to),
    summary(db, to, {}),
    periodSplit(
      db,
      years,
      'sector',
      ref.sectors.map((x) => x.code),
    ),
    periodSplit(
      db,
      years,
      'province',
      ref.provinces.map((x) => x.id),
    ),
    byRegion(db, { from, to, scheme: 'current' }, lang),
    byRegion(db, { from, to, scheme: 'historic' }, lang),
    countsByPriority(db, years, c.priorities),
    organisationsByProvince(db, years),
    hasSyntheticData(db),
  ]);
  const sectorMoney = [...sectors.parts].map(([code, m]) => ({ code, ...m }));
  const split = priorityFigures(c.priorities, sectorMoney, { committedUsd: totals.committedUsd, disbursedUsd: totals.disbursedUsd });
  const zero = { committedUsd: '0.00', disbursedUsd: '0.00', aidRecords: 0 };
  return {
    from,
    to,
    kind: reviewKind(c, from, to),
    programme: { code: programme.code, titleVi: c.titleVi, titleEn: c.titleEn, from: c.from, to: c.to, provisional: c.provisional },
    totals: {
      committedUsd: totals.committedUsd,
      disbursedUsd: totals.disbursedUsd,
      aidRecords: totals.aidRecords,
      activeOrganisations: totals.activeOrganisations,
      registeredOrganisations: totals.registeredOrganisations,
      referenceDate: totals.referenceDate,
    },
    priorities: split.priorities.map((p) => ({
      ...p,
      sectorNames: p.sectorCodes.map((code) =>
        nameIn(
          lang,
          ref.sectors.find((x) => x.code === code),
          code,
        ),
      ),
      aidRecords: priorityCounts.get(p.code)?.records ?? 0,
      organisations: priorityCounts.get(p.code)?.organisations ?? 0,
    })),
    outsidePriorities: split.outside,
    provinces: ref.provinces.map((p) => ({
      id: p.id,
      code: p.code,
      name: nameIn(lang, p),
      region: p.region_code,
      ...(provinces.parts.get(p.id) ?? zero),
      organisations: provinceOrgs.get(p.id) ?? 0,
    })),
    provincesUnallocated: provinces.unallocated,
    regions: {
      current: { items: current.items, unallocated: current.unallocated },
      historic: { items: historic.items, unallocated: historic.unallocated },
    },
    indicators: c.indicators.map((ind) => ({
      code: ind.code,
      nameVi: ind.nameVi,
      nameEn: ind.nameEn,
      target: ind.target,
      unit: ind.unit,
      provisional: ind.provisional,
      ...measureIndicator(ind, { years: years.length, disbursedUsd: totals.disbursedUsd, activeInLastYear: lastYear.activeOrganisations }),
    })),
    synthetic,
  };
}

export type Review = Awaited<ReturnType<typeof buildReview>>;
