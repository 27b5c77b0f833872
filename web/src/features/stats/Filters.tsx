import { useTranslation } from 'react-i18next';
import { useReferenceList } from '../../api/reference';
import { plainOptions, SelectField } from '../../components/SelectField';
import type { StatsQuery } from './useStatsQuery';

type Ref = { code: string; nameVi: string; nameEn: string };
const YEARS = Array.from({ length: 12 }, (_, i) => 2026 - i);

/** Year and the filters every chart shares (sector, province, region, donor country). */
export function Filters({
  query,
  onChange,
  fixedProvince,
}: {
  query: StatsQuery;
  onChange: (change: Partial<StatsQuery>) => void;
  fixedProvince?: boolean;
}) {
  const { t, i18n } = useTranslation('stats');
  const name = (r: Ref) => (i18n.language === 'en' ? r.nameEn : r.nameVi);
  const sectors = useReferenceList('sectors');
  const provinces = useReferenceList('provincesNew34');
  const regions = useReferenceList('regions');
  const countries = useReferenceList('countries');
  const options = (items: Ref[] | undefined) => (items ?? []).map((r) => ({ value: r.code, label: name(r) }));
  const select = (id: string, label: string, value: string | undefined, items: Ref[] | undefined, key: keyof StatsQuery) => (
    <SelectField
      id={id}
      label={label}
      empty={t('filters.all')}
      options={options(items)}
      value={value ?? ''}
      onChange={(e) => onChange({ [key]: e.target.value || undefined })}
    />
  );
  return (
    <form className="filters stats-filters" aria-label={t('filters.title')} onSubmit={(e) => e.preventDefault()}>
      <SelectField
        id="stats-year"
        label={t('year')}
        options={plainOptions(YEARS)}
        value={String(query.year)}
        onChange={(e) => onChange({ year: Number(e.target.value) })}
      />
      {select('stats-sector', t('filters.sector'), query.sector, sectors.data, 'sector')}
      {!fixedProvince && select('stats-province', t('filters.province'), query.province, provinces.data, 'province')}
      {!fixedProvince && select('stats-region', t('filters.region'), query.region, regions.data, 'region')}
      {select('stats-country', t('filters.country'), query.country, countries.data, 'country')}
      <button
        type="button"
        onClick={() =>
          onChange({
            sector: undefined,
            province: fixedProvince ? query.province : undefined,
            region: undefined,
            country: undefined,
            organisation: undefined,
          })
        }
      >
        {t('filters.clear')}
      </button>
    </form>
  );
}
