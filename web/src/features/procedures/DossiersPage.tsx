import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { DOSSIER_STATUSES as STATUSES } from '@domain/procedures/dossier-machine';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { Field } from '../../components/Field';
import { Pagination } from '../../components/Pagination';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { ClockBadge, StatusBadge } from './Badges';
import { ProceduresNav } from './ProceduresNav';
import type { DossierListItem, Page, ProcedureVersion } from './types';
import { useLocalized } from './useLocalized';

/** "My dossiers" for an NGO; the worklist with due dates and days left or overdue for officers. */
export function DossiersPage() {
  const { t } = useTranslation('procedures');
  const { t: tc } = useTranslation();
  const { user } = useSession();
  const l = useLocalized();
  const [page, setPage] = useState(1);
  // A link may choose the view (the home page's "overdue dossiers" card does).
  const [params] = useSearchParams();
  const linked = params.get('view');
  const [view, setView] = useState<'all' | 'open' | 'overdue'>(
    linked === 'all' || linked === 'open' || linked === 'overdue' ? linked : user?.role === 'ngo' ? 'all' : 'open',
  );
  const [status, setStatus] = useState('');
  const [procedureCode, setProcedureCode] = useState('');
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['dossiers', page, view, status, procedureCode, q],
    queryFn: () => api.get<Page<DossierListItem>>('/api/dossiers', { page, pageSize: 20, view, status, procedureCode, q }),
    placeholderData: keepPreviousData,
  });
  const procedures = useQuery({
    queryKey: ['procedures', 'all'],
    queryFn: () => api.get<{ items: ProcedureVersion[] }>('/api/procedures', { all: 'true' }),
  });
  const codes = [...new Map((procedures.data?.items ?? []).map((p) => [p.code, p])).values()];
  const reset = () => setPage(1);
  const isNgo = user?.role === 'ngo';
  /** An aid owner files aid approvals (issue 13) and, like an NGO, sees its drafts. */
  const isApplicant = isNgo || user?.role === 'owner';

  return (
    <div className="stack">
      <ProceduresNav />
      <section className="card">
        <div className="dossier-head">
          <h1>{isNgo ? t('list.titleNgo') : t('list.title')}</h1>
          {isApplicant && (
            <Link className="button primary" to="/dossiers/new">
              {t('tabs.new')}
            </Link>
          )}
        </div>
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="dossier-view">{t('list.view')}</label>
            <select
              id="dossier-view"
              value={view}
              onChange={(e) => {
                setView(e.target.value as typeof view);
                reset();
              }}
            >
              <option value="all">{t('list.viewAll')}</option>
              <option value="open">{t('list.viewOpen')}</option>
              <option value="overdue">{t('list.viewOverdue')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="dossier-status">{t('list.status')}</label>
            <select
              id="dossier-status"
              value={status}
              onChange={(e) => {
                setStatus(e.target.value);
                reset();
              }}
            >
              <option value="">{t('list.allStatuses')}</option>
              {STATUSES.filter((s) => isApplicant || s !== 'DRAFT').map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="dossier-procedure">{t('list.procedure')}</label>
            <select
              id="dossier-procedure"
              value={procedureCode}
              onChange={(e) => {
                setProcedureCode(e.target.value);
                reset();
              }}
            >
              <option value="">{t('list.allProcedures')}</option>
              {codes.map((p) => (
                <option key={p.code} value={p.code}>
                  {l.name(p)}
                </option>
              ))}
            </select>
          </div>
          {!isNgo && (
            <Field
              label={tc('actions.search')}
              placeholder={t('list.search')}
              type="search"
              value={q}
              onChange={(e) => {
                setQ(e.target.value);
                reset();
              }}
            />
          )}
        </form>
        <ErrorNotice error={list.error} />
        {list.isLoading && <Loading />}
        {list.data?.items.length === 0 && <EmptyState message={t('list.empty')} />}
        {list.data && list.data.items.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('list.code')}</th>
                  {!isNgo && <th>{t('list.organisation')}</th>}
                  <th>{t('list.procedure')}</th>
                  <th>{t('list.status')}</th>
                  <th>{t('list.submitted')}</th>
                  <th>{t('list.step')}</th>
                  <th>{t('list.due')}</th>
                  <th>{t('list.deadline')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <Link to={`/dossiers/${d.id}`}>{d.code ?? t('list.draft')}</Link>
                    </td>
                    {!isNgo && <td>{d.organisationName}</td>}
                    <td>{l.name(d.procedure)}</td>
                    <td>
                      <StatusBadge status={d.status} procedureCode={d.procedureCode} />
                    </td>
                    <td>{l.date(d.submittedOn)}</td>
                    <td>
                      {d.currentStep ? (
                        <>
                          {l.name(d.currentStep)} <ClockBadge clock={d.currentStep.clock} />
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{l.date(d.overall?.dueDate)}</td>
                    <td>
                      <ClockBadge clock={d.overall} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {list.data && <Pagination page={page} pageSize={20} total={list.data.total} onPage={setPage} />}
      </section>
    </div>
  );
}
