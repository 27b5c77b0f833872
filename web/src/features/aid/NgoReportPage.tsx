import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Field } from '../../components/Field';
import { ErrorNotice, Loading } from '../../components/States';
import { ReportWarnings } from './ReportWarnings';
import { NgoReportForm } from './NgoReportForm';
import type { NgoReport } from './types';
import './aid.css';

/** One FNGO annual report: the form for its author, read-only for officers, with accept/return for central officers. */
export function NgoReportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('aid');
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const report = useQuery({ queryKey: ['reports', 'ngo', id], queryFn: () => api.get<NgoReport>(`/api/reports/ngo/${id}`) });
  const review = useMutation({
    mutationFn: (decision: 'ACCEPT' | 'RETURN') =>
      api.post<NgoReport>(`/api/reports/ngo/${id}/review`, { version: report.data!.version, decision, note: note.trim() || undefined }),
    onSuccess: (next) => {
      queryClient.setQueryData(['reports', 'ngo', id], next);
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
    },
  });
  if (report.isLoading) return <Loading />;
  if (!report.data) return <ErrorNotice error={report.error} />;
  return (
    <div className="stack">
      <p>
        <Link to={`/reports?year=${report.data.reportYear}`}>← {t('reports.title')}</Link>
      </p>
      <ReportWarnings warnings={report.data.warnings} />
      <NgoReportForm key={report.data.id} report={report.data} />
      {report.data.abilities.review && (
        <section className="card">
          <h2>{t('reports.reviewTitle')}</h2>
          <Field label={t('reports.reviewNoteLabel')} value={note} onChange={(e) => setNote(e.target.value)} />
          <div className="row-actions">
            <button type="button" className="primary" onClick={() => review.mutate('ACCEPT')}>
              {t('reports.accept')}
            </button>
            <ConfirmButton label={t('reports.return')} question={t('reports.confirmReturn')} onConfirm={() => review.mutate('RETURN')} />
          </div>
          <ErrorNotice error={review.error} />
        </section>
      )}
    </div>
  );
}
