import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { displayName, type DirectoryItem } from './registry-api';
import './registry.css';

type Found = Pick<DirectoryItem, 'id' | 'code' | 'name' | 'nameVi' | 'nameEn' | 'acronym' | 'country'>;

/**
 * Type-ahead choice of an organisation from the officers' list (`GET /api/organisations`, any name, acronym or code,
 * with or without Vietnamese accents, so organisations without a certificate yet are found too). The chosen id is
 * submitted with the form under `name`.
 */
export function OrganisationPicker({ name, label, required }: { name: string; label: string; required?: boolean }) {
  const { t, i18n } = useTranslation('registry');
  const id = useId();
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState('');
  const found = useQuery({
    queryKey: ['organisation-picker', q],
    queryFn: () => api.get<{ items: Found[]; total: number }>('/api/organisations', { q, pageSize: 20 }),
    enabled: q.trim().length >= 2,
  });
  const items = found.data?.items ?? [];
  return (
    <fieldset className="field organisation-picker">
      <legend>{label}</legend>
      <label htmlFor={`${id}-q`}>{t('picker.search')}</label>
      <input
        id={`${id}-q`}
        type="search"
        value={q}
        placeholder={t('picker.placeholder')}
        autoComplete="off"
        onChange={(e) => {
          setQ(e.target.value);
          setChosen('');
        }}
      />
      <label htmlFor={`${id}-pick`}>{t('picker.choose')}</label>
      <select id={`${id}-pick`} name={name} required={required} value={chosen} onChange={(e) => setChosen(e.target.value)}>
        <option value="">
          {q.trim().length < 2 ? t('picker.typeMore') : found.isFetching ? '…' : t('picker.found', { count: items.length })}
        </option>
        {items.map((o) => (
          <option key={o.id} value={o.id}>
            {displayName(o, i18n.language)}
            {o.acronym ? ` (${o.acronym})` : ''} — {o.code}, {o.country}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
