import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { EmptyState, ErrorNotice } from '../../components/States';
import { formatDate } from '@common/format/date';
import { vietnamToday } from '@common/time/vietnam-today';
import { PM_SUBJECTS, type Adjustment, type AdjustmentChanges, type AidDetail } from './types';
import { useReference } from './useReference';

const FIELDS = ['titleVi', 'titleEn', 'descriptionVi', 'plannedStart', 'plannedEnd', 'provinceIds', 'other'] as const;

/**
 * Adjustments of the item (D80 Art. 16): its history (what changed, from what, by which decision), the aid owner's
 * request form when the server offers it, and the approver's decision on an open request.
 */
export function AdjustmentsPanel({ item }: { item: AidDetail }) {
  const { t } = useTranslation('aid');
  const list = useQuery({
    queryKey: ['aid', item.id, 'adjustments'],
    queryFn: () => api.get<{ items: Adjustment[] }>(`/api/aid/${item.id}/adjustments`),
  });
  const items = list.data?.items ?? [];
  if (!item.abilities.fileAdjustment && list.isSuccess && items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="aid-adjustments">
      <h2 id="aid-adjustments">{t('adjustments.title')}</h2>
      <ErrorNotice error={list.error} />
      {list.isSuccess && items.length === 0 && <EmptyState message={t('adjustments.none')} />}
      {items.map((a) => (
        <AdjustmentEntry key={a.id} adjustment={a} />
      ))}
      {item.abilities.fileAdjustment && <AdjustmentForm item={item} />}
    </section>
  );
}

function ChangeValue({ field, value }: { field: string; value: unknown }) {
  const ref = useReference();
  if (value === null || value === undefined || value === '') return <>—</>;
  if (field === 'plannedStart' || field === 'plannedEnd') return <>{formatDate(String(value))}</>;
  if (field === 'provinceIds' && Array.isArray(value)) return <>{value.map((id) => ref.provinceName(String(id))).join(', ')}</>;
  return <>{String(value)}</>;
}

function AdjustmentEntry({ adjustment: a }: { adjustment: Adjustment }) {
  const { t } = useTranslation('aid');
  const ref = useReference();
  const approver = ref.name(ref.agencies.data?.find((x) => x.id === a.approverAgencyId)) || a.approverAgencyId;
  const fields = FIELDS.filter((f) => a.changes[f] !== undefined);
  return (
    <article className="adjustment" aria-label={t('adjustments.entry', { date: formatDate(a.filedOn) })}>
      <h3>
        {t('adjustments.entry', { date: formatDate(a.filedOn) })}{' '}
        <span className={`badge ${a.status === 'APPROVED' ? 'ok' : a.status === 'REFUSED' ? 'bad' : 'warn'}`}>
          {t(`adjustments.status.${a.status}`)}
        </span>
      </h3>
      <p className="muted">
        {t('adjustments.routedTo', { agency: approver })}
        {a.pmLevel && ` · ${t('adjustments.pmLevel')}`}
        {a.status === 'FILED' && ` · ${t('adjustments.due', { date: formatDate(a.dueDate) })}`}
        {a.overdue && (
          <>
            {' '}
            <span className="badge bad">{t('adjustments.overdue')}</span>
          </>
        )}
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('adjustments.field')}</th>
              <th>{t('adjustments.before')}</th>
              <th>{t('adjustments.after')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f}>
                <td>{t(`adjustments.fields.${f}`)}</td>
                <td>{f === 'other' ? '' : <ChangeValue field={f} value={a.before[f]} />}</td>
                <td>
                  <ChangeValue field={f} value={a.changes[f]} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <strong>{t('adjustments.reason')}:</strong> {a.reason}
      </p>
      {a.decisionNumber && (
        <p>
          {t('adjustments.decision', { number: a.decisionNumber, date: formatDate(a.decisionDate) })}
          {a.decisionNote && ` — ${a.decisionNote}`}
        </p>
      )}
      {a.mayDecide && <DecisionForm adjustment={a} />}
    </article>
  );
}

function DecisionForm({ adjustment: a }: { adjustment: Adjustment }) {
  const { t } = useTranslation('aid');
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const decide = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post(`/api/aid/adjustments/${a.id}/decision`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['aid'] }),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = Object.fromEntries(
      [...new FormData(event.currentTarget).entries()].filter(([, v]) => v !== '').map(([k, v]) => [k, String(v).trim()]),
    );
    decide.mutate({ ...data, version: a.version });
  };
  return (
    <form ref={form} className="grid-form" onSubmit={onSubmit} aria-label={t('adjustments.decide')}>
      <ErrorNotice error={decide.error} />
      <SelectField
        label={t('adjustments.outcome')}
        name="decision"
        required
        options={[
          { value: 'APPROVE', label: t('adjustments.approve') },
          { value: 'REFUSE', label: t('adjustments.refuse') },
        ]}
      />
      <Field label={t('revocation.decisionNumber')} name="decisionNumber" required maxLength={100} />
      <DateField
        label={t('revocation.decisionDate')}
        name="decisionDate"
        required
        min={a.filedOn}
        max={vietnamToday()}
        defaultValue={vietnamToday()}
      />
      <Field label={t('adjustments.note')} name="note" maxLength={2000} />
      <div className="actions">
        <ConfirmButton
          className="primary"
          label={t('adjustments.decide')}
          question={t('adjustments.confirmDecision', { code: a.itemCode })}
          disabled={decide.isPending}
          onConfirm={() => form.current?.requestSubmit()}
        />
      </div>
    </form>
  );
}

function AdjustmentForm({ item }: { item: AidDetail }) {
  const { t } = useTranslation('aid');
  const ref = useReference();
  const queryClient = useQueryClient();
  const [provinces, setProvinces] = useState<string[]>([]);
  const file = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post(`/api/aid/${item.id}/adjustments`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['aid'] }),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const changes: AdjustmentChanges = {};
    for (const f of ['titleVi', 'titleEn', 'descriptionVi', 'plannedStart', 'plannedEnd', 'other'] as const)
      if (text(f)) changes[f] = text(f);
    if (provinces.length) changes.provinceIds = provinces;
    file.mutate({ changes, reason: text('reason'), pmSubjects: data.getAll('pmSubjects').map(String) });
  };
  return (
    <form className="grid-form" onSubmit={onSubmit} aria-label={t('adjustments.file')}>
      <h3 className="wide">{t('adjustments.file')}</h3>
      <p className="hint wide">{t('adjustments.fileHint')}</p>
      <ErrorNotice error={file.error} />
      <Field label={t('adjustments.fields.titleVi')} name="titleVi" maxLength={500} placeholder={item.titleVi} />
      <Field label={t('adjustments.fields.titleEn')} name="titleEn" maxLength={500} placeholder={item.titleEn ?? ''} />
      <DateField label={t('adjustments.fields.plannedStart')} name="plannedStart" hint={formatDate(item.plannedStart)} />
      <DateField label={t('adjustments.fields.plannedEnd')} name="plannedEnd" hint={formatDate(item.plannedEnd)} />
      <div className="field wide">
        <label htmlFor="adjustment-description">{t('adjustments.fields.descriptionVi')}</label>
        <textarea id="adjustment-description" name="descriptionVi" maxLength={10_000} />
      </div>
      <fieldset className="wide">
        <legend>{t('adjustments.fields.provinceIds')}</legend>
        <div className="checks">
          {(ref.provinces.data ?? []).map((p) => (
            <label key={p.id}>
              <input
                type="checkbox"
                checked={provinces.includes(p.id)}
                onChange={(e) => setProvinces((now) => (e.target.checked ? [...now, p.id] : now.filter((x) => x !== p.id)))}
              />{' '}
              {ref.name(p)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field wide">
        <label htmlFor="adjustment-other">{t('adjustments.fields.other')}</label>
        <textarea id="adjustment-other" name="other" maxLength={5000} />
      </div>
      <fieldset className="wide">
        <legend>{t('adjustments.pmSubjects')}</legend>
        {PM_SUBJECTS.map((s) => (
          <label key={s}>
            <input type="checkbox" name="pmSubjects" value={s} /> {t(`adjustments.pmSubject.${s}`)}
          </label>
        ))}
      </fieldset>
      <div className="field wide">
        <label htmlFor="adjustment-reason">{t('adjustments.reason')}</label>
        <textarea id="adjustment-reason" name="reason" required minLength={3} maxLength={2000} />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={file.isPending}>
          {t('adjustments.submit')}
        </button>
      </div>
    </form>
  );
}
