import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard, RegionScheme } from '@common/contracts/stats';
import { ErrorNotice } from '../../components/States';
import { BreakdownTable, type Row } from './BreakdownTable';
import { useRegions } from './stats-api';
import type { StatsQuery } from './useStatsQuery';

/**
 * The dashboard's regions: today's socio-economic regions (filtered like every other table, each amount linking to
 * its records) or, for the national figures, the 8 traditional regions of the 63 former provinces, so figures can
 * be compared with what was published before the 2025 merger (GET /api/public/stats/by-region?scheme=historic).
 */
export function RegionTable({ d, query, canUseHistoric }: { d: Dashboard; query: StatsQuery; canUseHistoric: boolean }) {
  const { t } = useTranslation('stats');
  const [picked, setScheme] = useState<RegionScheme>('current');
  const scheme = canUseHistoric ? picked : 'current';
  const historic = useRegions(d.year, 'historic', scheme === 'historic');
  const total = (part: { committedUsd: string; disbursedUsd: string }): Row => ({
    key: 'total',
    name: t('rows.total'),
    ...part,
    aidRecords: d.summary.aidRecords,
  });
  const rows: Row[] =
    scheme === 'historic'
      ? historic.data
        ? [
            ...historic.data.items.map((r): Row => ({ key: r.code, ...r })),
            { key: 'unallocated', name: t('regionScheme.unmapped'), ...historic.data.unallocated },
          ]
        : []
      : [
          ...d.byProvince.regions.map((r): Row => ({ key: r.code, ...r, link: { region: r.code } })),
          { key: 'unallocated', name: t('rows.unallocated'), ...d.byProvince.unallocated },
        ];
  return (
    <div data-testid="table-regions">
      {canUseHistoric && (
        <p className="stats-scheme">
          <label htmlFor="stats-region-scheme">{t('regionScheme.label')}</label>{' '}
          <select id="stats-region-scheme" value={scheme} onChange={(e) => setScheme(e.target.value as RegionScheme)}>
            <option value="current">{t('regionScheme.current')}</option>
            <option value="historic">{t('regionScheme.historic')}</option>
          </select>
        </p>
      )}
      <ErrorNotice error={historic.error} />
      <BreakdownTable
        title={scheme === 'historic' ? t('regionScheme.historicTitle') : t('sections.byRegion')}
        query={query}
        rows={rows}
        total={total(scheme === 'historic' && historic.data ? historic.data.total : d.byProvince.total)}
      />
    </div>
  );
}
