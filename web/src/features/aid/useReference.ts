import { useTranslation } from 'react-i18next';
import { useReferenceList } from '../../api/reference';
import type { Agency, Named, Province } from './types';

/** Reference lists the aid screens share, cached for the session, and a helper naming things in the UI language. */
export function useReference() {
  const { i18n } = useTranslation();
  const provinces = useReferenceList<Province>('provincesNew34');
  const oldProvinces = useReferenceList<Province>('provincesOld63');
  const sectors = useReferenceList<Named & { dacCode: string }>('sectors');
  const countries = useReferenceList<Named>('countries');
  const currencies = useReferenceList<Named>('currencies');
  const agencies = useReferenceList<Agency>('agencies');
  const name = (item: { nameVi: string; nameEn: string } | undefined | null) =>
    item ? (i18n.language === 'en' ? item.nameEn : item.nameVi) : '';
  const provinceName = (id: string) => name([...(provinces.data ?? []), ...(oldProvinces.data ?? [])].find((p) => p.id === id)) || id;
  return { provinces, oldProvinces, sectors, countries, currencies, agencies, name, provinceName, lang: i18n.language };
}
