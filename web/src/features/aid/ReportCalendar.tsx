import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { ErrorNotice, Loading } from '../../components/States';
import { ReportStatusBadge } from './AidBadges';
import { formatDate } from '@common/format/date';
import type { CalendarEntry } from './types';

/** What is due when in the year for the signed-in role: what they file and what they receive. */
export function ReportCalendar({ year }: { year: number }) {
  const { t } = useTranslation('aid');
  const calendar = useQuery({
    queryKey: ['reports', 'calendar', year],
    queryFn: () => api.get<{ year: number; today: string; entries: CalendarEntry[] }>('/api/reports/calendar', { year }),
  });
  return (
    <section className="card" aria-labelledby="report-calendar">
      <h2 id="report-calendar">{t('calendar.title', { year })}</h2>
      <ErrorNotice error={calendar.error} />
      {calendar.isLoading && <Loading />}
      {calendar.data?.entries.length === 0 && <p className="hint">{t('calendar.none')}</p>}
      <ul className="calendar-list">
        {calendar.data?.entries.map((e) => (
          <li key={`${e.kind}:${e.duty}`} className={e.state ?? ''}>
            <strong>{t(`reportKind.${e.kind}`)}</strong> — {t(`duty.${e.duty}`)}
            <div>
              {t('calendar.periodDue', { from: formatDate(e.from), to: formatDate(e.to), due: formatDate(e.due) })}
              {e.state && (
                <span
                  className={`badge ${e.state === 'OVERDUE' ? 'bad' : e.state === 'DONE' ? 'ok' : e.state === 'DUE_SOON' ? 'warn' : ''}`}
                >
                  {' '}
                  {t(`dueState.${e.state}`)}
                </span>
              )}
              {e.duty === 'SUBMIT' && e.kind !== 'CENTRAL_SUMMARY' && (
                <>
                  {' '}
                  <ReportStatusBadge status={e.reportStatus} />
                </>
              )}
              {e.received !== null && <span className="muted"> · {t('calendar.received', { n: e.received })}</span>}
              {e.duty === 'RECEIVE' && e.kind === 'NGO_ANNUAL' && (
                <>
                  {' '}
                  · <Link to={`/reports/missing?year=${year}`}>{t('missing.link')}</Link>
                </>
              )}
            </div>
            <small className="muted" title={e.legalBasis}>
              {t(`calendar.basis.${e.kind}`)}
              {e.provisional && ` — ${t('calendar.provisional')}`}
            </small>
          </li>
        ))}
      </ul>
    </section>
  );
}
