import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatCount, formatUsd, recordsLink } from './format';
import type { MoneyPart } from '@common/contracts/stats';
import type { StatsQuery } from './useStatsQuery';

export type Row = MoneyPart & { key: string; name: string; organisations?: number; link?: Partial<StatsQuery>; page?: string };

/** A breakdown whose amounts add up to the total row; each amount links to the records behind it. */
export function BreakdownTable({
  title,
  rows,
  total,
  query,
  testId,
}: {
  title: string;
  rows: Row[];
  total?: Row;
  query: StatsQuery;
  testId?: string;
}) {
  const { t, i18n } = useTranslation('stats');
  const money = (row: Row, value: string) =>
    row.link ? <Link to={recordsLink(query, row.link)}>{formatUsd(value, i18n.language)}</Link> : formatUsd(value, i18n.language);
  const line = (row: Row, strong = false) => (
    <tr key={row.key} className={strong ? 'total' : undefined}>
      <th scope="row">{row.page ? <Link to={row.page}>{row.name}</Link> : row.name}</th>
      <td className="num">{money(row, row.committedUsd)}</td>
      <td className="num">{money(row, row.disbursedUsd)}</td>
      <td className="num">{formatCount(row.aidRecords, i18n.language)}</td>
      {rows.some((r) => r.organisations !== undefined) && (
        <td className="num">{row.organisations === undefined ? '' : formatCount(row.organisations, i18n.language)}</td>
      )}
    </tr>
  );
  return (
    <section className="card stats-table" data-testid={testId}>
      <h2>{title}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('columns.name')}</th>
              <th scope="col" className="num">
                {t('columns.committedUsd')}
              </th>
              <th scope="col" className="num">
                {t('columns.disbursedUsd')}
              </th>
              <th scope="col" className="num">
                {t('columns.aidRecords')}
              </th>
              {rows.some((r) => r.organisations !== undefined) && (
                <th scope="col" className="num">
                  {t('columns.organisations')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => line(row))}
            {total && line(total, true)}
          </tbody>
        </table>
      </div>
    </section>
  );
}
