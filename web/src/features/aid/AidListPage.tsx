import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, downloadUrl } from '../../api/client';
import { useSession } from '../../api/session';
import { Pagination } from '../../components/Pagination';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { AidStatusBadge } from './AidBadges';
import { PendingAdjustments } from './PendingAdjustments';
import { AidFilters, FILTER_KEYS, type AidFilterValues } from './AidFilters';
import { formatDate } from '@common/format/date';
import { formatAmount } from './format';
import type { AidListItem, Page } from './types';
import { useReference } from './useReference';
import './aid.css';
import { hasNationalScope } from '@common/auth/national-scope';

const PAGE_SIZE = 25;
const SORTS = ['code', 'title', 'committedUsd', 'disbursedUsd', 'approvalDate'] as const;
type Sort = (typeof SORTS)[number];

/** The aid list: filters, sortable columns, pagination and exports, all kept in the address so a view can be shared. */
export function AidListPage() {
  const { t, i18n } = useTranslation('aid');
  const { t: tc } = useTranslation();
  const { user } = useSession();
  const ref = useReference();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as AidFilterValues;
  const page = Number(params.get('page') ?? '1') || 1;
  const sort = (SORTS as readonly string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as Sort) : 'code';
  // Without a chosen sort the newest items come first (codes grow with time); a chosen column starts ascending.
  const order =
    params.get('order') === 'asc' || params.get('order') === 'desc' ? params.get('order')! : params.get('sort') ? 'asc' : 'desc';
  const query = { ...filters, sort, order };
  const list = useQuery({
    queryKey: ['aid', 'list', query, page],
    queryFn: () => api.get<Page<AidListItem>>('/api/aid', { ...query, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const sortBy = (column: Sort) => update({ sort: column, order: sort === column && order === 'asc' ? 'desc' : 'asc' });
  const header = (column: Sort, label: string, numeric = false) => (
    <th className={numeric ? 'num' : undefined} aria-sort={sort === column ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort" onClick={() => sortBy(column)}>
        {label} {sort === column ? (order === 'asc' ? '▲' : '▼') : ''}
      </button>
    </th>
  );
  const canCreate = user && ['admin', 'central', 'agency', 'ngo'].includes(user.role);

  const decides = user && ['admin', 'central', 'agency'].includes(user.role);

  return (
    <div className="stack">
      {decides && <PendingAdjustments />}
      <section className="card">
        <div className="aid-head">
          <h1>{t('list.title')}</h1>
          <div className="row-actions">
            {canCreate && (
              <Link className="button primary" to="/aid/new">
                {t('list.new')}
              </Link>
            )}
            <a className="button" href={downloadUrl('/api/aid/export.xlsx', query)} download>
              {tc('actions.exportXlsx')}
            </a>
            <a className="button" href={downloadUrl('/api/aid/export.csv', query)} download>
              {tc('actions.exportCsv')}
            </a>
            {hasNationalScope(user) && <Link to="/admin/exchange-rates">{t('rates.title')}</Link>}
          </div>
        </div>
        <p className="hint">{filters.year ? t('list.totalsOfYear', { year: filters.year }) : t('list.totalsLifetime')}</p>
        <AidFilters
          values={filters}
          onChange={(key, value) => update({ [key]: value })}
          onReset={() => setParams(new URLSearchParams(), { replace: true })}
        />
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
        {list.isLoading && <Loading />}
        {list.data?.items.length === 0 && <EmptyState message={tc('states.noResults')} />}
        {list.data && list.data.items.length > 0 && (
          <div className="table-wrap">
            <table className="aid-table">
              <caption className="sr-only">{t('list.caption', { total: list.data.total })}</caption>
              <thead>
                <tr>
                  {header('code', t('fields.code'))}
                  {header('title', t('fields.title'))}
                  <th>{t('fields.modality')}</th>
                  <th>{t('fields.status')}</th>
                  <th>{t('fields.donor')}</th>
                  <th>{t('fields.provinces')}</th>
                  {header('approvalDate', t('fields.approvalDate'))}
                  {header('committedUsd', t('fields.committedUsd'), true)}
                  {header('disbursedUsd', t('fields.disbursedUsd'), true)}
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
                  <tr key={item.id}>
                    <td>
                      <Link to={`/aid/${item.id}`}>{item.code}</Link>
                    </td>
                    <td lang={i18n.language === 'en' && item.titleEn ? 'en' : 'vi'}>
                      {i18n.language === 'en' && item.titleEn ? item.titleEn : item.titleVi}
                    </td>
                    <td>{t(`modality.${item.modality}`)}</td>
                    <td>
                      <AidStatusBadge status={item.status} mayBeRevoked={item.mayBeRevoked} />
                    </td>
                    <td>
                      {(i18n.language !== 'en' && item.donorNameVi) || item.donorName || '—'}
                      {item.donorCountryCode && <span className="muted"> ({item.donorCountryCode})</span>}
                    </td>
                    <td>{item.provinces.map(ref.provinceName).join(', ') || '—'}</td>
                    <td>{formatDate(item.approvalDate)}</td>
                    <td className="num">{formatAmount(item.committedUsd, i18n.language)}</td>
                    <td className="num">{formatAmount(item.disbursedUsd, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {list.data && <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={(p) => update({ page: String(p) })} />}
      </section>
    </div>
  );
}
