import type { EventOverviewDto } from '@livecloud/events/schemas';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
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
import { Chart } from '../../components/chart';
import { shanghaiDate, shanghaiTime } from '../../lib/shanghai-time';

registerEChartsParts([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent]);

type VolumeOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

const palette = ['#1664ff', '#14c9c9', '#78d3f8', '#9fdb1d', '#f7ba1e', '#722ed1', '#f5319d', '#fa8c16'];

export interface VolumeSeries {
  label: string;
  counts: readonly number[];
}

/** Accepted events stacked per bucket by source or type, and the rejected count as a red line. */
export function EventVolumeChart({
  overview,
  series,
  rejectedLabel,
  ariaLabel,
}: {
  overview: EventOverviewDto;
  series: readonly VolumeSeries[];
  rejectedLabel: string;
  ariaLabel: string;
}) {
  const option = useMemo<VolumeOption>(() => {
    const multiDay = overview.bucket === 'day' || overview.bucketStarts.length * 3_600_000 > 86_400_000;
    const labels = overview.bucketStarts.map((iso) => {
      const ms = Date.parse(iso);
      return multiDay ? `${shanghaiDate(ms).slice(5)} ${shanghaiTime(ms)}` : shanghaiTime(ms);
    });
    return {
      animationDuration: 300,
      color: palette,
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: labels,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#d9d9d9' } },
        axisLabel: { color: '#8c8c8c' },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: '#8c8c8c' },
        splitLine: { lineStyle: { color: '#f0f0f0' } },
      },
      series: [
        ...series.map((s): BarSeriesOption => ({
          type: 'bar',
          name: s.label,
          stack: 'accepted',
          barMaxWidth: 28,
          data: [...s.counts],
        })),
        {
          type: 'line',
          name: rejectedLabel,
          data: [...overview.rejected],
          color: '#f53f3f',
          symbolSize: 6,
          lineStyle: { width: 2 },
        },
      ],
    };
  }, [overview, series, rejectedLabel]);
  return <Chart option={option} height={320} ariaLabel={ariaLabel} testId="event-volume-chart" />;
}
