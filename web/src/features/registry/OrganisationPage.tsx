import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { ErrorNotice, Loading } from '../../components/States';
import { CertificatesSection } from './CertificatesSection';
import { HistoryTimeline } from './HistoryTimeline';
import { OrganisationDetails } from './OrganisationDetails';
import { displayName, type Organisation } from './registry-api';
import './registry.css';

/** An organisation for officers: details (editable by managers), certificates and decisions, timeline. */
export function OrganisationPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('registry');
  const queryClient = useQueryClient();
  const key = ['organisation', id];
  const org = useQuery({ queryKey: key, queryFn: () => api.get<Organisation>(`/api/organisations/${id}`), retry: false });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: ['organisation-history', id] });
    void queryClient.invalidateQueries({ queryKey: ['registry-alerts'] });
  };
  if (org.isLoading) return <Loading />;
  if (org.error || !org.data) {
    return (
      <section className="card">
        {org.error instanceof ApiError && org.error.status === 404 ? (
          <p className="notice">{t('organisation.notFound')}</p>
        ) : (
          <ErrorNotice error={org.error} />
        )}
        <Link to="/organisations">← {t('organisations.title')}</Link>
      </section>
    );
  }
  const data = org.data;
  const stamp = `${data.version}-${data.certificates.map((c) => c.events.length).join('.')}`;
  return (
    <div className="stack registry">
      <section className="card">
        <p>
          <Link to="/organisations">← {t('organisations.title')}</Link> ·{' '}
          <Link to={`/directory/${data.id}`}>{t('organisation.publicProfile')}</Link> ·{' '}
          <Link to={`/supervision/organisations/${data.id}`}>{t('supervision:title')}</Link> ·{' '}
          <Link to={`/supervision/sanctions?organisationId=${data.id}`}>{t('sanctions:title')}</Link> ·{' '}
          <Link to={`/supervision/sanctions/new?organisationId=${data.id}`}>{t('sanctions:start')}</Link>
        </p>
        <h1>
          {displayName(data, i18n.language)} {data.acronym && <span className="muted">({data.acronym})</span>}
        </h1>
      </section>
      <OrganisationDetails org={data} onSaved={(saved) => queryClient.setQueryData(key, saved)} onReload={refresh} />
      <CertificatesSection org={data} onChanged={refresh} />
      <HistoryTimeline organisationId={data.id} version={stamp} />
    </div>
  );
}
