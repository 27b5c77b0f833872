import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api, downloadUrl } from '../../api/client';
import { Pagination } from '../../components/Pagination';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { DirectoryFilters, FILTER_KEYS, type Filters } from './DirectoryFilters';
import { OrganisationTable } from './OrganisationTable';
import type { DirectoryItem, Page } from './registry-api';
import './registry.css';

const PAGE_SIZE = 20;

/** Filters and page kept in the address, so a search can be bookmarked and shared. */
export function useFilterParams() {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Filters;
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const update = useCallback(
    (next: Filters, nextPage = 1) => {
      const entries = Object.entries(next).filter(([, v]) => v !== '');
      if (nextPage > 1) entries.push(['page', String(nextPage)]);
      setParams(new URLSearchParams(entries), { replace: true });
    },
    [setParams],
  );
  return { filters, page, update, params };
}

/** The public directory of foreign NGOs: search, filters, ranked results, pagination and exports. */
export function DirectoryPage() {
  const { t } = useTranslation('registry');
  const { t: tc } = useTranslation();
  const { filters, page, update } = useFilterParams();
  const results = useQuery({
    queryKey: ['directory', filters, page],
    queryFn: () => api.get<Page<DirectoryItem>>('/api/public/organisations', { ...filters, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const exportQuery = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ''));
  return (
    <section className="card registry">
      <h1>{t('directory.title')}</h1>
      <p className="muted">{t('directory.intro')}</p>
      <DirectoryFilters value={filters} onChange={(next) => update(next)} />
      <div className="registry-toolbar">
        <span aria-live="polite">{results.data && t('directory.results', { total: results.data.total })}</span>
        <span className="registry-exports">
          {t('directory.export')}:{' '}
          <a className="button" href={downloadUrl('/api/public/organisations/export.xlsx', exportQuery)} download>
            {tc('actions.exportXlsx')}
          </a>{' '}
          <a className="button" href={downloadUrl('/api/public/organisations/export.csv', exportQuery)} download>
            {tc('actions.exportCsv')}
          </a>
        </span>
      </div>
      <ErrorNotice error={results.error} onRetry={() => void results.refetch()} />
      {results.isLoading && <Loading />}
      {results.data?.items.some((i) => i.synthetic) && <p className="notice warning">{t('directory.syntheticNote')}</p>}
      {results.data?.items.length === 0 && <EmptyState message={t('directory.empty')} />}
      {results.data && results.data.items.length > 0 && (
        <OrganisationTable items={results.data.items} linkTo={(id) => `/directory/${id}`} audience="public" />
      )}
      {results.data && <Pagination page={page} pageSize={PAGE_SIZE} total={results.data.total} onPage={(p) => update(filters, p)} />}
    </section>
  );
}
