import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { Pagination } from '../../components/Pagination';
import { plainOptions, SelectField } from '../../components/SelectField';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import { formatDate } from '@common/format/date';
import { vietnamYear } from '@common/time/vietnam-today';
import { yearOptions } from './format';
import { AID_REPORT_KINDS, AID_REPORT_STATES, type AidReport, type AidReportList, type AidReportRow } from './aid-reports-types';
import './aid.css';

const PAGE_SIZE = 50;
const STATE_BADGE = { UPCOMING: '', DUE: 'warn', LATE: 'bad', DONE: 'ok' } as const;

/** Start (or open) one report: starting creates the pre-filled draft and opens it. */
function ReportAction({ row }: { row: AidReportRow }) {
  const { t } = useTranslation('aidReports');
  const navigate = useNavigate();
  const start = useMutation({
    mutationFn: () => api.post<AidReport>('/api/aid-reports', { aidItemId: row.aidItemId, kind: row.kind, periodKey: row.periodKey }),
    onSuccess: (report) => navigate(`/aid-reports/${report.id}`),
  });
  if (row.reportId) return <Link to={`/aid-reports/${row.reportId}`}>{t('open')}</Link>;
  if (!row.canFile) return null;
  return (
    <>
      <button type="button" onClick={() => start.mutate()} disabled={start.isPending}>
        {t('start')}
      </button>
      <ErrorNotice error={start.error} />
    </>
  );
}

/**
 * The aid's reports on their clocks (D80 Art. 13.9, 14.4, 15.5, 18, 23.9b): what the aid items in the user's scope owe
 * for a year, upcoming, due, late or filed; the aid owner starts and files its reports, the governing agency the
 * settlement of non-budget aid.
 */
export function AidReportsPage() {
  const { t, i18n } = useTranslation('aidReports');
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || vietnamYear();
  const page = Number(params.get('page')) || 1;
  const state = params.get('state') ?? '';
  const kind = params.get('kind') ?? '';
  const aidItemId = params.get('aidItemId') ?? '';
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes))
      if (v) next.set(k, v);
      else next.delete(k);
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const list = useQuery({
    queryKey: ['aid-reports', year, page, state, kind, aidItemId],
    queryFn: () =>
      api.get<AidReportList>('/api/aid-reports', {
        year,
        page,
        pageSize: PAGE_SIZE,
        state: state || undefined,
        kind: kind || undefined,
        aidItemId: aidItemId || undefined,
      }),
    placeholderData: keepPreviousData,
  });
  const en = i18n.language.startsWith('en');
  return (
    <section className="card">
      <h1>{t('title')}</h1>
      <p className="hint">{t('intro')}</p>
      <div className="filters">
        <SelectField label={t('year')} value={year} onChange={(e) => set({ year: e.target.value })} options={plainOptions(yearOptions())} />
        <SelectField
          label={t('state')}
          value={state}
          empty={t('all')}
          onChange={(e) => set({ state: e.target.value })}
          options={AID_REPORT_STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))}
        />
        <SelectField
          label={t('kind')}
          value={kind}
          empty={t('all')}
          onChange={(e) => set({ kind: e.target.value })}
          options={AID_REPORT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
      </div>
      {list.data && <p>{t('counts', list.data.counts)}</p>}
      <ErrorNotice error={list.error} />
      {list.isLoading && <Loading />}
      {list.data?.items.length === 0 && <EmptyState message={t('empty')} />}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t('title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('aidItem')}</th>
                <th scope="col">{t('kind')}</th>
                <th scope="col">{t('period')}</th>
                <th scope="col">{t('due')}</th>
                <th scope="col">{t('state')}</th>
                <th scope="col">
                  <span className="sr-only">{t('open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((r) => (
                <tr key={`${r.aidItemId}:${r.kind}:${r.periodKey}`}>
                  <td>
                    <Link to={`/aid/${r.aidItemId}`}>{r.aidItemCode}</Link>
                    <div className="hint">{en ? (r.aidItemTitleEn ?? r.aidItemTitleVi) : r.aidItemTitleVi}</div>
                    {r.ownerName && <div className="hint">{r.ownerName}</div>}
                  </td>
                  <td>
                    {t(`kinds.${r.kind}`)}
                    <div className="hint">{r.legalBasis}</div>
                  </td>
                  <td>
                    {formatDate(r.periodFrom)} – {formatDate(r.periodTo)}
                  </td>
                  <td>
                    {formatDate(r.dueDate)}
                    <div className="hint">{r.dueRule === 'FIXED_DATE' ? t('dueRuleFixed') : t('dueRuleCivil')}</div>
                    {r.provisional && <div className="hint">{t('provisional')}</div>}
                  </td>
                  <td>
                    <span className={`badge ${STATE_BADGE[r.state]}`}>{t(`states.${r.state}`)}</span>
                    {r.daysLate > 0 && <div className="hint">{t('daysLate', { count: r.daysLate })}</div>}
                  </td>
                  <td>
                    <ReportAction row={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={(p) => set({ page: String(p) })} />}
    </section>
  );
}
