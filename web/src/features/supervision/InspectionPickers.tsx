import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useProvinceLabel, useReferenceList } from '../../api/reference';
import { SelectField } from '../../components/SelectField';
import { named, type OrganisationRef } from './inspections-api';

/** Today's agencies as options (the reference list, current ones only), for leads, participants and owners. */
export function useAgencyOptions() {
  const { i18n } = useTranslation();
  const agencies = useReferenceList('agencies');
  return (agencies.data ?? []).filter((a) => !a.validUntil).map((a) => ({ value: a.id, label: named(i18n.language, a) }));
}

/** The 34 current provinces as options ("04 – Cao Bằng"). */
export function useProvinceOptions() {
  const provinces = useReferenceList('provincesNew34');
  const label = useProvinceLabel();
  return (provinces.data ?? []).map((p) => ({ value: p.id, label: label(p) }));
}

/**
 * Picks one organisation of the officer's own scope (the registry's scoped list, accent-insensitive search), so a
 * province officer is offered only the NGOs working in its province.
 */
export function OrganisationChooser({ value, onChange }: { value: OrganisationRef | null; onChange(o: OrganisationRef | null): void }) {
  const { t } = useTranslation('supervision');
  const id = useId();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['inspections', 'org-search', q],
    queryFn: () => api.get<{ items: OrganisationRef[] }>('/api/organisations', { q, pageSize: 8 }),
    enabled: q.trim().length >= 2,
  });
  if (value)
    return (
      <div className="field">
        <span>{t('inspections.fields.organisation')}</span>
        <p>
          <strong data-testid="chosen-organisation">{value.name}</strong> ({value.code}){' '}
          <button type="button" onClick={() => onChange(null)}>
            {t('inspections.change')}
          </button>
        </p>
      </div>
    );
  return (
    <div className="field">
      <label htmlFor={id}>{t('inspections.fields.organisation')}</label>
      <input id={id} type="search" value={q} placeholder={t('inspections.searchOrganisation')} onChange={(e) => setQ(e.target.value)} />
      {found.data && (
        <ul className="choices">
          {found.data.items.map((o) => (
            <li key={o.id}>
              <button type="button" onClick={() => onChange({ id: o.id, code: o.code, name: o.name })}>
                {o.name} ({o.code})
              </button>
            </li>
          ))}
          {found.data.items.length === 0 && <li className="muted">{t('inspections.noOrganisation')}</li>}
        </ul>
      )}
    </div>
  );
}

/** A multiple select of agencies or provinces, giving back the chosen ids. */
export function MultiChooser(props: {
  label: string;
  value: string[];
  options: { value: string; label: string }[];
  onChange(ids: string[]): void;
  required?: boolean;
}) {
  return (
    <SelectField
      label={props.label}
      multiple
      size={6}
      required={props.required}
      value={props.value}
      options={props.options}
      onChange={(e) => props.onChange([...e.target.selectedOptions].map((o) => o.value))}
    />
  );
}
