import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatDate } from '@common/format/date';
import { api } from '../../api/client';
import { useProvinceLabel, useReferenceList } from '../../api/reference';
import { ErrorNotice, Loading } from '../../components/States';
import { inspectionPath, named, type InspectionDetail } from './inspections-api';
import { InspectionActions, InspectionClosure, InspectionDocuments, InspectionFindings } from './InspectionFollowUp';

/** One inspection or field visit: what, who, when and where; its findings, follow-up actions, documents and closure. */
export function InspectionPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('supervision');
  const provinceLabel = useProvinceLabel();
  const provinces = useReferenceList('provincesNew34');
  const oldProvinces = useReferenceList('provincesOld63');
  const inspection = useQuery({ queryKey: ['inspection', id], queryFn: () => api.get<InspectionDetail>(inspectionPath(id)), retry: false });
  if (inspection.isLoading) return <Loading />;
  if (inspection.error || !inspection.data)
    return (
      <section className="card">
        <ErrorNotice error={inspection.error} />
        <Link to="/supervision/inspections">← {t('inspections.back')}</Link>
      </section>
    );
  const i = inspection.data;
  const province = (pid: string) => {
    const p = [...(provinces.data ?? []), ...(oldProvinces.data ?? [])].find((x) => x.id === pid);
    return p ? provinceLabel(p) : pid;
  };
  return (
    <div className="stack">
      <section className="card">
        <p>
          <Link to="/supervision/inspections">← {t('inspections.back')}</Link>
        </p>
        <h1>
          {t(`inspections.kinds.${i.kind}`)}: {i.organisation.name}
        </h1>
        {i.synthetic && <p className="notice warning">{t('inspections.synthetic')}</p>}
        <dl className="need-facts">
          <dt>{t('inspections.fields.organisation')}</dt>
          <dd>
            <Link to={`/supervision/organisations/${i.organisation.id}`}>
              {i.organisation.name} ({i.organisation.code})
            </Link>
          </dd>
          <dt>{t('inspections.fields.lead')}</dt>
          <dd>{named(i18n.language, i.leadAgency)}</dd>
          <dt>{t('inspections.fields.agencies')}</dt>
          <dd>{i.agencies.map((a) => named(i18n.language, a)).join('; ') || t('inspections.none')}</dd>
          <dt>{t('inspections.fields.provinces')}</dt>
          <dd>{i.provinceIds.map(province).join('; ')}</dd>
          <dt>{t('inspections.fields.dates')}</dt>
          <dd>
            {formatDate(i.startsOn)}
            {i.endsOn && ` – ${formatDate(i.endsOn)}`}
          </dd>
          <dt>{t('inspections.fields.team')}</dt>
          <dd>{i.team.join('; ') || t('inspections.none')}</dd>
          <dt>{t('inspections.fields.scope')}</dt>
          <dd>{i.scope || t('inspections.none')}</dd>
        </dl>
        {i.canEdit && (
          <Link className="button" to={`/supervision/inspections/${i.id}/edit`}>
            {t('inspections.edit')}
          </Link>
        )}
      </section>
      <InspectionFindings inspection={i} />
      <InspectionActions inspection={i} />
      <InspectionDocuments inspection={i} />
      <InspectionClosure inspection={i} />
    </div>
  );
}
