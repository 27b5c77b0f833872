import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, downloadUrl } from '../../api/client';
import { useSession } from '../../api/session';
import { Field } from '../../components/Field';
import { Pagination } from '../../components/Pagination';
import { SelectField } from '../../components/SelectField';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { useReference } from '../aid/useReference';
import { NeedCard } from './NeedCard';
import type { NeedListItem, Page } from './types';
import './programme.css';

const PAGE_SIZE = 12;

/**
 * The public needs catalogue (danh mục vận động viện trợ): published proposals as cards, a search that ignores
 * accents, and filters folded away on a phone. Filters and page sit in the address so a search can be shared.
 */
export function NeedsPage() {
  const { t } = useTranslation('programme');
  const { user } = useSession();
  const { sectors, provinces, name } = useReference();
  const [params, setParams] = useSearchParams();
  const filters = { q: params.get('q') ?? '', sector: params.get('sector') ?? '', province: params.get('province') ?? '' };
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);
  const update = (next: Partial<typeof filters>, nextPage = 1) => {
    const merged = { ...filters, ...next };
    const entries = Object.entries(merged).filter(([, v]) => v !== '');
    if (nextPage > 1) entries.push(['page', String(nextPage)]);
    setParams(new URLSearchParams(entries), { replace: true });
  };
  const results = useQuery({
    queryKey: ['needs', 'public', filters, page],
    queryFn: () => api.get<Page<NeedListItem>>('/api/public/needs', { ...filters, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const officer = user && ['admin', 'central', 'agency'].includes(user.role);
  return (
    <section className="card needs">
      <h1>{t('needs.title')}</h1>
      <p className="muted">{t('needs.intro')}</p>
      {user?.role === 'ngo' && (
        <p className="needs-toolbar">
          <Link className="button" to="/needs/work">
            {t('suggestions.forMe')}
          </Link>
        </p>
      )}
      {officer && (
        <p className="needs-toolbar">
          <Link className="button primary" to="/needs/new">
            {t('needs.propose')}
          </Link>{' '}
          <Link className="button" to="/needs/work">
            {t('work.title')}
          </Link>
        </p>
      )}
      <form
        role="search"
        className="needs-search"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q });
        }}
      >
        <Field id="needs-q" label={t('needs.search')} value={q} onChange={(e) => setQ(e.target.value)} type="search" />
        <button type="submit">{t('needs.searchButton')}</button>
      </form>
      <details className="needs-filters" open={Boolean(filters.sector || filters.province)}>
        <summary>{t('needs.filters')}</summary>
        <div className="filters">
          <SelectField
            id="needs-sector"
            label={t('fields.sector')}
            value={filters.sector}
            empty={t('needs.any')}
            options={(sectors.data ?? []).map((s) => ({ value: s.code, label: name(s) }))}
            onChange={(e) => update({ sector: e.target.value })}
          />
          <SelectField
            id="needs-province"
            label={t('fields.province')}
            value={filters.province}
            empty={t('needs.any')}
            options={(provinces.data ?? []).map((p) => ({ value: p.id, label: name(p) }))}
            onChange={(e) => update({ province: e.target.value })}
          />
        </div>
      </details>
      <p aria-live="polite">{results.data && t('needs.results', { total: results.data.total })}</p>
      <ErrorNotice error={results.error} onRetry={() => void results.refetch()} />
      {results.isLoading && <Loading />}
      {results.data?.items.some((i) => i.synthetic) && <p className="notice warning">{t('needs.synthetic')}</p>}
      {results.data?.items.length === 0 && <EmptyState message={t('needs.empty')} />}
      <ul className="need-cards">
        {results.data?.items.map((item) => (
          <NeedCard key={item.id} item={item} />
        ))}
      </ul>
      {results.data && <Pagination page={page} pageSize={PAGE_SIZE} total={results.data.total} onPage={(p) => update({}, p)} />}
      <p className="muted needs-open-data">
        <a href={downloadUrl('/api/public/iati/pipeline.xml')}>{t('needsIati.pipeline')}</a> ·{' '}
        <Link to="/open-data">{t('needsIati.dataset')}</Link>
      </p>
    </section>
  );
}
