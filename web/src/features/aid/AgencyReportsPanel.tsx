import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl } from '../../api/client';
import { useSession } from '../../api/session';
import { ConfirmButton } from '../../components/ConfirmButton';
import { EmptyState, ErrorNotice } from '../../components/States';
import { ReportStatusBadge } from './AidBadges';
import { formatDate } from '@common/format/date';
import { formatAmount } from './format';
import type { AgencyReport, Page } from './types';

const KINDS = ['AGENCY_MAU04', 'GOVERNING_ANNUAL'] as const;

/** Figures stored since issue 13: the data window and the mobilisation results (absent on older reports). */
type WindowFigures = { windowFrom?: string; windowTo?: string; approvedItems?: number; approvedCommittedUsd?: string };

function Figures({ report }: { report: AgencyReport }) {
  const { t, i18n } = useTranslation('aid');
  const { t: tr } = useTranslation('aidReports');
  const f = report.figures as AgencyReport['figures'] & WindowFigures;
  return (
    <>
      <p className="hint">
        {tr('window.d58', { from: formatDate(f.windowFrom ?? report.periodFrom), to: formatDate(f.windowTo ?? report.periodTo) })}
      </p>
      {f.approvedItems !== undefined && (
        <p>{tr('window.mobilised', { count: f.approvedItems, usd: formatAmount(f.approvedCommittedUsd ?? '0', i18n.language) })}</p>
      )}
      <dl className="aid-facts">
        <dt>{t('agency.aidItems')}</dt>
        <dd>{f.aidItems}</dd>
        <dt>{t('agency.organisations')}</dt>
        <dd>{f.organisations}</dd>
        <dt>{t('fields.committedUsd')}</dt>
        <dd>{formatAmount(f.committedUsd, i18n.language)}</dd>
        <dt>{t('fields.disbursedUsd')}</dt>
        <dd>{formatAmount(f.disbursedUsd, i18n.language)}</dd>
        <dt>{t('agency.ngoReports')}</dt>
        <dd>{f.ngoReportsSubmitted}</dd>
      </dl>
    </>
  );
}

/** One of the agency's own reports of the year: open it, write the summary, refresh the figures, file it. */
function OwnReport({ kind, year, report }: { kind: (typeof KINDS)[number]; year: number; report: AgencyReport | undefined }) {
  const { t } = useTranslation('aid');
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState(report?.summary ?? '');
  const done = () => void queryClient.invalidateQueries({ queryKey: ['reports'] });
  const open = useMutation({ mutationFn: () => api.post<AgencyReport>('/api/reports/agency', { kind, year }), onSuccess: done });
  const save = useMutation({
    mutationFn: (refreshFigures: boolean) =>
      api.put<AgencyReport>(`/api/reports/agency/${report!.id}`, {
        version: report!.version,
        summary: summary.trim() || null,
        refreshFigures,
      }),
    onSuccess: done,
  });
  const submit = useMutation({
    mutationFn: async () => {
      const saved = await api.put<AgencyReport>(`/api/reports/agency/${report!.id}`, {
        version: report!.version,
        summary: summary.trim() || null,
      });
      return api.post<AgencyReport>(`/api/reports/agency/${report!.id}/submit`, { version: saved.version });
    },
    onSuccess: done,
  });
  const editable = report && (report.status === 'DRAFT' || report.status === 'RETURNED');
  return (
    <article className="report-line">
      <h3>
        {t(`reportKind.${kind}`)} {report && <ReportStatusBadge status={report.status} />}
      </h3>
      {!report && (
        <button type="button" className="primary" onClick={() => open.mutate()} disabled={open.isPending}>
          {t('agency.open', { year })}
        </button>
      )}
      {report && (
        <>
          <p>
            {t('reports.periodLine', {
              from: formatDate(report.periodFrom),
              to: formatDate(report.periodTo),
              due: formatDate(report.dueDate),
            })}
          </p>
          <Figures report={report} />
          <p>
            <a href={downloadUrl(`/api/reports/agency/${report.id}/export.pdf`)}>{t('reports.pdf')}</a>
          </p>
          <div className="field">
            <label htmlFor={`agency-summary-${kind}`}>{t('reports.summary')}</label>
            <textarea id={`agency-summary-${kind}`} value={summary} disabled={!editable} onChange={(e) => setSummary(e.target.value)} />
          </div>
          {editable && (
            <div className="row-actions">
              <button type="button" onClick={() => save.mutate(false)}>
                {t('reports.saveDraft')}
              </button>
              <button type="button" onClick={() => save.mutate(true)}>
                {t('agency.refresh')}
              </button>
              <ConfirmButton
                className="primary"
                label={t('reports.submit')}
                question={t('agency.confirmSubmit')}
                onConfirm={() => submit.mutate()}
              />
            </div>
          )}
        </>
      )}
      <ErrorNotice error={open.error ?? save.error ?? submit.error} />
    </article>
  );
}

/** Agency reports: an agency files its own (Mẫu 04, governing-agency report); central officers see every agency's. */
export function AgencyReportsPanel({ year }: { year: number }) {
  const { t, i18n } = useTranslation('aid');
  const { user } = useSession();
  const reports = useQuery({
    queryKey: ['reports', 'agency', year],
    queryFn: () => api.get<Page<AgencyReport>>('/api/reports/agency', { year, pageSize: 200 }),
  });
  const own = user?.role === 'agency';
  return (
    <section className="card" aria-labelledby="agency-reports">
      <h2 id="agency-reports">{t('agency.title', { year })}</h2>
      <ErrorNotice error={reports.error} />
      {own &&
        reports.data &&
        KINDS.map((kind) => {
          const report = reports.data.items.find((r) => r.kind === kind);
          return <OwnReport key={`${kind}:${report?.id ?? 'none'}:${report?.version ?? 0}`} kind={kind} year={year} report={report} />;
        })}
      {!own && reports.data?.items.length === 0 && <EmptyState message={t('agency.none')} />}
      {!own && reports.data && reports.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('agency.agency')}</th>
                <th>{t('agency.kind')}</th>
                <th>{t('reports.status')}</th>
                <th className="num">{t('agency.aidItems')}</th>
                <th className="num">{t('fields.disbursedUsd')}</th>
                <th>{t('reports.pdf')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.data.items.map((r) => (
                <tr key={r.id}>
                  <td>{i18n.language === 'en' ? r.agencyNameEn : r.agencyNameVi}</td>
                  <td>{t(`reportKind.${r.kind}`)}</td>
                  <td>
                    <ReportStatusBadge status={r.status} />
                  </td>
                  <td className="num">{r.figures.aidItems}</td>
                  <td className="num">{formatAmount(r.figures.disbursedUsd, i18n.language)}</td>
                  <td>
                    <a href={downloadUrl(`/api/reports/agency/${r.id}/export.pdf`)}>{t('reports.pdf')}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
