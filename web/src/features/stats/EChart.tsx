import { BarChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  ScatterChart,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);
export { echarts };

type Props = {
  option: echarts.EChartsCoreOption;
  height?: number;
  label: string;
  onReady?: (chart: echarts.ECharts) => void;
  onClick?: (params: { name?: string; data?: unknown }) => void;
  testId?: string;
};

/** One ECharts chart, resized with its container; `label` describes it for screen readers. */
export function EChart({ option, height = 320, label, onReady, onClick, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  useEffect(() => {
    const chart = echarts.init(ref.current!);
    chartRef.current = chart;
    chart.on('click', (params) => clickRef.current?.(params as { name?: string; data?: unknown }));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current!);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, []);
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.setOption(option, true);
    onReady?.(chart);
  }, [option, onReady]);
  return <div ref={ref} className="echart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
