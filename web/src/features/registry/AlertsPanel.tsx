import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { api } from '../../api/client';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { useReference, type Alert } from './registry-api';
import { formatDate } from '@common/format/date';

/** What the alert says: its badge, worded per kind. */
function AlertBadge({ alert: a }: { alert: Alert }) {
  const { t } = useTranslation('registry');
  const ref = useReference();
  switch (a.kind) {
    case 'EXPIRING':
      return (
        <span className={a.bucket === 30 ? 'badge bad' : 'badge warn'}>{t('alerts.EXPIRING', { days: a.daysLeft, bucket: a.bucket })}</span>
      );
    case 'EXTENSION_NOT_FILED':
      return (
        <span className={a.overdue ? 'badge bad' : 'badge warn'}>
          {t('alerts.EXTENSION_NOT_FILED', { deadline: formatDate(a.filingDeadline) })}
          {a.overdue && ` — ${t('alerts.overdue')}`}
        </span>
      );
    case 'EXCEEDS_HOME_TERM':
      return <span className="badge bad">{t('alerts.EXCEEDS_HOME_TERM', { homeTerm: formatDate(a.homeTermUntil) })}</span>;
    case 'AID_OUTSIDE_CERTIFICATE': {
      const outside = [...a.outsideProvinceIds.map(ref.province), ...a.outsideSectorCodes.map(ref.sector)].join(', ');
      return (
        <span className="badge bad">
          {t('alerts.AID_OUTSIDE_CERTIFICATE', { outside })} <Link to={`/aid/${a.aidItemId}`}>{a.aidItemCode}</Link>
        </span>
      );
    }
  }
}

/**
 * Certificates expiring within 90/60/30 days, extension dossiers not filed 60 days before expiry, validity beyond the
 * home-country term, and aid recorded outside the certificate.
 */
export function AlertsPanel() {
  const { t, i18n } = useTranslation('registry');
  const alerts = useQuery({
    queryKey: ['registry-alerts'],
    queryFn: () => api.get<{ asOf: string; items: Alert[] }>('/api/registry/alerts'),
  });
  // The home page links here (`#alerts`); the panel sits below the list, so bring it into view once it has loaded.
  const { hash } = useLocation();
  useEffect(() => {
    if (hash === '#alerts' && alerts.isSuccess) document.getElementById('alerts')?.scrollIntoView();
  }, [hash, alerts.isSuccess]);
  return (
    <section id="alerts" className="card registry-alerts" aria-labelledby="registry-alerts-title">
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
                <tr key={`${a.certificateId ?? a.aidItemId}-${a.kind}`}>
                  <td>
                    <Link to={`/organisations/${a.organisationId}`}>
                      {(i18n.language !== 'en' && a.organisationNameVi) || a.organisationName}
                    </Link>
                  </td>
                  <td>{a.type ? `${t(`certificateTypesShort.${a.type}`)} ${a.certificateNumber}` : '—'}</td>
                  <td>{formatDate(a.validUntil)}</td>
                  <td>
                    <AlertBadge alert={a} />
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
