import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorNotice, Loading } from '../../components/States';
import { BreakdownTable, type Row } from './BreakdownTable';
import { SectorChart, TrendChart } from './Charts';
import { Definitions } from './Definitions';
import { Filters } from './Filters';
import { KeyFigures } from './KeyFigures';
import { ProvinceMap } from './ProvinceMap';
import { RegionTable } from './RegionTable';
import { ReportsPanel } from './ReportsPanel';
import { queryOf } from './format';
import { useDashboard } from './stats-api';
import type { StatsQuery } from './useStatsQuery';
import './stats.css';

/** True when a filter narrows the figures (the former-region table is national only). */
const hasFilters = (q: StatsQuery) => Boolean(q.province || q.region || q.sector || q.country || q.organisation);

/** The dashboard for a query: key figures, trend, map and breakdowns, all under the same filters. */
export function DashboardView({
  query,
  onChange,
  provincePage,
}: {
  query: StatsQuery;
  onChange: (change: Partial<StatsQuery>) => void;
  provincePage?: boolean;
}) {
  const { t } = useTranslation('stats');
  const navigate = useNavigate();
  const data = useDashboard(query);
  const d = data.data;
  const totalRow = (name: string, part: { committedUsd: string; disbursedUsd: string }, aidRecords: number): Row => ({
    key: 'total',
    name,
    ...part,
    aidRecords,
  });
  const provinceLink = (code: string) =>
    `/statistics/province/${code}?${new URLSearchParams(queryOf({ ...query, province: undefined })).toString()}`;
  return (
    <>
      {/* A province page, or a province officer's own scope, is one province: no province or region to pick. */}
      <Filters query={query} onChange={onChange} fixedProvince={provincePage || d?.scope.kind === 'province'} />
      <ErrorNotice error={data.error} />
      {data.isLoading && <Loading />}
      {d && (
        <div className={data.isFetching ? 'stats-body fetching' : 'stats-body'} aria-busy={data.isFetching}>
          {d.scope.kind !== 'national' && (
            <p className="notice warning" data-testid="stats-scope">
              {t(`scope.${d.scope.kind}`, { name: d.scope.name })}{' '}
              <button type="button" onClick={() => onChange({ view: 'national' })}>
                {t('scope.viewNational')}
              </button>
            </p>
          )}
          {query.view === 'national' && (
            <p>
              <button type="button" onClick={() => onChange({ view: undefined })}>
                {t('scope.viewOwn')}
              </button>
            </p>
          )}
          <section className="card">
            <h2>
              {t('sections.keyFigures')} {d.year}
            </h2>
            <KeyFigures summary={d.summary} query={query} />
          </section>
          <div className="stats-grid">
            <section className="card">
              <h2>{t('sections.trend')}</h2>
              <TrendChart trend={d.trend} />
            </section>
            <section className="card">
              <h2>{t('sections.bySector')}</h2>
              <SectorChart sectors={d.bySector.items} onSelect={(sector) => onChange({ sector })} />
            </section>
          </div>
          {!provincePage && (
            <section className="card">
              <h2>{t('sections.map')}</h2>
              <ProvinceMap items={d.byProvince.items} onSelect={(code) => navigate(provinceLink(code))} />
            </section>
          )}
          <div className="stats-grid stats-tables">
            <BreakdownTable
              title={t('sections.byProvince')}
              testId="table-provinces"
              query={query}
              rows={[
                ...d.byProvince.items.map((p): Row => ({
                  key: p.id,
                  ...p,
                  link: { province: p.code },
                  page: provincePage ? undefined : provinceLink(p.code),
                })),
                { key: 'unallocated', name: t('rows.unallocated'), ...d.byProvince.unallocated },
              ]}
              total={totalRow(t('rows.total'), d.byProvince.total, d.summary.aidRecords)}
            />
            <RegionTable d={d} query={query} canUseHistoric={d.scope.kind === 'national' && !hasFilters(query)} />
            <BreakdownTable
              title={t('sections.bySector')}
              testId="table-sectors"
              query={query}
              rows={[
                ...d.bySector.items.map((s): Row => ({ key: s.code, ...s, link: { sector: s.code } })),
                { key: 'unallocated', name: t('rows.unallocated'), ...d.bySector.unallocated },
              ]}
              total={totalRow(t('rows.total'), d.bySector.total, d.summary.aidRecords)}
            />
            <BreakdownTable
              title={t('sections.byCountry')}
              query={query}
              rows={d.byCountry.map((c): Row => ({ key: c.code || 'none', ...c, link: c.code ? { country: c.code } : undefined }))}
              total={totalRow(t('rows.total'), d.summary, d.summary.aidRecords)}
            />
            <BreakdownTable
              title={t('sections.byOrganisation')}
              query={query}
              rows={[
                ...d.byOrganisation.items.map((o): Row => ({
                  key: o.id ?? 'other',
                  ...o,
                  link: o.id ? { organisation: o.id } : undefined,
                })),
                ...(d.byOrganisation.others.count
                  ? [{ key: 'others', name: t('rows.others', { count: d.byOrganisation.others.count }), ...d.byOrganisation.others }]
                  : []),
              ]}
              total={totalRow(t('rows.total'), d.summary, d.summary.aidRecords)}
            />
          </div>
          <ReportsPanel year={query.year} />
          <Definitions />
        </div>
      )}
    </>
  );
}
