import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/States';

/** A consulted agency's written opinion on one request. */
export function AnswerForm({ consultation, onDone }: { consultation: { id: string; version: number }; onDone(): void }) {
  const { t } = useTranslation('procedures');
  const send = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post(`/api/consultations/${consultation.id}/answer`, { version: consultation.version, ...body }),
    onSuccess: onDone,
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    send.mutate({ opinion: form.get('opinion'), answer: form.get('answer') });
  };
  return (
    <form className="answer-form" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`op-${consultation.id}`}>{t('detail.opinion')}</label>
        <select id={`op-${consultation.id}`} name="opinion">
          {['AGREE', 'AGREE_WITH_CONDITIONS', 'DISAGREE'].map((o) => (
            <option key={o} value={o}>
              {t(`opinion.${o}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`an-${consultation.id}`}>{t('detail.answer')}</label>
        <textarea id={`an-${consultation.id}`} name="answer" required />
      </div>
      <ErrorNotice error={send.error} />
      <button type="submit" className="primary" disabled={send.isPending}>
        {t('consultations.send')}
      </button>
    </form>
  );
}
