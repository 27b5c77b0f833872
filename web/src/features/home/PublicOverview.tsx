import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorNotice } from '../../components/States';
import { formatCount, formatUsd } from '../stats/format';
import { usePublicSummary } from '../stats/stats-api';
import { LAST_COMPLETE_YEAR } from '../stats/useStatsQuery';

/** The public home: last year's national figures and the three things anyone can do here. */
export function PublicOverview() {
  const { t, i18n } = useTranslation();
  const summary = usePublicSummary(LAST_COMPLETE_YEAR);
  const s = summary.data;
  const figures = s
    ? [
        { key: 'active', value: formatCount(s.activeOrganisations, i18n.language), label: t('home.figures.active') },
        {
          key: 'registered',
          value: s.registeredOrganisations === null ? '—' : formatCount(s.registeredOrganisations, i18n.language),
          label: t('home.figures.registered'),
        },
        { key: 'disbursed', value: formatUsd(s.disbursedUsd, i18n.language), label: t('home.figures.disbursed') },
      ]
    : [];
  return (
    <>
      <section className="card" aria-labelledby="home-figures">
        <h2 id="home-figures">{t('home.figures.title', { year: LAST_COMPLETE_YEAR })}</h2>
        <ErrorNotice error={summary.error} />
        {s?.synthetic && <p className="notice warning">{t('syntheticBanner')}</p>}
        <ul className="home-cards">
          {figures.map((f) => (
            <li key={f.key} data-testid={`home-figure-${f.key}`}>
              <Link to={`/statistics?year=${LAST_COMPLETE_YEAR}`} className="home-card">
                <span className="home-card-value">{f.value}</span>
                <span className="home-card-title">{f.label}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="home-explore">
        <h2 id="home-explore">{t('home.explore.title')}</h2>
        <ul className="home-links">
          {(['directory', 'statistics', 'openData'] as const).map((key) => (
            <li key={key}>
              <Link to={{ directory: '/directory', statistics: '/statistics', openData: '/open-data' }[key]}>
                {t(`home.explore.${key}`)}
              </Link>
              <p className="muted">{t(`home.explore.${key}Hint`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
