import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { useReference } from './registry-api';
import { useProvinceLabel } from '../../api/reference';

export type Filters = { q: string; country: string; sector: string; province: string; certificateType: string; status: string };
export const emptyFilters: Filters = { q: '', country: '', sector: '', province: '', certificateType: '', status: '' };
export const FILTER_KEYS = Object.keys(emptyFilters) as (keyof Filters)[];

const TYPES = ['GDKHD', 'GDKVPDD', 'GDKVPDA'];
const STATUSES = ['ACTIVE', 'SUSPENDED', 'EXPIRED', 'TERMINATED', 'NONE'];

/**
 * The search box and the filters of the directory and of the officers' list. Typing is debounced (300 ms) so a
 * request is not sent for every key.
 */
export function DirectoryFilters({ value, onChange }: { value: Filters; onChange(next: Filters): void }) {
  const { t } = useTranslation('registry');
  const ref = useReference();
  const provinceLabel = useProvinceLabel();
  const [q, setQ] = useState(value.q);
  useEffect(() => setQ(value.q), [value.q]);
  useEffect(() => {
    if (q === value.q) return undefined;
    const timer = setTimeout(() => onChange({ ...value, q }), 300);
    return () => clearTimeout(timer);
  }, [q, value, onChange]);
  const select = (key: keyof Filters, label: string, options: { value: string; label: string }[]) => (
    <SelectField
      id={`filter-${key}`}
      label={label}
      value={value[key]}
      onChange={(e) => onChange({ ...value, q, [key]: e.target.value })}
      empty={t('directory.any')}
      options={options}
    />
  );
  return (
    <form
      className="filters registry-filters"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ ...value, q });
      }}
    >
      <Field
        className="registry-search"
        label={t('directory.search')}
        type="search"
        value={q}
        placeholder={t('directory.searchPlaceholder')}
        onChange={(e) => setQ(e.target.value)}
      />
      {select(
        'country',
        t('directory.country'),
        ref.countries.map((c) => ({ value: c.code, label: ref.name(c) })),
      )}
      {select(
        'sector',
        t('directory.sector'),
        ref.sectors.map((s) => ({ value: s.code, label: ref.name(s) })),
      )}
      {select(
        'province',
        t('directory.province'),
        ref.provinces.map((p) => ({ value: p.id, label: provinceLabel(p) })),
      )}
      {select(
        'certificateType',
        t('directory.certificateType'),
        TYPES.map((c) => ({ value: c, label: t(`certificateTypes.${c}`) })),
      )}
      {select(
        'status',
        t('directory.status'),
        STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
      )}
    </form>
  );
}
