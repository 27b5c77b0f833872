import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { formatDate } from '@common/format/date';
import { api, downloadUrl } from '../../api/client';
import { SelectField } from '../../components/SelectField';
import { EmptyState, ErrorNotice, Loading } from '../../components/States';
import type { ObligationKind } from './supervision-api';

type Row = {
  organisationId: string;
  organisationCode: string;
  organisationName: string;
  score: number;
  late: number;
  doneLate: number;
  due: number;
  lateKinds: ObligationKind[];
  oldestLateDue: string | null;
};
const KINDS: ObligationKind[] = ['BANK_ACCOUNT_NOTICE', 'IMPLEMENTATION_PLAN', 'ANNUAL_REPORT', 'DATA_UPDATE', 'INACTIVITY_REVIEW'];

/** Officers' compliance list of their scope: who is late on what, the score and its formula, CSV and Excel exports. */
export function CompliancePage() {
  const { t } = useTranslation('supervision');
  const { t: tc } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = { status: params.get('status') ?? 'LATE', kind: params.get('kind') ?? undefined };
  const list = useQuery({
    queryKey: ['compliance', filters],
    queryFn: () => api.get<{ asOf: string; items: Row[] }>('/api/supervision/compliance', filters),
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return (
    <section className="card">
      <h1>{t('complianceTitle')}</h1>
      <p className="hint">{t('intro')}</p>
      <div className="filters">
        <SelectField
          label={t('filters.status')}
          value={filters.status}
          onChange={(e) => set('status', e.target.value)}
          options={[
            { value: 'LATE', label: t('filters.late') },
            { value: 'ALL', label: t('filters.all') },
          ]}
        />
        <SelectField
          label={t('filters.kind')}
          value={filters.kind ?? ''}
          empty={t('filters.anyKind')}
          onChange={(e) => set('kind', e.target.value)}
          options={KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
      </div>
      <p>
        <a href={downloadUrl('/api/supervision/compliance/export.csv', filters)}>{t('exportCsv')}</a> ·{' '}
        <a href={downloadUrl('/api/supervision/compliance/export.xlsx', filters)}>{t('exportXlsx')}</a>
      </p>
      <p className="hint">{t('score.formula')}</p>
      <ErrorNotice error={list.error} />
      {list.isLoading && <Loading />}
      {list.data?.items.length === 0 && <EmptyState message={t('empty')} />}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table data-testid="compliance">
            <caption className="sr-only">{t('complianceTitle')}</caption>
            <thead>
              <tr>
                <th>{t('list.organisation')}</th>
                <th className="num">{t('list.score')}</th>
                <th className="num">{t('list.late')}</th>
                <th>{t('list.lateKinds')}</th>
                <th>{t('list.oldestLateDue')}</th>
                <th className="num">{t('list.due')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((r) => (
                <tr key={r.organisationId}>
                  <td>
                    <Link to={`/supervision/organisations/${r.organisationId}`}>{r.organisationName}</Link>{' '}
                    <span className="muted">{r.organisationCode}</span>
                  </td>
                  <td className="num">{r.score}</td>
                  <td className="num">{r.late}</td>
                  <td>{r.lateKinds.map((k) => t(`kinds.${k}`)).join(', ')}</td>
                  <td>{r.oldestLateDue ? formatDate(r.oldestLateDue) : '—'}</td>
                  <td className="num">{r.due}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="hint">{tc('syntheticBanner')}</p>
    </section>
  );
}
