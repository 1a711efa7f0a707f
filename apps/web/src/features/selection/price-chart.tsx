import type { PricePointDto as PricePoint } from '@livecloud/selection/schemas';
import { LineChart, ScatterChart, type LineSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { use as registerEChartsParts, type ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/chart';
import { formatFen } from '../../lib/format';
import { shanghaiDateTime } from '../../lib/shanghai-time';
import { pointSourceLabel } from './selection-format';

registerEChartsParts([
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
]);

type PriceOption = ComposeOption<
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

/**
 * One SKU's prices over the window: every price seen as a line, past sessions' paid prices as
 * marked points, and the live price and the lowest price as reference lines.
 */
export function PriceChart({
  points,
  livePriceFen,
  lowestFen,
  since,
  until,
  ariaLabel,
}: {
  points: PricePoint[];
  livePriceFen: number;
  lowestFen: number | null;
  since: string;
  until: string;
  ariaLabel: string;
}) {
  const { t } = useTranslation();
  const option = useMemo<PriceOption>(() => {
    const tooltipOf = (p: PricePoint) =>
      `${shanghaiDateTime(p.observedAt)}<br/>${formatFen(p.priceFen)} · ${pointSourceLabel(t, p)}${
        p.skuId === null ? ` (${t('selection.history.wholeProduct')})` : ''
      }`;
    const yuan = (fen: number) => fen / 100;
    return {
      animationDuration: 300,
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, data: [t('selection.source.platform'), t('selection.source.session')] },
      tooltip: {
        trigger: 'item',
        formatter: (params) => {
          const item = Array.isArray(params) ? params[0] : params;
          const index = typeof item?.dataIndex === 'number' ? item.dataIndex : -1;
          const series = item?.seriesIndex === 1 ? points.filter((p) => p.source === 'session') : points;
          const point = series[index];
          return point ? tooltipOf(point) : '';
        },
      },
      xAxis: {
        type: 'time',
        min: Date.parse(since),
        max: Date.parse(until),
        axisLabel: { color: '#8c8c8c', hideOverlap: true },
      },
      yAxis: {
        type: 'value',
        scale: true,
        axisLabel: { color: '#8c8c8c', formatter: (value: number) => `¥${value}` },
        splitLine: { lineStyle: { color: '#f0f0f0' } },
      },
      series: [
        {
          name: t('selection.source.platform'),
          type: 'line',
          step: 'end',
          symbolSize: 7,
          data: points.map((p) => [Date.parse(p.observedAt), yuan(p.priceFen)]),
          lineStyle: { color: '#1664ff' },
          itemStyle: { color: '#1664ff' },
          markLine: {
            symbol: 'none',
            label: { position: 'insideEndTop', formatter: '{b}' },
            data: [
              {
                name: `${t('selection.history.live')} ${formatFen(livePriceFen)}`,
                yAxis: yuan(livePriceFen),
                lineStyle: { color: '#fa8c16', type: 'dashed' },
              },
              ...(lowestFen === null
                ? []
                : [
                    {
                      name: `${t('selection.history.lowest')} ${formatFen(lowestFen)}`,
                      yAxis: yuan(lowestFen),
                      lineStyle: { color: '#52c41a', type: 'dashed' as const },
                    },
                  ]),
            ],
          },
        },
        {
          name: t('selection.source.session'),
          type: 'scatter',
          symbol: 'diamond',
          symbolSize: 12,
          itemStyle: { color: '#722ed1' },
          data: points
            .filter((p) => p.source === 'session')
            .map((p) => [Date.parse(p.observedAt), yuan(p.priceFen)]),
        },
      ],
    };
  }, [points, livePriceFen, lowestFen, since, until, t]);
  return <Chart option={option} height={240} ariaLabel={ariaLabel} testId="price-chart" />;
}
