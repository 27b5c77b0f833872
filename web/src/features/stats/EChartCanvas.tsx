import { BarChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { EChartProps } from './EChart';

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

/**
 * The ECharts implementation behind <EChart>: loaded on demand (its own chunk, about 1 MB of the library), so
 * screens without charts never download it.
 */
export default function EChartCanvas({ option, height = 320, label, map, onReady, onClick, testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  useEffect(() => {
    const chart = echarts.init(ref.current!);
    chartRef.current = chart;
    chart.on('click', (params) => clickRef.current?.(params as { name?: string; data?: unknown }));
    // Resize only a live chart with a real box: while a click navigates away the container is emptied first, and
    // resizing a map laid out in a zero box threw "Cannot read properties of null (reading '0')".
    const element = ref.current!;
    const observer = new ResizeObserver(() => {
      if (!chart.isDisposed() && element.clientWidth > 0 && element.clientHeight > 0) chart.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, []);
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    // Registering a map again with the same name replaces it: harmless, and keeps this component stateless.
    if (map) echarts.registerMap(map.name, map.geo as Parameters<typeof echarts.registerMap>[1]);
    chart.setOption(option, true);
    onReady?.(chart);
  }, [option, onReady, map]);
  return <div ref={ref} className="echart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
