import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { Pagination } from '../../components/Pagination';
import { plainOptions, SelectField } from '../../components/SelectField';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { AgencyReportsPanel } from './AgencyReportsPanel';
import { ReportStatusBadge } from './AidBadges';
import { formatDate } from '@common/format/date';
import { defaultReportYear, formatAmount, yearOptions } from './format';
import { NgoReportForm } from './NgoReportForm';
import { ReportCalendar } from './ReportCalendar';
import type { NgoReport, NgoReportSummary, Page } from './types';
import './aid.css';

/** An NGO's own report of the year: open it, or fill it in. */
function OwnReport({ year }: { year: number }) {
  const { t } = useTranslation('aid');
  const queryClient = useQueryClient();
  const mine = useQuery({
    queryKey: ['reports', 'ngo', 'own', year],
    queryFn: () => api.get<Page<NgoReportSummary>>('/api/reports/ngo', { year }),
  });
  const id = mine.data?.items[0]?.id;
  const report = useQuery({
    queryKey: ['reports', 'ngo', id],
    queryFn: () => api.get<NgoReport>(`/api/reports/ngo/${id}`),
    enabled: Boolean(id),
  });
  const open = useMutation({
    mutationFn: () => api.post<NgoReport>('/api/reports/ngo', { year }),
    onSuccess: (created) => {
      queryClient.setQueryData(['reports', 'ngo', created.id], created);
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
    },
  });
  if (mine.isLoading || report.isLoading) return <Loading />;
  if (!id) {
    return (
      <section className="card">
        <h2>{t('reports.ownTitle', { year })}</h2>
        <p>{t('reports.notStarted')}</p>
        <ErrorNotice error={mine.error ?? open.error} />
        <button type="button" className="primary" onClick={() => open.mutate()} disabled={open.isPending}>
          {t('reports.open', { year })}
        </button>
      </section>
    );
  }
  return report.data ? <NgoReportForm key={report.data.id} report={report.data} /> : <ErrorNotice error={report.error} />;
}

/** Reports filed by the organisations in the officer's scope. */
function ReceivedReports({ year }: { year: number }) {
  const { t, i18n } = useTranslation('aid');
  const { t: tc } = useTranslation();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState('');
  const list = useQuery({
    queryKey: ['reports', 'ngo', 'list', year, status, page],
    queryFn: () => api.get<Page<NgoReportSummary>>('/api/reports/ngo', { year, status, page, pageSize: 25 }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="card" aria-labelledby="received-reports">
      <div className="aid-head">
        <h2 id="received-reports">{t('reports.receivedTitle', { year })}</h2>
        <Link className="button" to={`/reports/missing?year=${year}`}>
          {t('missing.link')}
        </Link>
      </div>
      <div className="filters">
        <SelectField
          label={t('reports.status')}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value);
            setPage(1);
          }}
          empty={t('filters.all')}
          options={(['DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED'] as const).map((s) => ({ value: s, label: t(`reportStatus.${s}`) }))}
        />
      </div>
      <ErrorNotice error={list.error} />
      {list.data?.items.length === 0 && <EmptyState message={tc('states.noResults')} />}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('missing.organisation')}</th>
                <th>{t('reports.status')}</th>
                <th>{t('reports.submittedAt')}</th>
                <th className="num">{t('reports.lines')}</th>
                <th className="num">{t('fields.disbursedUsd')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/reports/ngo/${r.id}`}>{r.organisationName}</Link>
                  </td>
                  <td>
                    <ReportStatusBadge status={r.status} />
                  </td>
                  <td>{formatDate(r.submittedAt)}</td>
                  <td className="num">{r.lineCount}</td>
                  <td className="num">{formatAmount(r.disbursedUsd, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && <Pagination page={page} pageSize={25} total={list.data.total} onPage={setPage} />}
    </section>
  );
}

/** Periodic reports: the calendar of the year, the NGO's own report, or what officers receive and follow up. */
export function ReportsPage() {
  const { t } = useTranslation('aid');
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || defaultReportYear();
  const isNgo = user?.role === 'ngo';
  return (
    <div className="stack">
      <section className="card">
        <h1>{t('reports.title')}</h1>
        <div className="filters">
          <SelectField
            label={t('reports.year')}
            value={year}
            onChange={(e) => setParams({ year: e.target.value })}
            options={plainOptions([...new Set([defaultReportYear() + 1, ...yearOptions()])])}
          />
        </div>
      </section>
      <ReportCalendar year={year} />
      {isNgo && <OwnReport key={year} year={year} />}
      {!isNgo && <ReceivedReports year={year} />}
      {(user?.role === 'agency' || user?.role === 'central' || user?.role === 'admin') && <AgencyReportsPanel year={year} />}
    </div>
  );
}
