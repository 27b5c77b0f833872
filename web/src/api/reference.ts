import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from './client';

/**
 * The reference lists every screen uses, fetched once per session. Each list has ONE cache key and ONE shape (its
 * items): screens that cached the same key with different shapes broke each other after a client-side navigation.
 */
const LISTS = {
  countries: { path: '/api/reference/countries' },
  sectors: { path: '/api/reference/sectors' },
  regions: { path: '/api/reference/regions' },
  agencies: { path: '/api/reference/agencies' },
  currencies: { path: '/api/reference/currencies' },
  provincesNew34: { path: '/api/reference/provinces', query: { scheme: 'new34' } },
  provincesOld63: { path: '/api/reference/provinces', query: { scheme: 'old63' } },
} as const satisfies Record<string, { path: string; query?: Record<string, string> }>;

export type ReferenceListName = keyof typeof LISTS;

/** The items of one reference list (`T` is the shape the caller reads of them). */
export function useReferenceList<T>(name: ReferenceListName): UseQueryResult<T[]> {
  const list: { path: string; query?: Record<string, string> } = LISTS[name];
  return useQuery({
    queryKey: ['ref', name],
    queryFn: () => api.get<{ items: T[] }>(list.path, list.query).then((r) => r.items),
    staleTime: Infinity,
  });
}
