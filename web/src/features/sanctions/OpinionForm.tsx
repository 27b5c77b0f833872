import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { vietnamToday } from '@common/time/vietnam-today';
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';
import { ErrorNotice } from '../../components/States';
import { giveOpinion } from './sanctions-api';

/**
 * A written opinion: an agency's officer answers for its agency; central records a paper answer for `agencyId`.
 */
export function OpinionForm({ caseId, agencyId, label }: { caseId: string; agencyId?: string; label: string }) {
  const { t } = useTranslation('sanctions');
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: unknown) => giveOpinion(caseId, body),
    onSuccess: (next) => {
      setOpen(false);
      client.setQueryData(['sanction', caseId], next);
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    mutation.mutate({
      opinion: form.get('opinion'),
      answer: String(form.get('answer') ?? '').trim(),
      answeredOn: form.get('answeredOn') || undefined,
      ...(agencyId ? { agencyId } : {}),
    });
  };
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  return (
    <form onSubmit={onSubmit} aria-label={label}>
      <SelectField
        label={t('case.opinion')}
        name="opinion"
        options={(['AGREE', 'DISAGREE'] as const).map((o) => ({ value: o, label: t(`opinion.${o}`) }))}
      />
      <div className="field">
        <label htmlFor={`opinion-${agencyId ?? 'own'}`}>{t('case.answer')}</label>
        <textarea id={`opinion-${agencyId ?? 'own'}`} name="answer" required maxLength={4000} rows={3} />
      </div>
      <DateField label={t('case.answeredOn')} name="answeredOn" defaultValue={vietnamToday()} required />
      <ErrorNotice error={mutation.error} />
      <button type="submit" className="primary" disabled={mutation.isPending}>
        {t('opinion.submit')}
      </button>{' '}
      <button type="button" onClick={() => setOpen(false)}>
        {t('form.cancel')}
      </button>
    </form>
  );
}
