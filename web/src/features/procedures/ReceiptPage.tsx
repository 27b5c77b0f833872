import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, downloadUrl } from '../../api/client';
import { ErrorNotice, Loading } from '../../components/States';
import type { DossierDetail } from './types';
import { useLocalized } from './useLocalized';
import { formatMoment } from '@common/format/date';

/** The printable receipt an NGO gets on submission: dossier code, time, documents with checksums. */
export function ReceiptPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('procedures');
  const l = useLocalized();
  const query = useQuery({ queryKey: ['dossier', id], queryFn: () => api.get<DossierDetail>(`/api/dossiers/${id}`) });
  if (query.isLoading) return <Loading />;
  if (!query.data) return <ErrorNotice error={query.error} />;
  const d = query.data;
  const submit = d.timeline.find((e) => e.action === 'SUBMIT');
  const s1 = d.steps.find((s) => s.code === 'S1_CHECK');
  return (
    <section className="card receipt" data-testid="receipt">
      <h1>{t('receipt.title')}</h1>
      <p>{t('receipt.intro')}</p>
      <dl>
        <dt>{t('receipt.code')}</dt>
        <dd>
          <strong data-testid="dossier-code">{d.code}</strong>
        </dd>
        <dt>{t('receipt.submittedAt')}</dt>
        <dd>{formatMoment(submit?.at)}</dd>
        <dt>{t('receipt.organisation')}</dt>
        <dd>{d.organisationName}</dd>
        <dt>{t('receipt.procedure')}</dt>
        <dd>
          {l.name(d.procedure)} ({d.procedure.legalDocument})
        </dd>
        {s1?.clock?.dueDate && (
          <>
            <dt>{t('receipt.checkDue')}</dt>
            <dd>{l.date(s1.clock.dueDate)}</dd>
          </>
        )}
      </dl>
      <h2>{t('receipt.documents')}</h2>
      <ol>
        {d.documents
          .filter((x) => !x.superseded && !x.documentCode.startsWith('OUTCOME_'))
          .map((x) => (
            <li key={x.id}>
              {x.fileName} <span className="mono">SHA-256 {x.sha256}</span>
            </li>
          ))}
      </ol>
      <p className="hint">{t('receipt.note')}</p>
      <div className="row-actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t('receipt.print')}
        </button>
        <a href={downloadUrl(`/api/dossiers/${d.id}/receipt.pdf`)}>{t('receipt.pdf')}</a>
        <Link to={`/dossiers/${d.id}`}>{t('detail.back')}</Link>
      </div>
    </section>
  );
}
