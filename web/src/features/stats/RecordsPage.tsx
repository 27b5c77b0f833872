import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useSession } from '../../api/session';
import { Pagination } from '../../components/Pagination';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { aidListLink, formatUsd } from './format';
import { useRecords } from './stats-api';
import { useStatsQuery } from './useStatsQuery';

/** `/statistics/records`: the aid items behind a figure; the amounts are their part under the filters and add up to it. */
export function RecordsPage() {
  const { t, i18n } = useTranslation('stats');
  const [query] = useStatsQuery();
  const { user } = useSession();
  // The aid registry list is for officers and NGOs (an NGO's list shows only its own items).
  const registry = user && user.role !== 'reviewer' ? aidListLink(query) : null;
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const setPage = (next: number) => {
    const copy = new URLSearchParams(params);
    copy.set('page', String(next));
    setParams(copy);
  };
  const data = useRecords(query, page);
  return (
    <section className="card">
      <h1>
        {t('sections.records')} ({query.year})
      </h1>
      <p className="notice warning" role="note">
        {t('synthetic')}
      </p>
      {registry && (
        <p>
          <Link to={registry}>{t('links.aidList')}</Link>
        </p>
      )}
      <ErrorNotice error={data.error} />
      {data.isLoading && <Loading />}
      {data.data?.items.length === 0 && <EmptyState />}
      {data.data && data.data.items.length > 0 && (
        <>
          <div className="table-wrap">
            <table data-testid="records-table">
              <thead>
                <tr>
                  <th scope="col">{t('columns.code')}</th>
                  <th scope="col">{t('columns.title')}</th>
                  <th scope="col">{t('columns.organisation')}</th>
                  <th scope="col" className="num">
                    {t('columns.committedUsd')}
                  </th>
                  <th scope="col" className="num">
                    {t('columns.disbursedUsd')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.data.items.map((r) => (
                  <tr key={r.id}>
                    <td>{user ? <Link to={`/aid/${r.id}`}>{r.code}</Link> : r.code}</td>
                    <td>
                      <Link to={`/public/aid/${r.id}`}>{r.title}</Link>
                    </td>
                    <td>{r.organisation}</td>
                    <td className="num">{formatUsd(r.committedUsd, i18n.language)}</td>
                    <td className="num">{formatUsd(r.disbursedUsd, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={50} total={data.data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}
