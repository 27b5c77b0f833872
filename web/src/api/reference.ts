import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Agency, Country, Currency, Province, Region, Sector } from '@common/contracts/reference';
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

/** The item of each list, as the shared contract (common/contracts/reference.ts) defines it. */
type ReferenceItems = {
  countries: Country;
  sectors: Sector;
  regions: Region;
  agencies: Agency;
  currencies: Currency;
  provincesNew34: Province;
  provincesOld63: Province;
};

/** The items of one reference list, typed by the contract. */
export function useReferenceList<N extends ReferenceListName>(name: N): UseQueryResult<ReferenceItems[N][]>;
export function useReferenceList(name: ReferenceListName): UseQueryResult<unknown[]> {
  const list: { path: string; query?: Record<string, string> } = LISTS[name];
  return useQuery({
    queryKey: ['ref', name],
    queryFn: () => api.get<{ items: unknown[] }>(list.path, list.query).then((r) => r.items),
    staleTime: Infinity,
  });
}

/**
 * Names a state agency by its id in the screen's language ("UBND:new34:04" → "Ủy ban nhân dân tỉnh Cao Bằng"): ids
 * are for the API, people read names. While the list loads, or for an id it does not know, a dash stands in.
 */
export function useAgencyName(): (id: string | null | undefined) => string {
  const agencies = useReferenceList('agencies');
  const { i18n } = useTranslation();
  return (id) => {
    const agency = id ? agencies.data?.find((a) => a.id === id) : undefined;
    return agency ? (i18n.language === 'en' ? agency.nameEn : agency.nameVi) : '—';
  };
}

type ProvinceLike = { id: string; code?: string; nameVi: string; nameEn: string; scheme?: 'old63' | 'new34' };

/**
 * A province as a picker offers it: "04 – Cao Bằng", and a former unit marked "(trước 01/7/2025)", so officers
 * pick by code and name and never type an id.
 */
export function useProvinceLabel(): (province: ProvinceLike) => string {
  const { t, i18n } = useTranslation();
  return (province) => {
    const code = province.code ?? province.id.split(':').at(-1);
    const name = i18n.language === 'en' ? province.nameEn : province.nameVi;
    const former = province.scheme === 'old63' || province.id.startsWith('old63:') ? ` ${t('province.formerUnit')}` : '';
    return `${code} – ${name}${former}`;
  };
}
