import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Agency, Named, Province } from './types';

const list =
  <T>(path: string, query?: Record<string, string>) =>
  () =>
    api.get<{ items: T[] }>(path, query).then((r) => r.items);
const forever = { staleTime: Infinity };

/** Reference lists the aid screens share, cached for the session, and a helper naming things in the UI language. */
export function useReference() {
  const { i18n } = useTranslation();
  const provinces = useQuery({
    queryKey: ['ref', 'provinces', 'new34'],
    queryFn: list<Province>('/api/reference/provinces', { scheme: 'new34' }),
    ...forever,
  });
  const oldProvinces = useQuery({
    queryKey: ['ref', 'provinces', 'old63'],
    queryFn: list<Province>('/api/reference/provinces', { scheme: 'old63' }),
    ...forever,
  });
  const sectors = useQuery({
    queryKey: ['ref', 'sectors'],
    queryFn: list<Named & { dacCode: string }>('/api/reference/sectors'),
    ...forever,
  });
  const countries = useQuery({ queryKey: ['ref', 'countries'], queryFn: list<Named>('/api/reference/countries'), ...forever });
  const currencies = useQuery({ queryKey: ['ref', 'currencies'], queryFn: list<Named>('/api/reference/currencies'), ...forever });
  const agencies = useQuery({ queryKey: ['ref', 'agencies'], queryFn: list<Agency>('/api/reference/agencies'), ...forever });
  const name = (item: { nameVi: string; nameEn: string } | undefined | null) =>
    item ? (i18n.language === 'en' ? item.nameEn : item.nameVi) : '';
  const provinceName = (id: string) => name([...(provinces.data ?? []), ...(oldProvinces.data ?? [])].find((p) => p.id === id)) || id;
  return { provinces, oldProvinces, sectors, countries, currencies, agencies, name, provinceName, lang: i18n.language };
}
