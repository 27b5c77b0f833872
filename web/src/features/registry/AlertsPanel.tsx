import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import type { Alert } from './registry-api';

/** Certificates expiring within 90/60/30 days and extension dossiers not filed 60 days before expiry. */
export function AlertsPanel() {
  const { t, i18n } = useTranslation('registry');
  const alerts = useQuery({
    queryKey: ['registry-alerts'],
    queryFn: () => api.get<{ asOf: string; items: Alert[] }>('/api/registry/alerts'),
  });
  return (
    <section className="card registry-alerts" aria-labelledby="registry-alerts-title">
      <h2 id="registry-alerts-title">{t('alerts.title')}</h2>
      <ErrorNotice error={alerts.error} />
      {alerts.isLoading && <Loading />}
      {alerts.data?.items.length === 0 && <EmptyState message={t('alerts.empty')} />}
      {alerts.data && alerts.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('alerts.organisation')}</th>
                <th>{t('alerts.certificate')}</th>
                <th>{t('alerts.validUntil')}</th>
                <th>{t('alerts.alert')}</th>
              </tr>
            </thead>
            <tbody>
              {alerts.data.items.map((a) => (
                <tr key={`${a.certificateId}-${a.kind}`}>
                  <td>
                    <Link to={`/organisations/${a.organisationId}`}>
                      {(i18n.language !== 'en' && a.organisationNameVi) || a.organisationName}
                    </Link>
                  </td>
                  <td>
                    {t(`certificateTypesShort.${a.type}`)} {a.certificateNumber}
                  </td>
                  <td>{a.validUntil}</td>
                  <td>
                    {a.kind === 'EXPIRING' ? (
                      <span className={a.bucket === 30 ? 'badge bad' : 'badge warn'}>
                        {t('alerts.EXPIRING', { days: a.daysLeft, bucket: a.bucket })}
                      </span>
                    ) : (
                      <span className={a.overdue ? 'badge bad' : 'badge warn'}>
                        {t('alerts.EXTENSION_NOT_FILED', { deadline: a.filingDeadline })}
                        {a.overdue && ` — ${t('alerts.overdue')}`}
                      </span>
                    )}
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
