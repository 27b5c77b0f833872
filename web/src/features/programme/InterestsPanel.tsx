import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { EmptyState, ErrorNotice } from '../../components/States';
import { formatMoment, pick, type Interest, type InterestStatus } from './types';

const STATUSES: InterestStatus[] = ['NEW', 'IN_TALKS', 'AGREED', 'NOT_PURSUED'];

/** One interest, with (for officers) a select to mark it in talks, agreed or not pursued. */
function InterestRow({ interest, canMark }: { interest: Interest; canMark: boolean }) {
  const { t, i18n } = useTranslation('programme');
  const queryClient = useQueryClient();
  const mark = useMutation({
    mutationFn: (status: InterestStatus) =>
      api.patch<Interest>(`/api/need-interests/${interest.id}`, { version: interest.version, status }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['interests'] }),
  });
  return (
    <li className="interest">
      <p>
        <strong>{interest.organisationName}</strong> · {formatMoment(interest.createdAt)} ·{' '}
        <Link to={`/needs/${interest.proposalId}`}>{pick(i18n.language, interest.proposalTitleVi, interest.proposalTitleEn)}</Link>
      </p>
      <p>{interest.message}</p>
      <p className="muted">
        {interest.contactName}
        {interest.contactEmail && ` · ${interest.contactEmail}`}
        {interest.contactPhone && ` · ${interest.contactPhone}`}
      </p>
      {canMark ? (
        <SelectField
          id={`interest-${interest.id}`}
          label={t('interests.status')}
          value={interest.status}
          options={STATUSES.map((s) => ({ value: s, label: t(`interestStatus.${s}`) }))}
          onChange={(e) => mark.mutate(e.target.value as InterestStatus)}
          disabled={mark.isPending}
        />
      ) : (
        <span className="need-status">{t(`interestStatus.${interest.status}`)}</span>
      )}
      <ErrorNotice error={mark.error} />
    </li>
  );
}

/** The interests the caller may see (an NGO: its own), optionally of one proposal. */
export function InterestsList({ proposalId, canMark = false }: { proposalId?: string; canMark?: boolean }) {
  const { t } = useTranslation('programme');
  const query = useQuery({
    queryKey: ['interests', proposalId ?? 'all'],
    queryFn: () => api.get<{ items: Interest[] }>(proposalId ? `/api/needs/${proposalId}/interests` : '/api/need-interests'),
  });
  return (
    <>
      <ErrorNotice error={query.error} />
      {query.data?.items.length === 0 && <EmptyState message={t('interests.empty')} />}
      <ul className="interests">
        {query.data?.items.map((i) => (
          <InterestRow key={i.id} interest={i} canMark={canMark} />
        ))}
      </ul>
    </>
  );
}

/** An NGO's "I am interested" button, opening a short form (message and contact). */
export function InterestForm({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation('programme');
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const send = useMutation({
    mutationFn: (body: Record<string, string>) => api.post<Interest>(`/api/needs/${proposalId}/interests`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['interests'] }),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    send.mutate(Object.fromEntries(Object.entries(data).filter(([, v]) => v !== '')));
  };
  if (send.isSuccess) return <p className="notice success">{t('interests.sent')}</p>;
  if (!open)
    return (
      <button type="button" className="primary" onClick={() => setOpen(true)}>
        {t('interests.express')}
      </button>
    );
  return (
    <form className="stack" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor="interest-message">{t('interests.message')}</label>
        <textarea id="interest-message" name="message" required rows={4} maxLength={4000} />
      </div>
      <Field id="interest-contact" name="contactName" label={t('interests.contactName')} required />
      <Field id="interest-email" name="contactEmail" type="email" label={t('fields.contactEmail')} />
      <Field id="interest-phone" name="contactPhone" label={t('fields.contactPhone')} />
      <ErrorNotice error={send.error} />
      <button type="submit" className="primary" disabled={send.isPending}>
        {t('interests.send')}
      </button>
    </form>
  );
}
