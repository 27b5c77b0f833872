import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from './EChart';
import { compactUsd } from './format';
import type { Dashboard } from '@common/contracts/stats';

/** Committed and disbursed per year (bars) with the regularly active NGOs (line). */
export function TrendChart({ trend }: { trend: Dashboard['trend'] }) {
  const { t, i18n } = useTranslation('stats');
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 50, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: trend.map((p) => String(p.year)) },
      yAxis: [
        { type: 'value', axisLabel: { formatter: (v: number) => compactUsd(String(v), i18n.language) } },
        { type: 'value', splitLine: { show: false } },
      ],
      series: [
        { name: t('figures.committedUsd'), type: 'bar', data: trend.map((p) => Number(p.committedUsd)), itemStyle: { color: '#9ecae1' } },
        { name: t('figures.disbursedUsd'), type: 'bar', data: trend.map((p) => Number(p.disbursedUsd)), itemStyle: { color: '#3182bd' } },
        {
          name: t('figures.activeOrganisations'),
          type: 'line',
          yAxisIndex: 1,
          data: trend.map((p) => p.activeOrganisations),
          itemStyle: { color: '#d95f0e' },
        },
      ],
    }),
    [trend, t, i18n.language],
  );
  return <EChart option={option} label={t('sections.trend')} />;
}

/** Disbursement by sector, largest first; clicking a bar filters every chart by that sector. */
export function SectorChart({ sectors, onSelect }: { sectors: Dashboard['bySector']['items']; onSelect: (code: string) => void }) {
  const { t, i18n } = useTranslation('stats');
  const sorted = useMemo(() => [...sectors].sort((a, b) => Number(a.disbursedUsd) - Number(b.disbursedUsd)), [sectors]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 220, right: 30, top: 10, bottom: 30 },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => compactUsd(String(v), i18n.language) } },
      yAxis: { type: 'category', data: sorted.map((s) => s.name), axisLabel: { width: 200, overflow: 'truncate' } },
      series: [
        { type: 'bar', data: sorted.map((s) => ({ value: Number(s.disbursedUsd), code: s.code })), itemStyle: { color: '#3182bd' } },
      ],
    }),
    [sorted, i18n.language],
  );
  return (
    <EChart
      option={option}
      height={Math.max(200, 30 * sorted.length + 40)}
      label={t('sections.bySector')}
      onClick={(p) => onSelect((p.data as { code: string }).code)}
    />
  );
}
