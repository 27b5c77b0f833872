import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { formatDate } from '@common/format/date';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { fetchSanctions } from './sanctions-api';

/** The sanction cases in the signed-in user's scope, with each one's nearest due date. */
export function SanctionsPage() {
  const { t } = useTranslation('sanctions');
  const [openOnly, setOpenOnly] = useState(false);
  const organisationId = useSearchParams()[0].get('organisationId') ?? undefined;
  const query = useQuery({
    queryKey: ['sanctions', openOnly, organisationId],
    queryFn: () => fetchSanctions({ ...(openOnly ? { open: 'true' as const } : {}), ...(organisationId ? { organisationId } : {}) }),
  });
  return (
    <section className="card">
      <h1>{t('title')}</h1>
      <p className="hint">{t('intro')}</p>
      <label>
        <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} /> {t('list.openOnly')}
      </label>
      {query.isLoading && <Loading />}
      <ErrorNotice error={query.error} />
      {query.data && query.data.items.length === 0 && <EmptyState message={t('list.empty')} />}
      {query.data && query.data.items.length > 0 && (
        <div className="table-wrap">
          <table data-testid="sanctions">
            <caption className="sr-only">{t('title')}</caption>
            <thead>
              <tr>
                <th>{t('list.code')}</th>
                <th>{t('list.procedure')}</th>
                <th>{t('list.organisation')}</th>
                <th>{t('list.certificate')}</th>
                <th>{t('list.status')}</th>
                <th>{t('list.proposedOn')}</th>
                <th>{t('list.nextDue')}</th>
              </tr>
            </thead>
            <tbody>
              {query.data.items.map((c) => (
                <tr key={c.id} data-status={c.status}>
                  <td>
                    <Link to={`/supervision/sanctions/${c.id}`}>{c.code}</Link>
                  </td>
                  <td>{t(`procedure.${c.procedureCode}`)}</td>
                  <td>{c.organisationName}</td>
                  <td>{c.certificateNumber}</td>
                  <td>{c.outcome ? `${t(`status.${c.status}`)} — ${t(`outcome.${c.outcome}`)}` : t(`status.${c.status}`)}</td>
                  <td>{formatDate(c.proposedOn)}</td>
                  <td>{c.nextDue ? formatDate(c.nextDue) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
