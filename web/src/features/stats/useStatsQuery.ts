import { useSearchParams } from 'react-router-dom';
import { vietnamYear } from '@common/time/vietnam-today';

/** The statistics filters a page address holds (the dashboard query without the agency chosen by central officers). */
export type StatsQuery = {
  year: number;
  sector?: string;
  province?: string;
  region?: string;
  country?: string;
  organisation?: string;
  view?: 'own' | 'national';
};

/** The last complete year: what the statistics open on, here and on the public home page. */
export const LAST_COMPLETE_YEAR = vietnamYear() - 1;

/** The statistics filters live in the address: shared by every chart, kept by links, bookmarkable. */
export function useStatsQuery(fixed: Partial<StatsQuery> = {}): [StatsQuery, (change: Partial<StatsQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) || undefined;
  const query: StatsQuery = {
    year: Number(get('year') ?? LAST_COMPLETE_YEAR),
    sector: get('sector'),
    province: get('province'),
    region: get('region'),
    country: get('country'),
    organisation: get('organisation'),
    view: get('view') as StatsQuery['view'],
    ...fixed,
  };
  const update = (change: Partial<StatsQuery>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next);
  };
  return [query, update];
}
