import { formatDate } from '@common/format/date';
import { useTranslation } from 'react-i18next';
import type { Named } from './types';

/** Picks the Vietnamese or English name of a record, following the interface language. */
export function useLocalized() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return {
    en,
    name: (x: Named) => (en ? x.nameEn : x.nameVi),
    pick: (vi: string | null | undefined, english: string | null | undefined) => (en ? english : vi) ?? '',
    date: formatDate,
  };
}
