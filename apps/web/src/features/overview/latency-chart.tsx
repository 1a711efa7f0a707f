import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  type GridComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { use as registerEChartsParts, type ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { Chart } from '../../components/chart';
import { formatMs } from '../../lib/format';

registerEChartsParts([BarChart, GridComponent, TooltipComponent]);

type LatencyOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

export interface LatencyBar {
  label: string;
  latencyMs: number;
  ok: boolean;
}

/** Horizontal bars of the latencies one health check measured, one per store. */
export function LatencyChart({ bars, ariaLabel }: { bars: LatencyBar[]; ariaLabel: string }) {
  const option = useMemo<LatencyOption>(
    () => ({
      animationDuration: 400,
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value) => (typeof value === 'number' ? `${formatMs(value)} ms` : String(value)),
      },
      xAxis: {
        type: 'value',
        axisLabel: { formatter: '{value} ms', color: '#8c8c8c' },
        splitLine: { lineStyle: { color: '#f0f0f0' } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: bars.map((bar) => bar.label),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#d9d9d9' } },
        axisLabel: { color: '#595959' },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          data: bars.map((bar) => ({
            value: bar.latencyMs,
            itemStyle: { color: bar.ok ? '#1677ff' : '#ff4d4f', borderRadius: [0, 4, 4, 0] },
          })),
          label: {
            show: true,
            position: 'right',
            color: '#595959',
            formatter: ({ value }) => (typeof value === 'number' ? `${formatMs(value)} ms` : ''),
          },
        },
      ],
    }),
    [bars],
  );
  return (
    <Chart
      option={option}
      height={Math.max(120, bars.length * 56)}
      ariaLabel={ariaLabel}
      testId="latency-chart"
    />
  );
}
