import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { DateField } from '../../components/DateField';
import { ErrorNotice } from '../../components/States';
import { formatDate } from '@common/format/date';
import { vietnamToday } from '@common/time/vietnam-today';

const OPINIONS = ['AGREE', 'AGREE_WITH_CONDITIONS', 'DISAGREE'] as const;

type Answer = { opinion: string; answer: string; letterNumber: string; letterDate: string; file: File | null };

/**
 * A written opinion on one request, with the official letter carrying it (number, date, optional file). `agency`:
 * the consulted agency answers in the app; `paper`: the handling officer records an opinion that came on paper.
 * No position is pre-selected, and the answer is sent only after the user confirms what it says.
 */
export function AnswerForm({
  consultation,
  onDone,
  mode = 'agency',
  agencyName = '',
}: {
  consultation: { id: string; version: number };
  onDone(): void;
  mode?: 'agency' | 'paper';
  agencyName?: string;
}) {
  const { t } = useTranslation('procedures');
  const { t: tc } = useTranslation('caseFile');
  const { t: tg } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<Answer | null>(null);
  const send = useMutation({
    mutationFn: async (a: Answer) => {
      if (a.file) {
        const form = new FormData();
        form.append('file', a.file);
        await api.upload(`/api/consultations/${consultation.id}/letter`, form);
      }
      const path = mode === 'paper' ? 'paper-opinion' : 'answer';
      return api.post(`/api/consultations/${consultation.id}/${path}`, {
        version: consultation.version,
        opinion: a.opinion,
        answer: a.answer,
        letterNumber: a.letterNumber,
        letterDate: a.letterDate,
      });
    },
    onSuccess: onDone,
  });
  const id = (name: string) => `${mode}-${name}-${consultation.id}`;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    setDraft({
      opinion: String(form.get('opinion') ?? ''),
      answer: String(form.get('answer') ?? ''),
      letterNumber: String(form.get('letterNumber') ?? ''),
      letterDate: String(form.get('letterDate') ?? ''),
      file: file instanceof File && file.size > 0 ? file : null,
    });
    dialog.current?.showModal();
  };
  const question = draft
    ? tc(mode === 'paper' ? 'answer.paperConfirm' : 'answer.confirm', {
        opinion: t(`opinion.${draft.opinion}`),
        number: draft.letterNumber,
        date: formatDate(draft.letterDate),
        agency: agencyName,
      })
    : '';
  return (
    <form className="answer-form" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={id('op')}>{t('detail.opinion')}</label>
        <select id={id('op')} name="opinion" required defaultValue="">
          <option value="" disabled>
            {tc('answer.choose')}
          </option>
          {OPINIONS.map((o) => (
            <option key={o} value={o}>
              {t(`opinion.${o}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id('no')}>{tc('answer.letterNumber')}</label>
        <input id={id('no')} name="letterNumber" required maxLength={100} />
      </div>
      <DateField id={id('date')} label={tc('answer.letterDate')} name="letterDate" required max={vietnamToday()} />
      <div className="field">
        <label htmlFor={id('file')}>{tc('answer.letterFile')}</label>
        <input id={id('file')} name="file" type="file" accept=".pdf,.docx,.png,.jpg,.jpeg" />
      </div>
      <div className="field">
        <label htmlFor={id('an')}>{t('detail.answer')}</label>
        <textarea id={id('an')} name="answer" required />
      </div>
      <ErrorNotice error={send.error} />
      <button type="submit" className="primary" disabled={send.isPending}>
        {mode === 'paper' ? tc('answer.paperSend') : tc('answer.send')}
      </button>
      <dialog ref={dialog} className="confirm">
        <h2>{tg('confirmTitle')}</h2>
        <p>{question}</p>
        <div className="actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            {tg('actions.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => {
              dialog.current?.close();
              if (draft) send.mutate(draft);
            }}
          >
            {tg('actions.confirm')}
          </button>
        </div>
      </dialog>
    </form>
  );
}
