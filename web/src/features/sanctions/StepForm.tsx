import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { vietnamToday } from '@common/time/vietnam-today';
import { DateField } from '../../components/DateField';
import { Field } from '../../components/Field';
import { ErrorNotice } from '../../components/States';
import { takeStep } from './sanctions-api';

type Input = { name: string; kind: 'date' | 'text' | 'area'; required: boolean };
const date = (name: string, required = true): Input => ({ name, kind: 'date', required });
const text = (name: string, required = true): Input => ({ name, kind: 'text', required });
const area = (name: string): Input => ({ name, kind: 'area', required: true });

/** What each step asks for (the API's action body, field by field). */
const INPUTS: Record<string, Input[]> = {
  RECORD_MEETING: [date('on'), area('minutes')],
  DECIDE: [date('on'), text('decisionNumber')],
  DROP: [date('on'), area('note')],
  NOTIFY: [date('on'), date('receivedOn', false)],
  REPORT_REMEDY: [date('on'), area('report')],
  REINSTATE: [date('on'), text('decisionNumber'), text('note', false)],
  ESCALATE: [date('on'), area('note')],
  RECOVER: [date('on')],
  SETTLE: [date('on'), area('premises'), area('staff'), area('assets'), area('finances')],
};
const SETTLEMENT = ['premises', 'staff', 'assets', 'finances'];

/** One step of a case as a button that opens its small form; the case page reloads with the result. */
export function StepForm({ caseId, action }: { caseId: string; action: string }) {
  const { t } = useTranslation('sanctions');
  const client = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: Record<string, unknown>) => takeStep(caseId, body),
    onSuccess: (next) => {
      setOpen(false);
      client.setQueryData(['sanction', next.id], next);
      void client.invalidateQueries({ queryKey: ['sanction', caseId] });
      if (next.id !== caseId) navigate(`/supervision/sanctions/${next.id}`);
    },
  });
  const inputs = INPUTS[action] ?? [date('on')];
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: Record<string, unknown> = { action };
    const settlement: Record<string, string> = {};
    for (const input of inputs) {
      const value = String(form.get(input.name) ?? '').trim();
      if (!value) continue;
      if (SETTLEMENT.includes(input.name)) settlement[input.name] = value;
      else body[input.name] = value;
    }
    if (action === 'SETTLE') body.settlement = settlement;
    mutation.mutate(body);
  };
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t(`actions.${action}`)}
      </button>
    );
  }
  const label = (name: string) => (SETTLEMENT.includes(name) ? t(`case.${name}`) : t(`form.${name}`));
  return (
    <form onSubmit={onSubmit} aria-label={t(`actions.${action}`)} className="card">
      <h3>{t(`actions.${action}`)}</h3>
      {inputs.map((input) =>
        input.kind === 'date' ? (
          <DateField
            key={input.name}
            label={label(input.name)}
            name={input.name}
            required={input.required}
            defaultValue={input.name === 'on' ? vietnamToday() : undefined}
          />
        ) : input.kind === 'text' ? (
          <Field key={input.name} label={label(input.name)} name={input.name} required={input.required} maxLength={2000} />
        ) : (
          <div className="field" key={input.name}>
            <label htmlFor={`step-${action}-${input.name}`}>{label(input.name)}</label>
            <textarea id={`step-${action}-${input.name}`} name={input.name} required maxLength={8000} rows={3} />
          </div>
        ),
      )}
      <ErrorNotice error={mutation.error} />
      <button type="submit" className="primary" disabled={mutation.isPending}>
        {t('form.submit')}
      </button>{' '}
      <button type="button" onClick={() => setOpen(false)}>
        {t('form.cancel')}
      </button>
    </form>
  );
}
