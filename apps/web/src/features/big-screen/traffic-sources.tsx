import type { TrafficSourceRow } from '@livecloud/live/schemas';
import type { TFunction } from 'i18next';
import { PieChart, type PieSeriesOption } from 'echarts/charts';
import { TooltipComponent, type TooltipComponentOption } from 'echarts/components';
import { use as registerEChartsParts, type ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/chart';
import { zhCN } from '../../i18n/zh-cn';
import { AnimatedNumber } from './animated-number';
import { formatCount, formatPercent } from './big-screen-format';
import { sourceColor } from './big-screen-theme';

registerEChartsParts([PieChart, TooltipComponent]);

type PieOption = ComposeOption<PieSeriesOption | TooltipComponentOption>;
type SourceKey = keyof typeof zhCN.bigScreen.trafficSources;

function isSourceKey(source: string): source is SourceKey {
  return Object.hasOwn(zhCN.bigScreen.trafficSources, source);
}

/** A traffic source in words; sources the app does not know show as sent. */
export function sourceName(t: TFunction, source: string): string {
  return isSourceKey(source) ? t(`bigScreen.trafficSources.${source}`) : source;
}

/** Entries by traffic source: a ring and, beside it, each source with its share and count. */
export function TrafficSources({ rows }: { rows: readonly TrafficSourceRow[] }) {
  const { t } = useTranslation();
  const sorted = useMemo(() => [...rows].sort((a, b) => b.entries - a.entries), [rows]);
  const option = useMemo<PieOption>(
    () => ({
      backgroundColor: 'transparent',
      animationDurationUpdate: 600,
      tooltip: {
        trigger: 'item',
        backgroundColor: 'rgba(6, 16, 38, 0.94)',
        borderColor: 'rgba(61, 231, 255, 0.35)',
        textStyle: { color: '#e6f0ff' },
        valueFormatter: (value) => formatCount(Number(value)),
      },
      series: [
        {
          id: 'sources',
          type: 'pie',
          radius: ['58%', '84%'],
          center: ['50%', '50%'],
          padAngle: 2,
          itemStyle: { borderRadius: 4, borderColor: 'rgba(5, 12, 30, 0.9)', borderWidth: 1 },
          label: { show: false },
          labelLine: { show: false },
          emphasis: { scale: true, scaleSize: 4 },
          data: sorted.map((row, index) => ({
            name: sourceName(t, row.source),
            value: row.entries,
            itemStyle: {
              color: sourceColor(row.source, index),
              shadowColor: sourceColor(row.source, index),
              shadowBlur: 10,
            },
          })),
        },
      ],
    }),
    [sorted, t],
  );
  const total = sorted.reduce((sum, row) => sum + row.entries, 0);

  if (sorted.length === 0) return <div className="lc-bs-empty">{t('bigScreen.empty.noTraffic')}</div>;
  return (
    <div className="lc-bs-sources" data-testid="traffic-sources">
      <div className="lc-bs-sources-ring">
        <Chart
          option={option}
          theme="dark"
          merge
          height="100%"
          className="lc-bs-chart"
          ariaLabel={t('bigScreen.panels.sources')}
        />
        <div className="lc-bs-sources-center">
          <AnimatedNumber className="lc-bs-sources-total" value={total} format={formatCount} />
          <span>{t('bigScreen.traffic.entries')}</span>
        </div>
      </div>
      <ul className="lc-bs-sources-list">
        {sorted.map((row, index) => (
          <li key={row.source}>
            <i
              style={{
                background: sourceColor(row.source, index),
                boxShadow: `0 0 8px ${sourceColor(row.source, index)}`,
              }}
            />
            <span className="lc-bs-sources-name">{sourceName(t, row.source)}</span>
            <span className="lc-bs-sources-share">{formatPercent(row.share.value, 1)}</span>
            <AnimatedNumber className="lc-bs-sources-count" value={row.entries} format={formatCount} />
          </li>
        ))}
      </ul>
    </div>
  );
}
