import { centsToString, divRoundHalfUp, toCents } from '@domain/money/decimal';
import type { ProgrammeIndicator, ProgrammePriority } from './programme-content';

/**
 * Aid counted against a programme's priority fields and indicators, from figures the statistics already give
 * (money by sector, rounded so the sectors add up to the total). Pure: the services fetch, this counts.
 * @module
 */

/** A sector's presented money (two decimals, as the statistics API shows it). */
export type SectorMoney = { code: string; committedUsd: string; disbursedUsd: string };
export type Money = { committedUsd: string; disbursedUsd: string };

export type PriorityFigure = Money & {
  code: string;
  nameVi: string;
  nameEn: string;
  sectorCodes: string[];
  /** Some of its sectors also belong to another priority: its money is counted under each (rows overlap). */
  shared: boolean;
};

const cents = (rows: readonly SectorMoney[], key: keyof Money) => rows.reduce((a, r) => a + toCents(r[key]), 0n);

/**
 * Money of each priority field as the sum of its sectors' money, and what lies outside every priority (sectors no
 * priority names, and aid without a sector), so that the sectors counted once plus `outside` give the total.
 * A sector named by two priorities (1225's environment and climate change both map to TNMT) is counted in full
 * under each and both rows are marked `shared`: splitting it would invent a share the registry does not record.
 * @param total the presented total the sectors add up to
 */
export function priorityFigures(
  priorities: readonly ProgrammePriority[],
  sectors: readonly SectorMoney[],
  total: Money,
): { priorities: PriorityFigure[]; outside: Money } {
  const bySector = new Map(sectors.map((s) => [s.code, s]));
  const owners = new Map<string, number>();
  for (const p of priorities) for (const s of new Set(p.sectorCodes)) owners.set(s, (owners.get(s) ?? 0) + 1);
  const rows = priorities.map((p) => {
    const own = [...new Set(p.sectorCodes)].map((s) => bySector.get(s)).filter((s): s is SectorMoney => s !== undefined);
    return {
      code: p.code,
      nameVi: p.nameVi,
      nameEn: p.nameEn,
      sectorCodes: [...p.sectorCodes],
      committedUsd: centsToString(cents(own, 'committedUsd')),
      disbursedUsd: centsToString(cents(own, 'disbursedUsd')),
      shared: p.sectorCodes.some((s) => (owners.get(s) ?? 0) > 1),
    };
  });
  const counted = sectors.filter((s) => owners.has(s.code));
  return {
    priorities: rows,
    outside: {
      committedUsd: centsToString(toCents(total.committedUsd) - cents(counted, 'committedUsd')),
      disbursedUsd: centsToString(toCents(total.disbursedUsd) - cents(counted, 'disbursedUsd')),
    },
  };
}

/** What a review knows of a period to measure indicators: its years, its money and activity figures. */
export type PeriodMeasures = {
  years: number;
  disbursedUsd: string;
  /** Regularly active NGOs in the period's last year (the yearly definition the indicators are set against). */
  activeInLastYear: number;
};

/** How an indicator was measured (labelled in the programme reports catalogue `indicatorBasis`), or not at all. */
export type IndicatorBasis = 'mean_yearly_disbursed' | 'total_disbursed' | 'active_last_year' | 'not_measured';

export type IndicatorResult = { achieved: string | null; basis: IndicatorBasis };

/**
 * The value vnaid can compute for an indicator over a period, by its unit: money per year is the mean yearly
 * disbursement in million USD (two decimals), money the total in million USD, organisations the regularly active
 * NGOs of the last year. Projects, percentages and people are not recorded by vnaid in a way that measures a
 * programme target: `achieved` is null ("not measured by vnaid").
 */
export function measureIndicator(indicator: Pick<ProgrammeIndicator, 'unit'>, m: PeriodMeasures): IndicatorResult {
  const millions = (value: bigint) => centsToString(divRoundHalfUp(value, 1_000_000n));
  switch (indicator.unit) {
    case 'million_usd_per_year':
      return { achieved: millions(divRoundHalfUp(toCents(m.disbursedUsd), BigInt(Math.max(1, m.years)))), basis: 'mean_yearly_disbursed' };
    case 'million_usd':
      return { achieved: millions(toCents(m.disbursedUsd)), basis: 'total_disbursed' };
    case 'organisations':
      return { achieved: String(m.activeInLastYear), basis: 'active_last_year' };
    default:
      return { achieved: null, basis: 'not_measured' };
  }
}
