import type { LiveMinute } from '@livecloud/live/schemas';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import type { YAXisComponentOption } from 'echarts';
import { use as registerEChartsParts, type ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/chart';
import {
  compactParts,
  formatCount,
  formatMinute,
  formatYuan,
  screenLanguage,
  type ScreenLanguage,
} from './big-screen-format';
import { screenColors } from './big-screen-theme';
import { completeMinuteFlows, continuousMinutes } from './minute-series';

registerEChartsParts([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent]);

type MinuteChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

const axisText = '#7f95bd';
const gridLine = 'rgba(96, 140, 220, 0.14)';

function compactAxis(value: number, language: ScreenLanguage, yuan: boolean): string {
  const parts = compactParts(value, language);
  const digits = parts.value.replace(/\.00$/, '').replace(/(\.\d)0$/, '$1');
  return `${yuan ? '¥' : ''}${parts.unit === '' ? String(Math.round(value)) : `${digits}${parts.unit}`}`;
}

function baseOption(): MinuteChartOption {
  return {
    backgroundColor: 'transparent',
    animationDuration: 600,
    animationDurationUpdate: 600,
    animationEasingUpdate: 'cubicOut',
    textStyle: { color: axisText },
    grid: { left: 8, right: 8, top: 34, bottom: 4, containLabel: true },
    legend: {
      top: 0,
      right: 4,
      itemWidth: 12,
      itemHeight: 8,
      itemGap: 14,
      textStyle: { color: '#a9bcdf', fontSize: 12 },
    },
  };
}

function axisTooltip(format: (value: number) => string): TooltipComponentOption {
  return {
    trigger: 'axis',
    backgroundColor: 'rgba(6, 16, 38, 0.94)',
    borderColor: 'rgba(61, 231, 255, 0.35)',
    textStyle: { color: '#e6f0ff' },
    axisPointer: { type: 'line', lineStyle: { color: 'rgba(61, 231, 255, 0.45)' } },
    valueFormatter: (value) => format(Number(value)),
  };
}

function categoryAxis(minutes: readonly LiveMinute[]): MinuteChartOption['xAxis'] {
  return {
    type: 'category',
    data: minutes.map((m) => formatMinute(m.minute)),
    axisLine: { lineStyle: { color: 'rgba(96, 140, 220, 0.35)' } },
    axisTick: { show: false },
    axisLabel: { color: axisText, fontSize: 11, hideOverlap: true },
  };
}

function valueAxis(format: (value: number) => string, show = true): YAXisComponentOption {
  return {
    type: 'value',
    show,
    splitNumber: 4,
    // Whole yuan and whole people: an all-zero series gets 0 and 1, not 0, 0.2, 0.4 …
    minInterval: 1,
    axisLabel: { color: axisText, fontSize: 11, formatter: format },
    splitLine: { lineStyle: { color: gridLine, type: 'dashed' } },
  };
}

const vertical = (top: string, bottom: string) => ({
  type: 'linear' as const,
  x: 0,
  y: 0,
  x2: 0,
  y2: 1,
  colorStops: [
    { offset: 0, color: top },
    { offset: 1, color: bottom },
  ],
});

/** GMV per minute (bars) and cumulative GMV (line), in yuan. */
export function GmvMinuteChart({ series }: { series: readonly LiveMinute[] }) {
  const { t, i18n } = useTranslation();
  const language = screenLanguage(i18n.language);
  const minutes = useMemo(() => continuousMinutes(series), [series]);
  // A line needs two points; until then each minute is drawn as a dot.
  const fewPoints = minutes.length < 3;
  const option = useMemo<MinuteChartOption>(
    () => ({
      ...baseOption(),
      tooltip: axisTooltip((value) => formatYuan(value * 100)),
      xAxis: categoryAxis(minutes),
      yAxis: [
        valueAxis((value) => compactAxis(value, language, true)),
        { ...valueAxis((value) => compactAxis(value, language, true)), splitLine: { show: false } },
      ],
      series: [
        {
          id: 'gmv-minute',
          type: 'bar',
          name: t('bigScreen.charts.gmvPerMinute'),
          barMaxWidth: 14,
          itemStyle: {
            color: vertical(screenColors.cyan, 'rgba(34, 118, 255, 0.25)'),
            borderRadius: [3, 3, 0, 0],
          },
          data: minutes.map((m) => m.gmvFen / 100),
        },
        {
          id: 'gmv-cumulative',
          type: 'line',
          name: t('bigScreen.charts.gmvCumulative'),
          yAxisIndex: 1,
          smooth: true,
          showSymbol: fewPoints,
          lineStyle: {
            width: 2.5,
            color: screenColors.gold,
            shadowColor: 'rgba(255, 197, 61, 0.6)',
            shadowBlur: 8,
          },
          itemStyle: { color: screenColors.gold },
          data: minutes.map((m) => m.cumulative.gmvFen / 100),
        },
      ],
    }),
    [minutes, fewPoints, language, t],
  );
  return (
    <Chart
      option={option}
      theme="dark"
      merge
      height="100%"
      className="lc-bs-chart"
      ariaLabel={t('bigScreen.charts.gmvTitle')}
      testId="chart-gmv"
    />
  );
}

/**
 * Online viewers at the end of each minute (area) with entries and exits per minute (lines);
 * entries and exits of the minute in progress are drawn once it has ended.
 */
export function OnlineMinuteChart({ series, asOf }: { series: readonly LiveMinute[]; asOf: number }) {
  const { t, i18n } = useTranslation();
  const language = screenLanguage(i18n.language);
  const minutes = useMemo(() => continuousMinutes(series), [series]);
  // A line needs two points; until then each minute is drawn as a dot.
  const fewPoints = minutes.length < 3;
  const option = useMemo<MinuteChartOption>(
    () => ({
      ...baseOption(),
      tooltip: axisTooltip(formatCount),
      xAxis: categoryAxis(minutes),
      yAxis: valueAxis((value) => compactAxis(value, language, false)),
      series: [
        {
          id: 'entries',
          type: 'line',
          name: t('bigScreen.charts.entries'),
          smooth: true,
          showSymbol: fewPoints,
          lineStyle: { width: 1.5, color: screenColors.blue },
          itemStyle: { color: screenColors.blue },
          data: completeMinuteFlows(minutes, asOf, (m) => m.entries),
        },
        {
          id: 'exits',
          type: 'line',
          name: t('bigScreen.charts.exits'),
          smooth: true,
          showSymbol: fewPoints,
          lineStyle: { width: 1.5, color: screenColors.purple, type: 'dashed' },
          itemStyle: { color: screenColors.purple },
          data: completeMinuteFlows(minutes, asOf, (m) => m.exits),
        },
        {
          id: 'online',
          type: 'line',
          name: t('bigScreen.charts.online'),
          smooth: true,
          showSymbol: fewPoints,
          lineStyle: {
            width: 2.5,
            color: screenColors.cyan,
            shadowColor: 'rgba(61, 231, 255, 0.6)',
            shadowBlur: 8,
          },
          itemStyle: { color: screenColors.cyan },
          areaStyle: { color: vertical('rgba(61, 231, 255, 0.32)', 'rgba(61, 231, 255, 0)') },
          data: minutes.map((m) => m.onlineAtEnd),
        },
      ],
    }),
    [minutes, fewPoints, language, t, asOf],
  );
  return (
    <Chart
      option={option}
      theme="dark"
      merge
      height="100%"
      className="lc-bs-chart"
      ariaLabel={t('bigScreen.charts.onlineTitle')}
      testId="chart-online"
    />
  );
}
