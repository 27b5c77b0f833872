import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatHeadlineUsd } from '@common/format/money';
import { formatCount, formatUsd, recordsLink } from './format';
import type { Summary } from '@common/contracts/stats';
import type { StatsQuery } from './useStatsQuery';

const KEYS = ['activeOrganisations', 'registeredOrganisations', 'disbursedUsd', 'committedUsd', 'aidRecords'] as const;

/** The year's key figures, each with last year's value, the change, and a link to the records behind it. */
export function KeyFigures({ summary, query }: { summary: Summary; query: StatsQuery }) {
  const { t, i18n } = useTranslation('stats');
  // A decimal comma in Vietnamese; the sign always shown.
  const pct = (change: string) => (change.startsWith('-') ? change : `+${change}`).replace('.', i18n.language === 'vi' ? ',' : '.');
  // Money in words of its size ("223,7 triệu USD"), the exact figure on hover and for screen readers' details.
  const show = (value: string | number | null) =>
    value === null ? (
      t('figures.notApplicable')
    ) : typeof value === 'string' ? (
      <span title={formatUsd(value, i18n.language)} data-exact={formatUsd(value, i18n.language)}>
        {formatHeadlineUsd(value, i18n.language)}
      </span>
    ) : (
      formatCount(value, i18n.language)
    );
  const showText = (value: string | number | null) =>
    value === null
      ? t('figures.notApplicable')
      : typeof value === 'string'
        ? formatHeadlineUsd(value, i18n.language)
        : formatCount(value, i18n.language);
  return (
    <div className="stats-figures">
      {KEYS.map((key) => {
        const change = summary.changePct[key];
        return (
          <article key={key} className="stats-figure" data-testid={`figure-${key}`}>
            <h3>{t(`figures.${key}`)}</h3>
            <p className="value">
              {key === 'registeredOrganisations' ? show(summary[key]) : <Link to={recordsLink(query)}>{show(summary[key])}</Link>}
            </p>
            <p className="muted">{t('figures.previous', { year: summary.previous.year, value: showText(summary.previous[key]) })}</p>
            <p className={change === null ? 'muted' : change.startsWith('-') ? 'change down' : 'change up'}>
              {change === null ? t('figures.noBase') : t('figures.change', { value: pct(change) })}
            </p>
          </article>
        );
      })}
    </div>
  );
}
