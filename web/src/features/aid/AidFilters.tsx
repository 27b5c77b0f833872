import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { Field } from '../../components/Field';
import { SelectField, type SelectOption } from '../../components/SelectField';
import { yearOptions } from './format';
import { MODALITIES, STATUSES } from './types';
import { useReference } from './useReference';
import { useProvinceLabel } from '../../api/reference';

export type AidFilterValues = Record<
  'year' | 'modality' | 'sector' | 'province' | 'donorCountry' | 'status' | 'mayBeRevoked' | 'organisationId' | 'q',
  string
>;
export const FILTER_KEYS: (keyof AidFilterValues)[] = [
  'year',
  'modality',
  'sector',
  'province',
  'donorCountry',
  'status',
  'mayBeRevoked',
  'organisationId',
  'q',
];

type Props = { values: AidFilterValues; onChange(key: keyof AidFilterValues, value: string): void; onReset(): void };

/** The aid list filters: year, modality, sector, province (current units), donor country, status, NGO, text. */
export function AidFilters({ values, onChange, onReset }: Props) {
  const { t } = useTranslation('aid');
  const { t: tc } = useTranslation();
  const { user } = useSession();
  const ref = useReference();
  const provinceLabel = useProvinceLabel();
  const donors = useQuery({
    queryKey: ['aid', 'donors'],
    queryFn: () => api.get<{ items: { id: string; name: string }[] }>('/api/aid/donors'),
    enabled: user?.role !== 'ngo',
    staleTime: 60_000,
  });
  const select = (key: keyof AidFilterValues, label: string, options: SelectOption[]) => (
    <SelectField
      id={`aid-filter-${key}`}
      label={label}
      value={values[key]}
      onChange={(e) => onChange(key, e.target.value)}
      empty={t('filters.all')}
      options={options}
    />
  );
  return (
    <form className="filters aid-filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <Field
        label={tc('actions.search')}
        type="search"
        value={values.q}
        placeholder={t('filters.qPlaceholder')}
        onChange={(e) => onChange('q', e.target.value)}
      />
      {select(
        'year',
        t('filters.year'),
        yearOptions().map((y) => ({ value: String(y), label: String(y) })),
      )}
      {select(
        'modality',
        t('filters.modality'),
        MODALITIES.map((m) => ({ value: m, label: t(`modality.${m}`) })),
      )}
      {select(
        'status',
        t('filters.status'),
        STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
      )}
      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={values.mayBeRevoked === 'true'}
            onChange={(e) => onChange('mayBeRevoked', e.target.checked ? 'true' : '')}
          />{' '}
          {t('filters.mayBeRevoked')}
        </label>
      </div>
      {select(
        'sector',
        t('filters.sector'),
        (ref.sectors.data ?? []).map((s) => ({ value: s.code, label: ref.name(s) })),
      )}
      {select(
        'province',
        t('filters.province'),
        (ref.provinces.data ?? []).map((p) => ({ value: p.id, label: provinceLabel(p) })),
      )}
      {select(
        'donorCountry',
        t('filters.donorCountry'),
        (ref.countries.data ?? []).map((c) => ({ value: c.code, label: ref.name(c) })),
      )}
      {user?.role !== 'ngo' &&
        select(
          'organisationId',
          t('filters.organisation'),
          (donors.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
        )}
      <div className="field">
        <button type="button" onClick={onReset}>
          {tc('actions.reset')}
        </button>
      </div>
    </form>
  );
}
