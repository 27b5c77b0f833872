import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { plainOptions, SelectField } from '../../components/SelectField';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { formatDate } from '@common/format/date';
import { vietnamYear } from '@common/time/vietnam-today';
import { reportYears } from './ProgrammeReportPage';
import type { ReportingStatus } from './programmeReportTypes';
import { formatMoment, pick } from './types';
import './programme.css';
import './programme-reports.css';

/** One row's reminder button, with what it did (how many users were notified). */
function RemindButton({ agencyId, year }: { agencyId: string; year: number }) {
  const { t } = useTranslation('programmeReports');
  const queryClient = useQueryClient();
  const remind = useMutation({
    mutationFn: () => api.post<{ notified: number }>(`/api/programme-reports/${year}/${encodeURIComponent(agencyId)}/remind`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['programme-reports-status', year] }),
  });
  return (
    <>
      <button type="button" onClick={() => remind.mutate()} disabled={remind.isPending}>
        {t('missing.remind')}
      </button>
      {remind.data && <small> {t('missing.reminded', { count: remind.data.notified })}</small>}
      <ErrorNotice error={remind.error} />
    </>
  );
}

/**
 * Central's "who has not reported" on the Programme for a year: every ministry and the 34 provinces with their
 * report's status, overdue ones marked, a reminder button for those that have not submitted.
 */
export function ProgrammeReportsStatusPage() {
  const { t, i18n } = useTranslation('programmeReports');
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || vietnamYear() - 1;
  const [onlyMissing, setOnlyMissing] = useState(true);
  const list = useQuery({
    queryKey: ['programme-reports-status', year],
    queryFn: () => api.get<ReportingStatus>('/api/programme-reports', { year }),
  });
  const items = list.data?.items.filter((i) => !onlyMissing || i.status !== 'SUBMITTED') ?? [];
  return (
    <section className="card needs stack">
      <p>
        <Link to="/programmes">← {t('programme:programmes.title')}</Link> · <Link to="/programme-reviews">{t('links.review')}</Link>
      </p>
      <h1>{t('missing.title')}</h1>
      <div className="filters">
        <SelectField
          label={t('report.year')}
          value={year}
          options={plainOptions(reportYears())}
          onChange={(e) => setParams({ year: e.target.value })}
        />
        <div className="field">
          <label>
            <input type="checkbox" checked={onlyMissing} onChange={(e) => setOnlyMissing(e.target.checked)} /> {t('missing.onlyMissing')}
          </label>
        </div>
      </div>
      <ErrorNotice error={list.error} />
      {list.isLoading && <Loading />}
      {list.data && (
        <>
          <p>{t('missing.intro', { year, date: formatDate(list.data.dueDate), basis: list.data.dueBasis })}</p>
          <p>
            <strong>{t('missing.counts', list.data.counts)}</strong>
          </p>
          {items.length === 0 && <EmptyState message={t('missing.empty')} />}
          {items.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption className="sr-only">{t('missing.title')}</caption>
                <thead>
                  <tr>
                    <th>{t('columns.agency')}</th>
                    <th>{t('columns.kind')}</th>
                    <th>{t('columns.status')}</th>
                    <th>{t('columns.submittedAt')}</th>
                    <th>{t('columns.reminders')}</th>
                    <th>{t('columns.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr key={i.agencyId}>
                      <td>
                        <Link to={`/programme-reports?year=${year}&agency=${encodeURIComponent(i.agencyId)}`}>
                          {pick(lang, i.nameVi, i.nameEn)}
                        </Link>
                      </td>
                      <td>{t(`kinds.${i.kind}`)}</td>
                      <td>
                        <span className={`badge ${i.status === 'SUBMITTED' ? 'ok' : i.overdue ? 'bad' : 'warn'}`}>
                          {t(`status.${i.status}`)}
                        </span>
                        {i.overdue && ` ${t('report.overdue')}`}
                      </td>
                      <td>{formatMoment(i.submittedAt)}</td>
                      <td>
                        {i.lastRemindedAt ? t('missing.lastReminded', { date: formatMoment(i.lastRemindedAt), count: i.reminders }) : '—'}
                      </td>
                      <td>{i.status !== 'SUBMITTED' && <RemindButton agencyId={i.agencyId} year={year} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
