import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReferenceList } from '../../api/reference';
import { useSession } from '../../api/session';
import { ErrorNotice } from '../../components/States';
import { hasNationalScope } from '@common/auth/national-scope';
import { useReportJob, useRequestReport } from './stats-api';

/** Official annual reports (xlsx, PDF, CSV), generated in the background with their progress shown. */
export function ReportsPanel({ year }: { year: number }) {
  const { t, i18n } = useTranslation('stats');
  const { user } = useSession();
  const central = hasNationalScope(user);
  const [format, setFormat] = useState<'xlsx' | 'pdf' | 'csv'>('xlsx');
  const [kind, setKind] = useState<'national' | 'agency'>(central ? 'national' : 'agency');
  const [agency, setAgency] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const agencies = useReferenceList('agencies');
  const request = useRequestReport(setJobId);
  const job = useReportJob(jobId);
  if (!user || !['admin', 'central', 'agency'].includes(user.role)) return null;
  const status = job.data;
  return (
    <section className="card" data-testid="reports-panel">
      <h2>{t('sections.reports')}</h2>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          request.mutate({ year, format, kind, agency: central && kind === 'agency' ? agency : undefined });
        }}
      >
        {central && (
          <label htmlFor="report-kind">
            {t('report.national')} / {t('report.agency')}
            <select id="report-kind" value={kind} onChange={(e) => setKind(e.target.value as 'national' | 'agency')}>
              <option value="national">{t('report.national')}</option>
              <option value="agency">{t('report.agency')}</option>
            </select>
          </label>
        )}
        {central && kind === 'agency' && (
          <label htmlFor="report-agency">
            {t('report.agencyPick')}
            <select id="report-agency" value={agency} required onChange={(e) => setAgency(e.target.value)}>
              <option value="" />
              {agencies.data
                ?.filter((a) => a.kind === 'PROVINCE' || a.kind === 'MINISTRY')
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {i18n.language === 'en' ? a.nameEn : a.nameVi}
                  </option>
                ))}
            </select>
          </label>
        )}
        <label htmlFor="report-format">
          {t('report.format')}
          <select id="report-format" value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
            <option value="xlsx">Excel (xlsx)</option>
            <option value="pdf">PDF</option>
            <option value="csv">CSV</option>
          </select>
        </label>
        <button type="submit" className="primary" disabled={request.isPending}>
          {t('report.generate')}
        </button>
      </form>
      <ErrorNotice error={request.error ?? job.error} />
      {status && (
        <div role="status" aria-live="polite">
          {status.status === 'queued' && <p>{t('report.queued')}</p>}
          {status.status === 'running' && (
            <p>
              {t('report.running', { progress: status.progress })} <progress max={100} value={status.progress} />
            </p>
          )}
          {status.status === 'done' && status.downloadUrl && (
            <p className="notice success">
              {t('report.done')} <a href={status.downloadUrl}>{t('report.download', { name: status.fileName })}</a>
            </p>
          )}
          {status.status === 'failed' && <p className="notice error">{t('report.failed', { error: status.error })}</p>}
          {status.status === 'expired' && <p className="notice warning">{status.message}</p>}
        </div>
      )}
    </section>
  );
}
