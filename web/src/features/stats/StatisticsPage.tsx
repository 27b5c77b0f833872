import { useTranslation } from 'react-i18next';
import { DashboardView } from './DashboardView';
import { useStatsQuery } from './useStatsQuery';

/** `/statistics`: national figures for everyone; an agency officer sees its own scope first. */
export function StatisticsPage() {
  const { t } = useTranslation('stats');
  const [query, update] = useStatsQuery();
  return (
    <div className="stack stats-page">
      <header className="card">
        <h1>{t('title')}</h1>
        <p className="notice warning" role="note">
          {t('synthetic')}
        </p>
      </header>
      <DashboardView query={query} onChange={update} />
    </div>
  );
}
