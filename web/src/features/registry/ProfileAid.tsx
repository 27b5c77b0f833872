import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatAmount, formatHeadlineUsd } from '@common/format/money';
import { formatDate } from '@common/format/date';
import type { PublicProfileAid } from './registry-api';

const usd = (value: string, lang: string) => formatAmount(value, lang === 'en' ? 'en' : 'vi');

/** The exact sum of cent amounts (decimal strings with two decimals), without a float. */
function sum(values: string[]): string {
  const toCents = (v: string) => {
    const [whole = '0', fraction = ''] = v.replace('-', '').split('.');
    const cents = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
    return v.startsWith('-') ? -cents : cents;
  };
  const cents = values.reduce((a, v) => a + toCents(v), 0n);
  const text = (cents < 0n ? -cents : cents).toString().padStart(3, '0');
  return `${cents < 0n ? '-' : ''}${text.slice(0, -2)}.${text.slice(-2)}`;
}

/** A small table of named parts with committed and disbursed USD; scrolls inside its card on a phone. */
function PartsTable({
  title,
  label,
  rows,
  testId,
}: {
  title: string;
  label: string;
  rows: { key: string; name: string; committedUsd: string; disbursedUsd: string }[];
  testId: string;
}) {
  const { t, i18n } = useTranslation('registry');
  if (rows.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <div className="table-wrap">
        <table className="profile-aid-table" data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">{label}</th>
              <th scope="col" className="num">
                {t('publicProfile.committed')}
              </th>
              <th scope="col" className="num">
                {t('publicProfile.disbursed')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td>{r.name}</td>
                <td className="num">{usd(r.committedUsd, i18n.language)}</td>
                <td className="num">{usd(r.disbursedUsd, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * The NGO's approved aid in Viet Nam over five years: by year, by sector, by province, and its published aid items
 * (each linked to its public page). Figures are the statistics' own (the dashboard filtered to this NGO).
 */
export function ProfileAid({ organisationId, aid }: { organisationId: string; aid: PublicProfileAid }) {
  const { t, i18n } = useTranslation('registry');
  const { t: ta } = useTranslation('aid');
  const lang = i18n.language;
  const any = aid.years.some((y) => Number(y.committedUsd) !== 0 || Number(y.disbursedUsd) !== 0) || aid.items.length > 0;
  return (
    <section className="card" aria-labelledby="profile-aid">
      <h2 id="profile-aid">{t('publicProfile.aid', { from: aid.from, to: aid.to })}</h2>
      <p className="muted">{t('publicProfile.aidNote')}</p>
      {!any && <p className="muted">{t('publicProfile.noAid')}</p>}
      {any && (
        <>
          <p className="profile-aid-headline" data-testid="profile-aid-headline">
            {t('publicProfile.headline', {
              committed: formatHeadlineUsd(sum(aid.years.map((y) => y.committedUsd)), lang),
              disbursed: formatHeadlineUsd(sum(aid.years.map((y) => y.disbursedUsd)), lang),
            })}
          </p>
          <h3>{t('publicProfile.byYear')}</h3>
          <div className="table-wrap">
            <table data-testid="profile-aid-years">
              <thead>
                <tr>
                  <th scope="col">{t('publicProfile.year')}</th>
                  <th scope="col" className="num">
                    {t('publicProfile.committed')}
                  </th>
                  <th scope="col" className="num">
                    {t('publicProfile.disbursed')}
                  </th>
                  <th scope="col" className="num">
                    {t('publicProfile.records')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {aid.years.map((y) => (
                  <tr key={y.year}>
                    <td>{y.year}</td>
                    <td className="num">{usd(y.committedUsd, lang)}</td>
                    <td className="num">{usd(y.disbursedUsd, lang)}</td>
                    <td className="num">{y.aidRecords}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <Link to={`/statistics?year=${aid.to}&organisation=${organisationId}`}>{t('publicProfile.statsLink')}</Link>
          </p>
          <PartsTable
            title={t('publicProfile.bySector')}
            label={t('publicProfile.sector')}
            testId="profile-aid-sectors"
            rows={aid.bySector.map((s) => ({ key: s.code, ...s }))}
          />
          <PartsTable
            title={t('publicProfile.byProvince')}
            label={t('publicProfile.province')}
            testId="profile-aid-provinces"
            rows={aid.byProvince.map((p) => ({ key: p.id, ...p }))}
          />
          {aid.items.length > 0 && (
            <details className="profile-aid-details" open={aid.items.length <= 5}>
              <summary>
                <h3>{t('publicProfile.itemsCount', { count: aid.items.length })}</h3>
              </summary>
              <ul className="profile-aid-items" data-testid="profile-aid-items">
                {aid.items.map((item) => (
                  <li key={item.id}>
                    <Link to={`/public/aid/${item.id}`}>{lang === 'en' ? (item.titleEn ?? item.titleVi) : item.titleVi}</Link>{' '}
                    <span className="muted">
                      {item.code} · {ta(`status.${item.status}`)}
                      {item.approvalDate && ` · ${t('publicProfile.approvalDate')} ${formatDate(item.approvalDate)}`} ·{' '}
                      {t('publicProfile.disbursed')}: {usd(item.disbursedUsd, lang)}
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
