import { allocateCents } from '@domain/statistics/allocation';
import { percentChange } from '@domain/statistics/change';
import { centsToString, toCents } from '@domain/money/decimal';
import type { GroupTotals, PartRow } from './stats.repository';

export type Lang = 'vi' | 'en';
export type Named = { name_vi: string; name_en: string };
export const nameIn = (lang: Lang, row: Named | undefined, fallback = ''): string =>
  row ? (lang === 'en' ? row.name_en : row.name_vi) : fallback;

/** A presented part: money in USD with two decimals, allocated so the parts add up to the total exactly. */
export type MoneyPart = { committedUsd: string; disbursedUsd: string; aidRecords: number; organisations: number };

/**
 * Rounds a list of exact parts to cents so that they add up exactly to the rounded total (largest remainder).
 * @param exact the parts' exact sums (decimal strings); the last may be an "unallocated" remainder
 * @param total the exact total they split
 */
export function allocateMoney(exact: readonly { committed: string; disbursed: string }[], total: { committed: string; disbursed: string }) {
  const committed = allocateCents(
    toCents(total.committed),
    exact.map((p) => nonNegative(p.committed)),
  );
  const disbursed = allocateCents(
    toCents(total.disbursed),
    exact.map((p) => nonNegative(p.disbursed)),
  );
  return exact.map((_, i) => ({ committedUsd: centsToString(committed[i]!), disbursedUsd: centsToString(disbursed[i]!) }));
}

/** A normalised share can leave a part at -1e-20; clamp such dust so the allocation accepts it. */
const nonNegative = (value: string) => (value.startsWith('-') ? '0' : value);

export const emptyPart = (code: string): PartRow => ({ code, region: null, committed: '0', disbursed: '0', records: 0, organisations: 0 });

/** Figure with its previous-year value and the change in percent (one decimal), null without a base. */
export function figure<T extends string | number | null>(value: T, previous: T) {
  const change = value === null || previous === null ? null : percentChange(String(value), String(previous));
  return { value, previous, changePct: change };
}

/** Sum of money parts as presented. */
export function sumPresented(parts: readonly { committedUsd: string; disbursedUsd: string }[]) {
  return {
    committedUsd: centsToString(parts.reduce((a, p) => a + toCents(p.committedUsd), 0n)),
    disbursedUsd: centsToString(parts.reduce((a, p) => a + toCents(p.disbursedUsd), 0n)),
  };
}

export const totalsOf = (t: GroupTotals) => ({ committed: t.committed, disbursed: t.disbursed });
