import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { hasNationalScope } from '@common/auth/national-scope';
import { formatDate } from '@common/format/date';
import { useSession } from '../../api/session';
import { ErrorNotice, Loading } from '../../components/States';
import { ClockText } from './ClockText';
import { OpinionForm } from './OpinionForm';
import { fetchSanction, type SanctionCase } from './sanctions-api';
import { StepForm } from './StepForm';

const d = (date: string | null | undefined) => (date ? formatDate(date) : '');

/** What the case has recorded so far: proposal, meeting, decision, notice, remedy, recovery, settlement. */
function Facts({ c }: { c: SanctionCase }) {
  const { t } = useTranslation('sanctions');
  const rows: [string, string | null][] = [
    [t('case.proposedOn'), d(c.proposedOn)],
    [t('new.ground'), t(`ground.${c.legalGround}`)],
    [t('case.grounds'), c.grounds],
    [t('case.evidence'), c.evidence.map((e) => [e.title, e.reference, d(e.date)].filter(Boolean).join(' · ')).join('; ')],
    [t('case.meeting'), c.meetingHeldOn ? `${d(c.meetingHeldOn)} — ${c.meetingMinutes ?? ''}` : null],
    [t('case.decision'), c.decisionNumber ? `${c.decisionNumber} (${d(c.decidedOn)})` : null],
    [t('case.notice'), c.noticeSentOn ? `${d(c.noticeSentOn)} · ${t('case.received')} ${d(c.noticeReceivedOn)}` : null],
    [t('case.remedyReport'), c.remedyReportedOn ? `${d(c.remedyReportedOn)} — ${c.remedyReport ?? ''}` : null],
    [t('case.recovered'), c.recoveredOn ? d(c.recoveredOn) : null],
    [t('case.closing'), c.closingNote],
  ];
  return (
    <dl className="facts">
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      {c.settlement &&
        (['premises', 'staff', 'assets', 'finances'] as const).map((k) => (
          <div key={k}>
            <dt>{t(`case.${k}`)}</dt>
            <dd>{c.settlement![k]}</dd>
          </div>
        ))}
    </dl>
  );
}

/** One sanction case: its facts, the agencies' opinions and the steps on their clocks, the next steps, the timeline. */
export function SanctionPage() {
  const { t, i18n } = useTranslation('sanctions');
  const { id = '' } = useParams();
  const user = useSession().user;
  const central = !!user && hasNationalScope(user);
  const query = useQuery({ queryKey: ['sanction', id], queryFn: () => fetchSanction(id), retry: false });
  if (query.isLoading) return <Loading />;
  if (query.error || !query.data) return <ErrorNotice error={query.error} />;
  const c = query.data;
  const en = i18n.language === 'en';
  const status = c.outcome ? `${t(`status.${c.status}`)} — ${t(`outcome.${c.outcome}`)}` : t(`status.${c.status}`);
  return (
    <div className="stack">
      <section className="card">
        <p>
          <Link to="/supervision/sanctions">← {t('case.back')}</Link>
        </p>
        <h1>
          {c.code}: {t(`procedure.${c.procedureCode}`)}
        </h1>
        <p>
          <strong>{c.organisationName}</strong> · {c.certificateNumber} · <span data-testid="sanction-status">{status}</span>
        </p>
        {c.escalatedFromId && <Link to={`/supervision/sanctions/${c.escalatedFromId}`}>{t('case.escalatedFrom')}</Link>}
        {c.escalatedToId && <Link to={`/supervision/sanctions/${c.escalatedToId}`}>{t('case.escalatedTo')}</Link>}
        <Facts c={c} />
        {c.meetingRequired && <p className="notice">{t('case.meetingRequired')}</p>}
        {c.canAnswer && <OpinionForm caseId={c.id} label={t('opinion.give')} />}
        {c.actions.length > 0 && (
          <div className="actions" data-testid="sanction-actions">
            {c.actions.map((a) => (
              <StepForm key={a} caseId={c.id} action={a} />
            ))}
          </div>
        )}
      </section>
      {c.opinions.length > 0 && (
        <section className="card">
          <h2>{t('case.opinions')}</h2>
          <div className="table-wrap">
            <table data-testid="sanction-opinions">
              <thead>
                <tr>
                  <th>{t('case.agency')}</th>
                  <th>{t('case.opinion')}</th>
                  <th>{t('case.answer')}</th>
                  <th>{t('case.due')}</th>
                </tr>
              </thead>
              <tbody>
                {c.opinions.map((o) => (
                  <tr key={o.agencyId} data-agency={o.agencyId}>
                    <td>{en ? o.agencyNameEn : o.agencyNameVi}</td>
                    <td>{o.opinion ? t(`opinion.${o.opinion}`) : t('case.pending')}</td>
                    <td>
                      {o.answer}
                      {!o.opinion && central && c.status === 'CONSULTING' && (
                        <OpinionForm caseId={c.id} agencyId={o.agencyId} label={t('opinion.recordFor')} />
                      )}
                    </td>
                    <td>
                      <ClockText clock={o.clock} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <section className="card">
        <h2>{t('case.steps')}</h2>
        <div className="table-wrap">
          <table data-testid="sanction-steps">
            <thead>
              <tr>
                <th>{t('case.step')}</th>
                <th>{t('case.legalRef')}</th>
                <th>{t('case.clock')}</th>
              </tr>
            </thead>
            <tbody>
              {c.steps.map((s) => (
                <tr key={s.code} data-step={s.code}>
                  <td>{en ? s.nameEn : s.nameVi}</td>
                  <td>{s.legalRef}</td>
                  <td>
                    <ClockText clock={s.clock} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card">
        <h2>{t('case.timeline')}</h2>
        <ol data-testid="sanction-timeline">
          {c.events.map((e, i) => (
            <li key={i}>
              {d(e.onDate)} — {t(`actions.${e.action}`)} ({e.actor}){e.note ? `: ${e.note}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
