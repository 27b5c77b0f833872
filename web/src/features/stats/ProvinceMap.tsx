import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading } from '../../components/States';
import { EChart, type ECharts } from './EChart';
import { formatHeadlineUsd } from '@common/format/money';
import { formatUsd } from './format';
import type { ProvincePart } from '@common/contracts/stats';

type Feature = {
  properties: { code: string; name: string; name_en: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
};
type Geo = { type: 'FeatureCollection'; features: Feature[] };

/** Area-weighted centre of a province's largest ring: a point inside it, to label it and to click it in tests. */
function centreOf(feature: Feature): [number, number] {
  const polygons = (feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates) as number[][][][];
  let best: [number, number] = [0, 0];
  let bestArea = -1;
  for (const polygon of polygons) {
    const ring = polygon[0]!;
    let area = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i] as [number, number];
      const [x1, y1] = ring[i + 1] as [number, number];
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (Math.abs(area) > bestArea) {
      bestArea = Math.abs(area);
      best = [cx / (3 * area), cy / (3 * area)];
    }
  }
  return best;
}

/** The 34 provinces (boundaries with Hoàng Sa in Đà Nẵng and Trường Sa in Khánh Hòa), fetched once, with their centres. */
async function loadMap(): Promise<{ map: { name: string; geo: Geo }; centres: Map<string, [number, number]> }> {
  const geo = (await (await fetch('/maps/vn-provinces-34.geojson')).json()) as Geo;
  return { map: { name: 'vn34', geo }, centres: new Map(geo.features.map((f) => [f.properties.code, centreOf(f)])) };
}

/** The fill of a province with no figures in the scope shown (another province's officer sees 33 of them). */
const NO_DATA_COLOUR = '#f3f3f3';

/** Choropleth of disbursement by province; clicking a province opens its page. */
export function ProvinceMap({ items, onSelect }: { items: ProvincePart[]; onSelect: (code: string) => void }) {
  const { t, i18n } = useTranslation('stats');
  const centres = useQuery({ queryKey: ['map', 'vn34'], queryFn: loadMap, staleTime: Infinity });
  const [points, setPoints] = useState('');
  const byCode = useMemo(() => new Map(items.map((i) => [i.code, i])), [items]);
  // The top of the legend's scale; a float is fine here, it only sets where the colours change.
  const maxValue = useMemo(() => Math.max(1, ...items.map((i) => Number(i.disbursedUsd))), [items]);
  const option = useMemo(() => {
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string }) => {
          const item = byCode.get(p.name);
          return item
            ? `${item.name}<br/>${t('columns.disbursedUsd')}: ${formatUsd(item.disbursedUsd, i18n.language)}<br/>${t('columns.aidRecords')}: ${item.aidRecords}`
            : p.name;
        },
      },
      visualMap: {
        seriesIndex: 0,
        min: 0,
        max: maxValue,
        left: 8,
        bottom: 8,
        formatter: (value: number) => formatHeadlineUsd(String(Math.round(value)), i18n.language),
        inRange: { color: ['#eef4fb', '#9ecae1', '#3182bd', '#08306b'] },
        calculable: true,
      },
      geo: {
        map: 'vn34',
        nameProperty: 'code',
        roam: true,
        aspectScale: 1,
        layoutCenter: ['50%', '50%'],
        layoutSize: '95%',
        label: { show: false },
        // Provinces without figures in the scope shown: one colour, explained under the map (not a legend colour).
        itemStyle: { areaColor: NO_DATA_COLOUR, borderColor: '#9a9a9a' },
        emphasis: { label: { show: true, formatter: (p: { name: string }) => byCode.get(p.name)?.name ?? p.name } },
      },
      series: [
        { type: 'map', geoIndex: 0, data: items.map((i) => ({ name: i.code, value: Number(i.disbursedUsd) })) },
        {
          // The archipelagos belong to Đà Nẵng and Khánh Hòa; name them on the map.
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 5,
          itemStyle: { color: '#555' },
          tooltip: { show: false },
          label: { show: true, position: 'right', fontSize: 11, color: '#333', formatter: (p: { name: string }) => p.name },
          data: [
            { name: t('map.hoangSa'), value: [111.6, 16.4] },
            { name: t('map.truongSa'), value: [113.9, 9.6] },
          ],
        },
      ],
    };
  }, [items, byCode, maxValue, t, i18n.language]);
  // Pixel positions of the provinces' centres, published on the element for keyboardless checks and tests.
  const onReady = useCallback(
    (chart: ECharts) => {
      chart.off('finished');
      chart.on('finished', () => {
        if (!centres.data) return;
        const out: Record<string, number[]> = {};
        for (const [code, centre] of centres.data.centres) out[code] = chart.convertToPixel({ geoIndex: 0 }, centre) as number[];
        setPoints(JSON.stringify(out));
      });
    },
    [centres.data],
  );
  if (centres.isLoading) return <Loading />;
  if (centres.error) return <ErrorNotice error={centres.error} />;
  return (
    <div className="stats-map" data-points={points} data-legend-max={formatHeadlineUsd(String(Math.round(maxValue)), i18n.language)}>
      <EChart
        option={option}
        height={560}
        label={t('sections.map')}
        map={centres.data?.map}
        onReady={onReady}
        onClick={(p) => p.name !== undefined && byCode.has(p.name) && onSelect(p.name)}
        testId="province-map"
      />
      <p className="muted map-no-data" data-testid="map-no-data">
        <span className="swatch" style={{ background: NO_DATA_COLOUR }} aria-hidden="true" /> {t('map.noData')}
      </p>
      <p className="muted">{t('map.hint')}</p>
    </div>
  );
}
