import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '@common/format/date';
import { api } from '../../api/client';
import { ErrorNotice, Loading } from '../../components/States';
import { named, type OrganisationFinding } from './inspections-api';

/**
 * The findings of the organisation's inspections the officer may read, on its compliance view: each with its
 * inspection, lead agency and open follow-up actions; central also gets the link to start a sanction.
 */
export function InspectionFindingsPanel({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation('supervision');
  const findings = useQuery({
    queryKey: ['inspection-findings', organisationId],
    queryFn: () =>
      api.get<{ items: OrganisationFinding[]; sanctionUrl: string | null }>(`/api/organisations/${organisationId}/inspection-findings`),
  });
  return (
    <section className="card">
      <h2>{t('inspections.findings.onRecord')}</h2>
      <ErrorNotice error={findings.error} />
      {findings.isLoading && <Loading />}
      {findings.data?.items.length === 0 && <p className="muted">{t('inspections.findings.none')}</p>}
      {findings.data && findings.data.items.length > 0 && (
        <ul>
          {findings.data.items.map((f) => (
            <li key={f.id} data-testid="record-finding">
              <Link to={`/supervision/inspections/${f.inspectionId}`}>
                {t(`inspections.kinds.${f.kind}`)} {formatDate(f.startsOn)}
              </Link>{' '}
              ({named(i18n.language, f.leadAgency)}): {f.description}
              {f.openActions > 0 && <span className="badge late">{t('inspections.findings.openActions', { count: f.openActions })}</span>}
              {f.closedOn && <span className="badge">{t('inspections.closedOn', { date: formatDate(f.closedOn) })}</span>}
            </li>
          ))}
        </ul>
      )}
      {findings.data?.sanctionUrl && findings.data.items.length > 0 && (
        <p>
          <Link className="button" to={findings.data.sanctionUrl}>
            {t('inspections.startSanction')}
          </Link>
        </p>
      )}
    </section>
  );
}
