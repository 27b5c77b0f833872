import { formatAmount } from '@common/format/money';
import type { StatsQuery } from './useStatsQuery';

/** A USD decimal string with grouping and always two decimals, without passing it through a float. */
export const formatUsd = (value: string, lang: string): string => formatAmount(value.includes('.') ? value : `${value}.00`, lang);

/** A compact amount for charts and cards (e.g. 223,7 tr / 223.7 M); charts only, never summed. */
export function compactUsd(value: string, lang: string): string {
  const n = Number(value);
  const [unit, div] =
    n >= 1e9
      ? [lang === 'vi' ? ' tỷ' : ' bn', 1e9]
      : n >= 1e6
        ? [lang === 'vi' ? ' tr' : ' M', 1e6]
        : n >= 1e3
          ? [lang === 'vi' ? ' ng' : ' k', 1e3]
          : ['', 1];
  return `${(n / div).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })}${unit}`;
}

export const formatCount = (value: number, lang: string) => value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');

/** Query parameters of a statistics request or link (empty filters left out). */
export function queryOf(q: StatsQuery, extra: Partial<StatsQuery> = {}): Record<string, string> {
  const merged = { ...q, ...extra };
  return Object.fromEntries(
    Object.entries(merged)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  );
}

/** Link to the records behind a figure. */
export const recordsLink = (q: StatsQuery, extra: Partial<StatsQuery> = {}) =>
  `/statistics/records?${new URLSearchParams(queryOf(q, extra)).toString()}`;

/**
 * The same records in the aid registry list (/aid reads its filters from the address), for signed-in officers;
 * null where the list has no matching filter (a region). Its year also counts items active in the year without a
 * transaction, so it can list a few more.
 */
export function aidListLink(q: StatsQuery): string | null {
  if (q.region) return null;
  const params: Record<string, string | undefined> = {
    year: String(q.year),
    sector: q.sector,
    province: q.province ? `new34:${q.province.replace(/^new34:/, '')}` : undefined,
    donorCountry: q.country,
    organisationId: q.organisation,
  };
  return `/aid?${new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString()}`;
}
