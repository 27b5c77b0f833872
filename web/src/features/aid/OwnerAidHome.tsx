import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { formatDate } from '@common/format/date';
import { AidStatusBadge } from './AidBadges';
import type { AidListItem, Page } from './types';

/**
 * The aid owner's home (issue 13): its own aid items (those naming its agency as aid owner), newest approval first,
 * with the "may be revoked" flag, and the way to file an aid approval.
 */
export function OwnerAidHome() {
  const { t, i18n } = useTranslation('aid');
  const list = useQuery({
    queryKey: ['aid', 'owner-home'],
    queryFn: () => api.get<Page<AidListItem>>('/api/aid', { sort: 'approvalDate', order: 'desc', pageSize: 10 }),
  });
  const en = i18n.language === 'en';
  return (
    <section className="card" aria-labelledby="owner-aid">
      <div className="aid-head">
        <h2 id="owner-aid">{t('owner.title')}</h2>
        <div className="row-actions">
          <Link className="button primary" to="/dossiers/new">
            {t('owner.fileApproval')}
          </Link>
          <Link className="button" to="/aid">
            {t('owner.all', { count: list.data?.total ?? 0 })}
          </Link>
        </div>
      </div>
      {list.isLoading && <Loading />}
      <ErrorNotice error={list.error} />
      {list.data?.items.length === 0 && <EmptyState message={t('owner.none')} />}
      {list.data && list.data.items.length > 0 && (
        <ul className="plain">
          {list.data.items.map((item) => (
            <li key={item.id}>
              <Link to={`/aid/${item.id}`}>
                {item.code} · {en && item.titleEn ? item.titleEn : item.titleVi}
              </Link>{' '}
              <AidStatusBadge status={item.status} mayBeRevoked={item.mayBeRevoked} />{' '}
              {item.approvalDate && <span className="muted">{formatDate(item.approvalDate)}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
