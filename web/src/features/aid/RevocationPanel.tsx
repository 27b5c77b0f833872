import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { ErrorNotice } from '../../components/States';
import { formatDate } from '@common/format/date';
import { vietnamToday } from '@common/time/vietnam-today';
import type { AidDetail } from './types';

/**
 * The approver's revocation decision on an approved item not started six months after approval (D80 Art. 4.7):
 * number, date and reason, confirmed in a dialog before it is recorded. Shown only when the server offers it.
 */
export function RevocationPanel({ item }: { item: AidDetail }) {
  const { t } = useTranslation('aid');
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const revoke = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<AidDetail>(`/api/aid/${item.id}/revocation`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['aid'] }),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([k, v]) => [k, String(v).trim()]));
    revoke.mutate({ ...data, version: item.version });
  };
  return (
    <section className="card" aria-labelledby="aid-revocation">
      <h2 id="aid-revocation">{t('revocation.title')}</h2>
      <p className="hint">{t('revocation.hint', { date: formatDate(item.revocableFrom) })}</p>
      <ErrorNotice error={revoke.error} />
      <form ref={form} className="grid-form" onSubmit={onSubmit} aria-label={t('revocation.title')}>
        <Field label={t('revocation.decisionNumber')} name="decisionNumber" required maxLength={100} />
        <DateField label={t('revocation.decisionDate')} name="decisionDate" required max={vietnamToday()} defaultValue={vietnamToday()} />
        <div className="field wide">
          <label htmlFor="revocation-reason">{t('revocation.reason')}</label>
          <textarea id="revocation-reason" name="reason" required minLength={3} maxLength={2000} />
        </div>
        <div className="actions">
          <ConfirmButton
            className="primary"
            label={t('revocation.submit')}
            question={t('revocation.confirm', { code: item.code })}
            disabled={revoke.isPending}
            onConfirm={() => form.current?.requestSubmit()}
          />
        </div>
      </form>
    </section>
  );
}
