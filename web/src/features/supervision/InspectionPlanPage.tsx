import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatDate } from '@common/format/date';
import { api } from '../../api/client';
import { ErrorNotice, Loading } from '../../components/States';
import { named, planPath, type PlanDetail } from './inspections-api';

/** One yearly plan: each planned visit with its NGO, kind, agencies and period, and the inspection recorded for it. */
export function InspectionPlanPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('supervision');
  const plan = useQuery({ queryKey: ['inspection-plan', id], queryFn: () => api.get<PlanDetail>(planPath(id)), retry: false });
  if (plan.isLoading) return <Loading />;
  if (plan.error || !plan.data)
    return (
      <section className="card">
        <ErrorNotice error={plan.error} />
        <Link to="/supervision/plans">← {t('plans.title')}</Link>
      </section>
    );
  const p = plan.data;
  return (
    <section className="card">
      <p>
        <Link to="/supervision/plans">← {t('plans.title')}</Link>
      </p>
      <h1>
        {p.title} ({p.year})
      </h1>
      {p.synthetic && <p className="notice warning">{t('inspections.synthetic')}</p>}
      <p>
        {t('plans.owner')}: {p.ownerAgency ? named(i18n.language, p.ownerAgency) : t('plans.central')}
      </p>
      {p.canEdit && (
        <Link className="button" to={`/supervision/plans/${p.id}/edit`}>
          {t('plans.edit')}
        </Link>
      )}
      {p.entryList.length === 0 ? (
        <p className="muted">{t('plans.noEntries')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('plans.period')}</th>
                <th>{t('inspections.fields.organisation')}</th>
                <th>{t('inspections.fields.kind')}</th>
                <th>{t('inspections.fields.lead')}</th>
                <th>{t('inspections.fields.agencies')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {p.entryList.map((e) => (
                <tr key={e.id} data-testid="plan-entry">
                  <td>
                    {formatDate(e.plannedFrom)} – {formatDate(e.plannedTo)}
                  </td>
                  <td>{e.organisation.name}</td>
                  <td>{t(`inspections.kinds.${e.kind}`)}</td>
                  <td>{named(i18n.language, e.leadAgency)}</td>
                  <td>{e.agencies.map((a) => named(i18n.language, a)).join('; ') || t('inspections.none')}</td>
                  <td>
                    {e.inspectionId ? (
                      <Link to={`/supervision/inspections/${e.inspectionId}`}>{t('plans.openInspection')}</Link>
                    ) : (
                      <Link to={`/supervision/inspections/new?plan=${p.id}&entry=${e.id}`}>{t('plans.record')}</Link>
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
