import type { ForecastItemDto as ForecastItem } from '@livecloud/forecast/schemas';
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemReturn } from 'echarts';
import { BarChart, CustomChart, type BarSeriesOption, type CustomSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { use as registerEChartsParts, type ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/chart';
import { formatFen } from '../../lib/format';
import { basisColor } from './forecast-basis';

registerEChartsParts([BarChart, CustomChart, GridComponent, LegendComponent, TooltipComponent]);

type ForecastChartOption = ComposeOption<
  BarSeriesOption | CustomSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

const yuan = (fen: number) => `¥${Math.round(fen / 100).toLocaleString('zh-CN')}`;

function label(item: ForecastItem): string {
  const title = item.title ?? item.productId;
  return `${item.position}. ${title.length > 8 ? `${title.slice(0, 8)}…` : title}`;
}

// An error bar: the p10–p90 whisker with short caps at both ends.
function renderWhisker(_: unknown, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn {
  const x = api.value(0);
  const low = api.coord([x, api.value(1)]);
  const high = api.coord([x, api.value(2)]);
  const size = api.size?.([1, 0]);
  const half = (Array.isArray(size) ? (size[0] ?? 20) : (size ?? 20)) * 0.12;
  const style = { stroke: '#262626', lineWidth: 1.5 };
  const [lx = 0, ly = 0] = low;
  const [hx = 0, hy = 0] = high;
  return {
    type: 'group',
    children: [
      { type: 'line', shape: { x1: hx, y1: hy, x2: lx, y2: ly }, style },
      { type: 'line', shape: { x1: hx - half, y1: hy, x2: hx + half, y2: hy }, style },
      { type: 'line', shape: { x1: lx - half, y1: ly, x2: lx + half, y2: ly }, style },
    ],
  };
}

/** Each item's forecast GMV as a bar, with its p10–p90 as an error bar; colour says the basis. */
export function ForecastChart({ items }: { items: ForecastItem[] }) {
  const { t } = useTranslation();
  const shown = useMemo(() => items.filter((i) => i.gmvFen !== null), [items]);
  const option = useMemo<ForecastChartOption>(
    () => ({
      animationDuration: 400,
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, data: [t('forecast.chart.point'), t('forecast.chart.range')] },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params) => {
          const first = Array.isArray(params) ? params[0] : params;
          const item = shown[first?.dataIndex ?? -1];
          if (!item?.gmvFen) return '';
          return [
            `<b>${item.title ?? item.productId}</b>`,
            `${t('forecast.chart.point')}: ${formatFen(item.gmvFen.point)}`,
            `${t('forecast.chart.range')}: ${formatFen(item.gmvFen.low)} – ${formatFen(item.gmvFen.high)}`,
            `${t('forecast.columns.basis')}: ${t(`forecast.basis.${item.basis}`)}`,
          ].join('<br/>');
        },
      },
      xAxis: {
        type: 'category',
        data: shown.map(label),
        axisTick: { show: false },
        axisLabel: { color: '#595959', interval: 0, rotate: shown.length > 6 ? 30 : 0 },
      },
      yAxis: {
        type: 'value',
        axisLabel: { color: '#8c8c8c', formatter: (value: number) => yuan(value) },
        splitLine: { lineStyle: { color: '#f0f0f0' } },
      },
      series: [
        {
          name: t('forecast.chart.point'),
          type: 'bar',
          barMaxWidth: 36,
          data: shown.map((item) => ({
            value: item.gmvFen!.point,
            itemStyle: { color: basisColor[item.basis], borderRadius: [4, 4, 0, 0] },
          })),
        },
        {
          name: t('forecast.chart.range'),
          type: 'custom',
          renderItem: renderWhisker,
          encode: { x: 0, y: [1, 2] },
          data: shown.map((item, i) => [i, item.gmvFen!.low, item.gmvFen!.high]),
          z: 10,
          itemStyle: { color: '#262626' },
        },
      ],
    }),
    [shown, t],
  );
  return <Chart option={option} height={320} ariaLabel={t('forecast.chart.aria')} testId="forecast-chart" />;
}
