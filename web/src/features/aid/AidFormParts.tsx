import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareDecimal, isDecimal, sumDecimals } from '@domain/money/decimal';
import { api } from '../../api/client';
import { SelectField } from '../../components/SelectField';

export type ShareRow = { key: string; share: string };

/** The sum of the shares, or null when one is not a decimal yet (exact: "33.33"+"33.33"+"33.34" is 100). */
export function shareTotal(rows: ShareRow[]): string | null {
  return rows.every((r) => isDecimal(r.share)) ? sumDecimals(rows.map((r) => r.share)) : null;
}
export const sharesComplete = (rows: ShareRow[]) =>
  rows.length === 0 || (shareTotal(rows) !== null && compareDecimal(shareTotal(rows)!, '100') === 0);

type SharesProps = {
  legend: string;
  rows: ShareRow[];
  options: { value: string; label: string }[];
  onChange(rows: ShareRow[]): void;
  addLabel: string;
  idPrefix: string;
};

/** Rows of (choice, share %) with add/remove and a running total that must reach exactly 100. */
export function SharesEditor({ legend, rows, options, onChange, addLabel, idPrefix }: SharesProps) {
  const { t } = useTranslation('aid');
  const total = shareTotal(rows);
  const set = (i: number, change: Partial<ShareRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <fieldset className="share-rows">
      <legend>{legend}</legend>
      {rows.map((row, i) => (
        <div className="share-row" key={i}>
          <SelectField
            id={`${idPrefix}-${i}`}
            label={`${legend} ${i + 1}`}
            value={row.key}
            onChange={(e) => set(i, { key: e.target.value })}
            required
            empty="—"
            options={options}
          />
          <div className="field">
            <label htmlFor={`${idPrefix}-${i}-share`}>{t('fields.share')} (%)</label>
            <input
              id={`${idPrefix}-${i}-share`}
              type="text"
              inputMode="decimal"
              value={row.share}
              onChange={(e) => set(i, { share: e.target.value.trim() })}
              required
            />
          </div>
          <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={t('form.removeRow', { n: i + 1 })}>
            ✕
          </button>
        </div>
      ))}
      <div className="share-row">
        <button type="button" onClick={() => onChange([...rows, { key: '', share: rows.length === 0 ? '100' : '' }])}>
          {addLabel}
        </button>
        {rows.length > 0 && (
          <span className={sharesComplete(rows) ? 'muted' : 'error'} role="status">
            {t('form.shareTotal', { total: total ?? '?' })}
          </span>
        )}
      </div>
    </fieldset>
  );
}

type Organisation = { id: string; name: string; nameVi?: string | null; country?: string };

/** Finds a registered foreign NGO in the public directory by any of its names (accent-insensitive). */
export function OrganisationPicker({
  value,
  currentName,
  label,
  onChange,
}: {
  value: string;
  currentName: string;
  label: string;
  onChange(id: string, name: string): void;
}) {
  const { t } = useTranslation('aid');
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['aid', 'org-search', q],
    queryFn: () => api.get<{ items: Organisation[] }>('/api/public/organisations', { q, pageSize: 20 }),
    enabled: q.trim().length >= 2,
  });
  return (
    <div className="field">
      <label htmlFor="aid-org-search">{label}</label>
      <input id="aid-org-search" type="search" value={q} placeholder={t('form.orgSearch')} onChange={(e) => setQ(e.target.value)} />
      <select
        aria-label={t('form.orgPick')}
        value={value}
        onChange={(e) => onChange(e.target.value, e.target.selectedOptions[0]?.text ?? '')}
      >
        <option value="">—</option>
        {value && !found.data?.items.some((o) => o.id === value) && <option value={value}>{currentName || value}</option>}
        {(found.data?.items ?? []).map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
            {o.country ? ` (${o.country})` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
