import { init, use as registerEChartsParts, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type CSSProperties } from 'react';

// Chart types and components are registered by the files that use them, so each page
// bundles only what it draws.
registerEChartsParts([CanvasRenderer]);

export type ChartTheme = 'light' | 'dark';

export interface ChartProps {
  option: EChartsCoreOption;
  /** `dark` uses ECharts' built-in dark theme (for the big screen); `light` the default one. */
  theme?: ChartTheme;
  height?: CSSProperties['height'];
  /** What the chart shows, for screen readers. */
  ariaLabel: string;
  /**
   * Merge each new option into the chart instead of replacing it, so live data moves with a
   * transition (the big screen). Series and axes then keep their identity between updates.
   */
  merge?: boolean;
  className?: string;
  testId?: string;
}

/** An ECharts instance bound to a div: created on mount, resized with its box, disposed on unmount. */
export function Chart({
  option,
  theme = 'light',
  height = 280,
  ariaLabel,
  className,
  testId,
  merge = false,
}: ChartProps) {
  const elementRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = elementRef.current;
    if (element === null) return undefined;
    const chart = init(element, theme === 'dark' ? 'dark' : undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => chart.resize());
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [theme]);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: !merge });
  }, [option, theme, merge]);

  return (
    <div
      ref={elementRef}
      role="img"
      aria-label={ariaLabel}
      className={className}
      data-testid={testId}
      style={{ width: '100%', height }}
    />
  );
}
