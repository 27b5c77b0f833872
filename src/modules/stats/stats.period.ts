import { vietnamToday } from '@common/time/vietnam-today';
import { roundMoney } from '@domain/money/decimal';
import { registrationReferenceDate } from '@domain/statistics/definitions';
import { AppError } from '@errors/app-error';
import { periodTotals, partYearTotals, regionSplit, regionsOf, type RegionScheme, type SpanTotals } from './stats.period.repository';
import { registeredOn } from './stats.repository';
import { allocateMoney, figure, nameIn, type Lang } from './stats.present';
import type { SummaryQuery } from '@common/contracts/stats';
import { hasSyntheticData, summary } from './stats.service';
import type { Db } from '@db/transaction';

/** What a summary request asks for, once its parameters are checked. */
export type SummaryRequest =
  { kind: 'year'; year: number } | { kind: 'partYear'; year: number; asOf: string } | { kind: 'period'; from: number; to: number };

/**
 * Reads the summary's parameters: a year, a year with `asOf`, or a period `from`–`to`; anything else is refused.
 * @throws AppError stats_period_conflict, stats_period_reversed, stats_as_of_outside_year
 */
export function summaryRequest(q: SummaryQuery, today = vietnamToday()): SummaryRequest {
  const period = q.from !== undefined || q.to !== undefined;
  if (period) {
    if (q.year !== undefined || q.asOf !== undefined || q.from === undefined || q.to === undefined)
      throw new AppError('stats_period_conflict');
    if (q.from > q.to)
      throw new AppError('stats_period_reversed', { params: { from: q.from, to: q.to }, details: { from: q.from, to: q.to } });
    return { kind: 'period', from: q.from, to: q.to };
  }
  const year = q.year ?? Number(today.slice(0, 4));
  if (q.asOf === undefined) return { kind: 'year', year };
  if (!q.asOf.startsWith(`${year}-`))
    throw new AppError('stats_as_of_outside_year', { params: { asOf: q.asOf, year }, details: { asOf: q.asOf, year } });
  return { kind: 'partYear', year, asOf: q.asOf };
}

/** The same day one year earlier (29 February becomes 28 February). */
const yearEarlier = (date: string) => {
  const year = Number(date.slice(0, 4)) - 1;
  const day = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${year}-${day}`;
};

/** A summary in the contract's shape from the totals of a span and of the span before it. */
function shaped(
  cur: SpanTotals,
  prev: SpanTotals,
  reg: [number | null, number | null],
  meta: { year: number; prevYear: number; referenceDate: string },
) {
  const [regPrev, regCur] = reg;
  return {
    year: meta.year,
    activeOrganisations: cur.active,
    registeredOrganisations: regCur,
    committedUsd: roundMoney(cur.committed),
    disbursedUsd: roundMoney(cur.disbursed),
    aidRecords: cur.records,
    referenceDate: meta.referenceDate,
    previous: {
      year: meta.prevYear,
      activeOrganisations: prev.active,
      registeredOrganisations: regPrev,
      committedUsd: roundMoney(prev.committed),
      disbursedUsd: roundMoney(prev.disbursed),
      aidRecords: prev.records,
    },
    changePct: {
      activeOrganisations: figure(cur.active, prev.active).changePct,
      registeredOrganisations: figure(regCur, regPrev).changePct,
      committedUsd: figure(roundMoney(cur.committed), roundMoney(prev.committed)).changePct,
      disbursedUsd: figure(roundMoney(cur.disbursed), roundMoney(prev.disbursed)).changePct,
      aidRecords: figure(cur.records, prev.records).changePct,
    },
  };
}

/**
 * National figures of a period of calendar years (money and records summed, organisations counted once; registered
 * on the period's last reference day), compared with the period of the same length just before it.
 */
export async function periodSummary(db: Db, from: number, to: number) {
  const length = to - from + 1;
  const today = vietnamToday();
  const refs = [registrationReferenceDate(from - 1, today), registrationReferenceDate(to, today)] as const;
  const [cur, prev, registered, synthetic] = await Promise.all([
    periodTotals(db, from, to),
    periodTotals(db, from - length, from - 1),
    registeredOn(db, refs, {}),
    hasSyntheticData(db),
  ]);
  const reg: [number | null, number | null] = [registered.get(refs[0]) ?? null, registered.get(refs[1]) ?? null];
  return { ...shaped(cur, prev, reg, { year: to, prevYear: from - 1, referenceDate: refs[1] }), from, to, synthetic };
}

/** National figures of a year up to `asOf` (registered on that day), compared with the same span a year earlier. */
export async function partYearSummary(db: Db, year: number, asOf: string) {
  const before = yearEarlier(asOf);
  const [cur, prev, registered, synthetic] = await Promise.all([
    partYearTotals(db, year, asOf),
    partYearTotals(db, year - 1, before),
    registeredOn(db, [before, asOf], {}),
    hasSyntheticData(db),
  ]);
  const reg: [number | null, number | null] = [registered.get(before) ?? null, registered.get(asOf) ?? null];
  return { ...shaped(cur, prev, reg, { year, prevYear: year - 1, referenceDate: asOf }), asOf, synthetic };
}

/** The public summary in whichever form was asked for. */
export async function publicSummary(db: Db, request: SummaryRequest) {
  if (request.kind === 'period') return periodSummary(db, request.from, request.to);
  if (request.kind === 'partYear') return partYearSummary(db, request.year, request.asOf);
  return summary(db, request.year, {});
}

/**
 * A period by region under either scheme, split by location shares and rounded so the regions and the unallocated
 * part add up to the national total to the cent.
 * @throws AppError stats_period_reversed
 */
export async function byRegion(db: Db, q: { from?: number; to?: number; scheme: RegionScheme }, lang: Lang) {
  const thisYear = Number(vietnamToday().slice(0, 4));
  const from = q.from ?? q.to ?? thisYear;
  const to = q.to ?? q.from ?? thisYear;
  if (from > to) throw new AppError('stats_period_reversed', { params: { from, to }, details: { from, to } });
  const [split, regions, synthetic] = await Promise.all([
    regionSplit(db, from, to, q.scheme),
    regionsOf(db, q.scheme),
    hasSyntheticData(db),
  ]);
  const partOf = new Map(split.parts.map((p) => [p.code, p]));
  const rows = regions.map((r) => ({ r, row: partOf.get(r.code) }));
  const money = allocateMoney([...rows.map(({ row }) => row ?? { committed: '0', disbursed: '0' }), split.unallocated], split.total);
  return {
    from,
    to,
    scheme: q.scheme,
    items: rows.map(({ r, row }, i) => ({
      code: r.code,
      name: nameIn(lang, r),
      ...money[i]!,
      aidRecords: row?.records ?? 0,
      organisations: row?.organisations ?? 0,
    })),
    unallocated: { ...money[money.length - 1]!, aidRecords: split.unallocated.records, organisations: split.unallocated.organisations },
    total: { committedUsd: roundMoney(split.total.committed), disbursedUsd: roundMoney(split.total.disbursed) },
    synthetic,
  };
}
