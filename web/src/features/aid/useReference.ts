import { useTranslation } from 'react-i18next';
import { useReferenceList } from '../../api/reference';

/** Reference lists the aid screens share, cached for the session, and a helper naming things in the UI language. */
export function useReference() {
  const { i18n } = useTranslation();
  const provinces = useReferenceList('provincesNew34');
  const oldProvinces = useReferenceList('provincesOld63');
  const sectors = useReferenceList('sectors');
  const countries = useReferenceList('countries');
  const currencies = useReferenceList('currencies');
  const agencies = useReferenceList('agencies');
  const name = (item: { nameVi: string; nameEn: string } | undefined | null) =>
    item ? (i18n.language === 'en' ? item.nameEn : item.nameVi) : '';
  const provinceName = (id: string) => name([...(provinces.data ?? []), ...(oldProvinces.data ?? [])].find((p) => p.id === id)) || id;
  return { provinces, oldProvinces, sectors, countries, currencies, agencies, name, provinceName, lang: i18n.language };
}
