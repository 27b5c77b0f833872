import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useReferenceList } from '../../api/reference';
import { DashboardView } from './DashboardView';
import { queryOf } from './format';
import { useStatsQuery } from './useStatsQuery';

/** `/statistics/province/:code`: the province summary (like Cao Bằng's published one) under the shared filters. */
export function ProvinceStatsPage() {
  const { t, i18n } = useTranslation('stats');
  const { code = '' } = useParams();
  const [query, update] = useStatsQuery({ province: code });
  const provinces = useReferenceList('provincesNew34');
  const province = provinces.data?.find((p) => p.code === code);
  const name = province ? (i18n.language === 'en' ? province.nameEn : province.nameVi) : code;
  return (
    <div className="stack stats-page">
      <header className="card">
        <p>
          <Link to={`/statistics?${new URLSearchParams(queryOf({ ...query, province: undefined })).toString()}`}>← {t('links.back')}</Link>
        </p>
        <h1>{t('provinceTitle', { name })}</h1>
        <p className="notice warning" role="note">
          {t('synthetic')}
        </p>
      </header>
      <DashboardView query={query} onChange={update} provincePage />
    </div>
  );
}
