import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { OrganisationRef } from './coordination-types';

type Props = {
  label: string;
  chosen: OrganisationRef[];
  onChange(chosen: OrganisationRef[]): void;
  /** One organisation only (an award's nominee): choosing replaces the choice. */
  single?: boolean;
};

/** Finds organisations in the public directory (accent-insensitive) and keeps the chosen ones as removable chips. */
export function OrganisationPicker({ label, chosen, onChange, single }: Props) {
  const { t } = useTranslation('coordination');
  const id = useId();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['coordination', 'org-search', q],
    queryFn: () => api.get<{ items: OrganisationRef[] }>('/api/public/organisations', { q, pageSize: 8 }),
    enabled: q.trim().length >= 2,
  });
  const chosenIds = new Set(chosen.map((o) => o.id));
  return (
    <fieldset className="org-picker">
      <legend>{label}</legend>
      {chosen.length > 0 && (
        <ul className="chips">
          {chosen.map((o) => (
            <li key={o.id}>
              {o.name}{' '}
              <button
                type="button"
                className="link"
                onClick={() => onChange(chosen.filter((c) => c.id !== o.id))}
                aria-label={`${t('fields.remove')} ${o.name}`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={id}>{t('fields.organisationSearch')}</label>
        <input id={id} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      {found.data && (
        <ul className="org-results">
          {found.data.items
            .filter((o) => !chosenIds.has(o.id))
            .map((o) => (
              <li key={o.id}>
                <button
                  type="button"
                  onClick={() => {
                    const ref = { id: o.id, name: o.name, nameVi: o.nameVi, nameEn: o.nameEn };
                    onChange(single ? [ref] : [...chosen, ref]);
                    setQ('');
                  }}
                >
                  {t('fields.add')}
                </button>{' '}
                {o.name}
              </li>
            ))}
        </ul>
      )}
    </fieldset>
  );
}
