import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useAgencyName } from '../../api/reference';
import { useSession } from '../../api/session';
import { ErrorNotice, Loading } from '../../components/States';
import { AnswerForm } from './AnswerForm';
import { ApplicationSummary } from './ApplicationSummary';
import { AidDecisionContent } from './AidDecisionContent';
import { ConsultationRecord } from './ConsultationRecord';
import { ClockBadge, StatusBadge } from './Badges';
import { DossierActions } from './DossierActions';
import { DossierChecklist } from './DossierChecklist';
import { HeadedTable } from './HeadedTable';
import { ProceduresNav } from './ProceduresNav';
import type { DossierDetail } from './types';
import { useLocalized } from './useLocalized';
import { wordingContext } from './wording';
import { formatClockTime } from '@common/format/date';

/** One dossier: clocks of the whole and of each step, documents, supplements, consultations, history, actions. */
export function DossierPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('procedures');
  const { t: tc } = useTranslation('caseFile');
  const l = useLocalized();
  const agencyName = useAgencyName();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const query = useQuery({ queryKey: ['dossier', id], queryFn: () => api.get<DossierDetail>(`/api/dossiers/${id}`) });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['dossier', id] });
    void queryClient.invalidateQueries({ queryKey: ['dossiers'] });
  };
  if (query.isLoading) return <Loading />;
  if (!query.data) return <ErrorNotice error={query.error} />;
  const d = query.data;
  const context = wordingContext(d.procedureCode);
  // Pauses before acceptance only hold the completeness check; the statutory clock had not started.
  const clockPauses = d.pauses.filter((p) => p.reason !== 'SUPPLEMENT_BEFORE_ACCEPTANCE');
  const takesDocuments = d.status === 'DRAFT' || d.status === 'INCOMPLETE';
  // The donor NGO of an aid approval the aid owner filed (no role on it) adds only its letter of agreement.
  const isDonor = user?.role === 'ngo' && d.procedureCode === 'AID_APPROVAL' && d.myRoles.length === 0;
  const canUpload = (code: string) => takesDocuments && (d.myRoles.includes('NGO') || (isDonor && code === 'DONOR_AGREEMENT'));

  return (
    <div className="stack">
      <ProceduresNav />
      <Link to="/dossiers" className="no-print">
        {t('detail.back')}
      </Link>
      <section className="card">
        <div className="dossier-head">
          <h1>{d.code ?? t('list.draft')}</h1>
          <StatusBadge status={d.status} procedureCode={d.procedureCode} />
          <span className="badge">{t(`clock.${d.clockState}`)}</span>
          {d.code && <Link to={`/dossiers/${d.id}/receipt`}>{t('detail.receipt')}</Link>}
        </div>
        <p>
          <strong>{l.name(d.procedure)}</strong> — {d.procedure.legalDocument} ({d.procedure.legalRefs.join(', ')}) · {d.organisationName}
        </p>
        {d.procedure.provisional && <p className="notice warning">{t('detail.provisional')}</p>}
        {d.handlingAgencyId && (
          <p data-testid="handling-agency">
            <strong>{t('aidDecision.handledBy')}:</strong> {agencyName(d.handlingAgencyId)}
          </p>
        )}
        <h2>{t('detail.overall')}</h2>
        {d.overall ? (
          <dl className="clock-summary" data-testid="overall-clock">
            <div>
              <dt>{t('list.deadline')}</dt>
              <dd>{t('detail.limit', { days: d.overall.days, unit: t(`units.${d.overall.unit}`) })}</dd>
            </div>
            <div>
              <dt>{t('detail.startedOn')}</dt>
              <dd>{l.date(d.overall.startedOn)}</dd>
            </div>
            <div>
              <dt>{t('detail.due')}</dt>
              <dd>{d.overall.startedOn && !d.overall.dueDate ? t('detail.dueUnknown') : l.date(d.overall.dueDate)}</dd>
            </div>
            <div>
              <dt>{t('detail.finishedOn')}</dt>
              <dd>{l.date(d.overall.finishedOn)}</dd>
            </div>
            <div>
              <dt>{t('list.status')}</dt>
              <dd>
                <ClockBadge clock={d.overall} />
              </dd>
            </div>
          </dl>
        ) : (
          <p className="muted">{t('detail.overallNone')}</p>
        )}
        {clockPauses.length > 0 && (
          <p>
            <strong>{t('detail.pauses')}:</strong>{' '}
            {clockPauses.map((p) => `${l.date(p.from)} – ${p.to ? l.date(p.to) : t('detail.pauseOpen')}`).join('; ')}
          </p>
        )}
        {(d.decision || d.resultCertificate) && (
          <p className={d.decision?.outcome === 'REJECTED' ? 'notice error' : 'notice success'} data-testid="decision">
            <strong>{t('detail.decision')}:</strong> {d.decision?.outcome ? t(`status.${d.decision.outcome}`, { context }) : ''}{' '}
            {d.decision?.decisionNumber} ({l.date(d.decision?.decisionDate)})
            {d.resultCertificate && (
              <>
                {' '}
                · {t('detail.certificate')} {d.resultCertificate.number}, {t('detail.validUntil')} {l.date(d.resultCertificate.validUntil)}
              </>
            )}
            {d.aidItemId && d.decision?.outcome === 'APPROVED' && (
              <>
                {' '}
                · <Link to={`/aid/${d.aidItemId}`}>{t('detail.aidItem')}</Link>
              </>
            )}
            {d.decision?.reason && <> · {d.decision.reason}</>}
          </p>
        )}
      </section>

      <ApplicationSummary dossier={d} />
      {d.decision?.content && <AidDecisionContent content={d.decision.content} />}

      <DossierActions dossier={d} onDone={refresh} />

      {d.steps.length > 0 && (
        <section className="card">
          <h2>{t('detail.steps')}</h2>
          <HeadedTable
            headers={[
              t('detail.step'),
              t('detail.role'),
              t('detail.startedOn'),
              t('detail.due'),
              t('detail.finishedOn'),
              t('list.deadline'),
            ]}
          >
            {d.steps.map((s) => (
              <tr key={s.code} data-step={s.code}>
                <td>
                  {l.name(s)}
                  <div className="muted">{s.legalRef}</div>
                </td>
                <td>{t(`roles.${s.role}`)}</td>
                <td>{l.date(s.clock?.startedOn ?? s.doneOn)}</td>
                <td>{s.clock ? `${l.date(s.clock.dueDate)} (${s.clock.days} ${t(`units.${s.clock.unit}`)})` : '—'}</td>
                <td>{l.date(s.clock?.finishedOn ?? s.doneOn)}</td>
                <td>
                  <ClockBadge clock={s.clock} />
                </td>
              </tr>
            ))}
          </HeadedTable>
        </section>
      )}

      <DossierChecklist dossier={d} canUpload={canUpload} onChanged={refresh} />

      {d.supplements.length > 0 && (
        <section className="card">
          <h2>{t('detail.supplements')}</h2>
          <ul className="plain">
            {d.supplements.map((s) => (
              <li key={s.id}>
                <span>
                  {l.date(s.requestedOn)}: {s.message}
                </span>
                {s.documentCodes.length > 0 && <span className="muted">({s.documentCodes.join(', ')})</span>}
                {s.answeredOn ? (
                  <span className="badge ok">
                    {t('detail.answeredOn')} {l.date(s.answeredOn)}
                  </span>
                ) : (
                  <span className="badge warn">{t('detail.notAnswered')}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {d.consultations.length > 0 && (
        <section className="card">
          <h2>{t('detail.consultations')}</h2>
          <HeadedTable
            headers={[t('detail.agency'), t('consultations.requestedOn'), t('detail.due'), t('list.status'), t('detail.opinion')]}
          >
            {d.consultations.map((c) => (
              <tr key={c.id} data-agency={c.agencyId}>
                <td>
                  {l.name(c.agency)}
                  {c.namedAgencyId && <div className="muted">{t('detail.routedFrom', { agency: c.namedAgencyId })}</div>}
                </td>
                <td>{l.date(c.requestedOn)}</td>
                <td>{l.date(c.clock.dueDate)}</td>
                <td>
                  {c.status === 'SILENT' ? tc('consultationStatus.SILENT') : t(`consultationStatus.${c.status}`)}{' '}
                  <ClockBadge clock={c.clock} />
                </td>
                <td>
                  <ConsultationRecord dossierId={d.id} consultation={c} onDone={refresh} />
                  {c.canAnswer && <AnswerForm consultation={c} onDone={refresh} />}
                </td>
              </tr>
            ))}
          </HeadedTable>
        </section>
      )}

      {d.timeline.length > 0 && (
        <section className="card">
          <h2>{t('detail.timeline')}</h2>
          <ol className="timeline">
            {d.timeline.map((e, i) => (
              <li key={i}>
                <strong>
                  {tc(`timeline.${e.action}`, { defaultValue: t(`actions.${e.action}`, { defaultValue: e.action, context }) })}
                </strong>{' '}
                — {l.date(e.onDate)} {formatClockTime(e.at)} · {e.actor}
                {e.fromStatus !== e.toStatus && <> · {t(`status.${e.toStatus}`, { context })}</>}
                {e.note && <div className="muted">{e.note}</div>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
