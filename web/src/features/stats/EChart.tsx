import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense } from 'react';

export type { ECharts };

export type EChartProps = {
  option: EChartsCoreOption;
  height?: number;
  label: string;
  /** A GeoJSON map the option refers to by `name`, registered before the option is set. */
  map?: { name: string; geo: unknown };
  onReady?: (chart: ECharts) => void;
  onClick?: (params: { name?: string; data?: unknown }) => void;
  testId?: string;
};

// ECharts is large: it is fetched only when a chart is first drawn (type imports above are erased at build time).
const EChartCanvas = lazy(() => import('./EChartCanvas'));

/** One ECharts chart, resized with its container; `label` describes it for screen readers. */
export function EChart(props: EChartProps) {
  return (
    <Suspense fallback={<div className="echart" style={{ height: props.height ?? 320 }} aria-busy="true" aria-label={props.label} />}>
      <EChartCanvas {...props} />
    </Suspense>
  );
}
