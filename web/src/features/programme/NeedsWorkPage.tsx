import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { Pagination } from '../../components/Pagination';
import { SelectField } from '../../components/SelectField';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { formatAmount } from '../aid/format';
import { InterestsList } from './InterestsPanel';
import { SuggestedNeeds } from './NeedOfficerPanels';
import { pick, type NeedListItem, type NeedStatus, type Page } from './types';
import './programme.css';
import { hasNationalScope } from '@common/auth/national-scope';

const STATUSES: NeedStatus[] = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'PUBLISHED', 'DECLINED', 'FUNDED'];
const PAGE_SIZE = 20;

/**
 * Officers' work on the catalogue: central opens on what awaits review (SUBMITTED), an agency on its own proposals
 * in every state; an NGO sees the interests it has expressed.
 */
export function NeedsWorkPage() {
  const { t, i18n } = useTranslation('programme');
  const { user } = useSession();
  const central = hasNationalScope(user);
  const [status, setStatus] = useState<string>(central ? 'SUBMITTED' : '');
  const [page, setPage] = useState(1);
  const isOfficer = user && ['admin', 'central', 'agency'].includes(user.role);
  const list = useQuery({
    queryKey: ['needs', 'work', status, page],
    queryFn: () => api.get<Page<NeedListItem>>('/api/needs', { status, mine: central ? undefined : true, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    enabled: Boolean(isOfficer),
  });
  if (!isOfficer)
    return (
      <section className="card needs">
        <h1>{t('work.ngoTitle')}</h1>
        <SuggestedNeeds />
        <h2>{t('interests.mine')}</h2>
        <InterestsList />
      </section>
    );
  return (
    <section className="card needs">
      <h1>{t('work.title')}</h1>
      <p className="needs-toolbar">
        <Link className="button primary" to="/needs/new">
          {t('needs.propose')}
        </Link>
      </p>
      <div className="filters">
        <SelectField
          id="work-status"
          label={t('fields.status')}
          value={status}
          empty={t('needs.any')}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          onChange={(e) => {
            setStatus(e.target.value);
            setPage(1);
          }}
        />
      </div>
      <ErrorNotice error={list.error} />
      {list.isLoading && <Loading />}
      {list.data?.items.length === 0 && <EmptyState message={t('work.empty')} />}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('fields.code')}</th>
                <th>{t('fields.title')}</th>
                <th>{t('fields.proposedBy')}</th>
                <th>{t('fields.budget')}</th>
                <th>{t('fields.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((n) => (
                <tr key={n.id}>
                  <td>{n.code}</td>
                  <td>
                    <Link to={`/needs/${n.id}`}>{pick(i18n.language, n.titleVi, n.titleEn)}</Link>
                  </td>
                  <td>{pick(i18n.language, n.proposedByNameVi, n.proposedByNameEn)}</td>
                  <td>
                    {formatAmount(n.budget, i18n.language)} {n.currency}
                  </td>
                  <td>{t(`status.${n.status}`)}</td>
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
