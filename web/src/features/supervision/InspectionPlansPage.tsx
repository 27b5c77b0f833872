import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { Pagination } from '../../components/Pagination';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { named, type Page, type PlanListItem } from './inspections-api';

const PAGE_SIZE = 20;

/** The yearly inspection plans the officer's agency made or takes part in (central: all), latest year first. */
export function InspectionPlansPage() {
  const { t, i18n } = useTranslation('supervision');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['inspection-plans', page],
    queryFn: () => api.get<Page<PlanListItem>>('/api/supervision/inspection-plans', { page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="card">
      <p>
        <Link to="/supervision/inspections">← {t('inspections.title')}</Link>
      </p>
      <h1>{t('plans.title')}</h1>
      <p className="hint">{t('plans.intro')}</p>
      <p>
        <Link className="button primary" to="/supervision/plans/new">
          {t('plans.new')}
        </Link>
      </p>
      <ErrorNotice error={list.error} />
      {list.isLoading && <Loading />}
      {list.data?.items.length === 0 && <EmptyState message={t('plans.empty')} />}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('plans.year')}</th>
                <th>{t('plans.planTitle')}</th>
                <th>{t('plans.owner')}</th>
                <th>{t('plans.entries')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((p) => (
                <tr key={p.id}>
                  <td>{p.year}</td>
                  <td>
                    <Link to={`/supervision/plans/${p.id}`}>{p.title}</Link>
                    {p.synthetic && <span className="badge">{t('inspections.synthetic')}</span>}
                  </td>
                  <td>{p.ownerAgency ? named(i18n.language, p.ownerAgency) : t('plans.central')}</td>
                  <td>{p.entries}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />}
    </section>
  );
}
