import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '@common/format/date';
import { api } from '../../api/client';
import { Pagination } from '../../components/Pagination';
import { SelectField } from '../../components/SelectField';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { named, type InspectionListItem, type Page } from './inspections-api';

const PAGE_SIZE = 20;
const STATES = ['open', 'closed', 'overdue'] as const;

/**
 * Inspections and field visits in the officer's scope (those its agency leads or takes part in; central: all),
 * latest first, with findings and open and overdue follow-up actions counted; links to the yearly plans.
 */
export function InspectionsPage() {
  const { t, i18n } = useTranslation('supervision');
  const [state, setState] = useState('');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['inspections', state, page],
    queryFn: () => api.get<Page<InspectionListItem>>('/api/supervision/inspections', { state, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="card">
      <h1>{t('inspections.title')}</h1>
      <p className="hint">{t('inspections.intro')}</p>
      <p>
        <Link className="button primary" to="/supervision/inspections/new">
          {t('inspections.new')}
        </Link>{' '}
        <Link to="/supervision/plans">{t('plans.title')}</Link>
      </p>
      <div className="filters">
        <SelectField
          label={t('inspections.state')}
          value={state}
          empty={t('inspections.any')}
          options={STATES.map((s) => ({ value: s, label: t(`inspections.states.${s}`) }))}
          onChange={(e) => {
            setState(e.target.value);
            setPage(1);
          }}
        />
      </div>
      <ErrorNotice error={list.error} />
      {list.isLoading && <Loading />}
      {list.data?.items.length === 0 && <EmptyState message={t('inspections.empty')} />}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('inspections.fields.startsOn')}</th>
                <th>{t('inspections.fields.organisation')}</th>
                <th>{t('inspections.fields.kind')}</th>
                <th>{t('inspections.fields.lead')}</th>
                <th>{t('inspections.fields.findings')}</th>
                <th>{t('inspections.actions.title')}</th>
                <th>{t('inspections.state')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((i) => (
                <tr key={i.id}>
                  <td>{formatDate(i.startsOn)}</td>
                  <td>
                    <Link to={`/supervision/inspections/${i.id}`}>{i.organisation.name}</Link>
                    {i.synthetic && <span className="badge">{t('inspections.synthetic')}</span>}
                  </td>
                  <td>{t(`inspections.kinds.${i.kind}`)}</td>
                  <td>{named(i18n.language, i.leadAgency)}</td>
                  <td>{i.findings}</td>
                  <td className={i.overdueActions > 0 ? 'late' : undefined}>
                    {t('inspections.actionsSummary', { open: i.openActions, overdue: i.overdueActions })}
                  </td>
                  <td>{i.closedOn ? t('inspections.closedOn', { date: formatDate(i.closedOn) }) : t('inspections.states.open')}</td>
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
