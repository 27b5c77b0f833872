import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorNotice } from '../../components/States';
import type { DossierDetail } from './types';
import { AidDecisionForm } from './AidDecisionForm';
import { MissingDocuments } from './MissingDocuments';
import { useLocalized } from './useLocalized';
import { wordingContext } from './wording';
import { vietnamToday } from '@common/time/vietnam-today';
import { DateField } from '../../components/DateField';
import { formatDate } from '@common/format/date';
import { UnavailableActions } from './UnavailableActions';

type Plan = {
  planned: { agencyId: string; nameVi: string; nameEn: string; namedAgencyId: string | null; basis: string }[];
  unresolved: string[];
};
const WITH_FORM = new Set(['REQUEST_SUPPLEMENT', 'SUPPLEMENT', 'START_CONSULTATION', 'APPROVE', 'REJECT']);

/** The buttons and forms of the actions the caller may take now (decided by the server's state machine). */
export function DossierActions({ dossier, onDone }: { dossier: DossierDetail; onDone(): void }) {
  const { t } = useTranslation('procedures');
  const { t: tc } = useTranslation('caseFile');
  const l = useLocalized();
  const context = wordingContext(dossier.procedureCode);
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<{ action: string; on: string } | null>(null);
  const act = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post<DossierDetail>(`/api/dossiers/${dossier.id}/actions`, { version: dossier.version, ...body }),
    onSuccess: (after, body) => {
      // The message says what happened and on which day (the day the server recorded it, Vietnam time).
      setDone({ action: String(body.action), on: after.timeline.at(-1)?.onDate ?? vietnamToday() });
      setOpen(null);
      onDone();
    },
  });
  const consulting = dossier.allowedActions.includes('START_CONSULTATION');
  const plan = useQuery({
    queryKey: ['plan', dossier.id],
    queryFn: () => api.get<Plan>(`/api/dossiers/${dossier.id}/consultation-plan`),
    enabled: consulting,
  });
  const submitForm = (action: string) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: Record<string, unknown> = { action };
    for (const [key, value] of form.entries()) {
      if (key === 'documentCodes' || key === 'agencyIds') body[key] = [...((body[key] as string[]) ?? []), String(value)];
      else if (value !== '') body[key] = String(value);
    }
    if (action === 'START_CONSULTATION') body.agencyIds = (body.agencyIds as string[] | undefined) ?? [];
    act.mutate(body);
  };
  const forms: Record<string, ReactNode> = {
    REQUEST_SUPPLEMENT: (
      <form onSubmit={submitForm('REQUEST_SUPPLEMENT')}>
        <div className="field">
          <label htmlFor="rs-message">{t('detail.message')}</label>
          <textarea id="rs-message" name="message" required />
        </div>
        <fieldset>
          <legend>{t('detail.documentCodes')}</legend>
          {dossier.checklist.map((c) => (
            <label key={c.code} style={{ display: 'block' }}>
              <input type="checkbox" name="documentCodes" value={c.code} /> {l.name(c)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary">
          {t('actions.REQUEST_SUPPLEMENT')}
        </button>
      </form>
    ),
    SUPPLEMENT: (
      <form onSubmit={submitForm('SUPPLEMENT')}>
        <div className="field">
          <label htmlFor="sp-note">{t('detail.note')}</label>
          <textarea id="sp-note" name="note" />
        </div>
        <button type="submit" className="primary">
          {t('actions.SUPPLEMENT')}
        </button>
      </form>
    ),
    START_CONSULTATION: (
      <form onSubmit={submitForm('START_CONSULTATION')}>
        <fieldset>
          <legend>{t('detail.plan')}</legend>
          {plan.data?.planned.map((p) => (
            <label key={p.agencyId} style={{ display: 'block' }}>
              <input type="checkbox" name="agencyIds" value={p.agencyId} defaultChecked /> {l.name(p)}
              {p.namedAgencyId && <span className="muted"> ({t('detail.routedFrom', { agency: p.namedAgencyId })})</span>}
            </label>
          ))}
          {plan.data && plan.data.unresolved.length > 0 && (
            <p className="muted">{t('detail.unresolved', { list: plan.data.unresolved.join(', ') })}</p>
          )}
        </fieldset>
        <button type="submit" className="primary">
          {t('actions.START_CONSULTATION')}
        </button>
      </form>
    ),
    APPROVE: (
      <form onSubmit={submitForm('APPROVE')} className="grid-form">
        <DecisionFields idPrefix="ap" />
        {/* An aid approval issues no certificate, so it has no validity to set. */}
        {context !== 'aid' && (
          <DateField id="ap-valid" label={t('detail.validUntil')} name="validUntil" hint={t('detail.validUntilHint')} />
        )}
        <button type="submit" className="primary">
          {t('actions.APPROVE', { context })}
        </button>
      </form>
    ),
    REJECT: (
      <form onSubmit={submitForm('REJECT')} className="grid-form">
        <DecisionFields idPrefix="rj" />
        <div className="field">
          <label htmlFor="rj-reason">{t('detail.reason')}</label>
          <textarea id="rj-reason" name="reason" required />
        </div>
        <button type="submit" className="primary">
          {t('actions.REJECT', { context })}
        </button>
      </form>
    ),
  };

  return (
    <section className="card action-panel no-print">
      <h2>{t('detail.actionsTitle')}</h2>
      {dossier.myRoles.length > 0 && (
        <p className="muted">
          {t('detail.yourRole', { roles: [...new Set(dossier.myRoles.map((r) => t(`roles.${r}`, { context })))].join(', ') })}
        </p>
      )}
      {done && (
        <p className="notice success" role="status">
          {tc(`done.${done.action}`, { date: formatDate(done.on) })}
        </p>
      )}
      <ErrorNotice error={act.error} />
      <MissingDocuments error={act.error} checklist={dossier.checklist} />
      {dossier.allowedActions.length === 0 && dossier.actionChecks.length === 0 && <p className="muted">{t('detail.noActions')}</p>}
      <div className="row-actions">
        {dossier.allowedActions.map((action) =>
          WITH_FORM.has(action) ? (
            // While its form is open the form's own button carries the action's name; this one only closes it.
            <button key={action} type="button" aria-expanded={open === action} onClick={() => setOpen(open === action ? null : action)}>
              {open === action ? tc('cancel') : t(`actions.${action}`, { context })}
            </button>
          ) : (
            <ConfirmButton
              key={action}
              label={t(`actions.${action}`, { context })}
              question={t('detail.confirmAction', { action: t(`actions.${action}`, { context }) })}
              className={action === 'WITHDRAW' ? undefined : 'primary'}
              disabled={act.isPending}
              onConfirm={() => act.mutate({ action })}
            />
          ),
        )}
      </div>
      <UnavailableActions checks={dossier.actionChecks} context={context} />
      {/* An aid approval records the decision's content (D80 Art. 11) with it. */}
      {open === 'APPROVE' && context === 'aid' ? (
        <AidDecisionForm dossier={dossier} onSubmit={(body) => act.mutate({ action: 'APPROVE', ...body })} />
      ) : (
        open && forms[open]
      )}
    </section>
  );
}

/** Number and date of a Ministry decision (approval or refusal); the date defaults to today in Vietnam (UTC+7). */
function DecisionFields({ idPrefix }: { idPrefix: string }) {
  const { t } = useTranslation('procedures');
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-number`}>{t('detail.decisionNumber')}</label>
        <input id={`${idPrefix}-number`} name="decisionNumber" required />
      </div>
      <DateField id={`${idPrefix}-date`} label={t('detail.decisionDate')} name="decisionDate" required defaultValue={vietnamToday()} />
    </>
  );
}
