import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorNotice } from '../../components/States';
import { AnswerForm } from './AnswerForm';
import type { Consultation } from './types';
import { useLocalized } from './useLocalized';

/**
 * One request for an opinion on the dossier page: the opinion with its letter (number, date, file, how it came) and,
 * for the handling officer while it is pending, recording an opinion received on paper or, once its working days have
 * run out, the agency's silence so the case can go on.
 */
export function ConsultationRecord({
  dossierId,
  consultation: c,
  onDone,
}: {
  dossierId: string;
  consultation: Consultation;
  onDone(): void;
}) {
  const { t } = useTranslation('procedures');
  const { t: tc } = useTranslation('caseFile');
  const l = useLocalized();
  const silence = useMutation({
    mutationFn: () => api.post(`/api/consultations/${c.id}/silence`, { version: c.version }),
    onSuccess: onDone,
  });
  return (
    <>
      {c.opinion && (
        <p>
          <strong>{t(`opinion.${c.opinion}`)}</strong>: {c.answer}
          {c.channel === 'PAPER' && <span className="muted"> ({tc('answer.viaPaper')})</span>}
        </p>
      )}
      {c.letterNumber && (
        <p className="muted" data-testid="letter">
          {tc('answer.letter', { number: c.letterNumber, date: l.date(c.letterDate) })}
          {c.letter && (
            <>
              {' '}
              · <a href={`/api/dossiers/${dossierId}/consultations/${c.id}/letter`}>{tc('answer.download')}</a>
            </>
          )}
        </p>
      )}
      {c.status === 'SILENT' && <p className="muted">{tc('answer.silent', { date: l.date(c.answeredOn) })}</p>}
      {c.canRecord && c.silenceAllowed && (
        <ConfirmButton
          label={tc('answer.silence')}
          question={tc('answer.silenceConfirm', { agency: l.name(c.agency), date: l.date(c.clock.dueDate) })}
          disabled={silence.isPending}
          onConfirm={() => silence.mutate()}
        />
      )}
      <ErrorNotice error={silence.error} />
      {c.canRecord && (
        <details>
          <summary>{tc('answer.paperOpen')}</summary>
          <AnswerForm consultation={c} onDone={onDone} mode="paper" agencyName={l.name(c.agency)} />
        </details>
      )}
    </>
  );
}
