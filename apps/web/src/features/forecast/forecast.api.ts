import { platforms } from '@livecloud/contracts/vocabulary';
import type {
  BacktestDto,
  ForecastDto,
  ForecastRangeDto,
  ForecastRequestBody,
} from '@livecloud/forecast/schemas';
import { api } from '../../api/client';

/** A what-if as the page builds it: any platform name, narrowed to the API's before sending. */
export type WhatIfInput = Omit<ForecastRequestBody, 'platform'> & { platform: string | null };

const isPlatform = (value: string): value is (typeof platforms)[number] =>
  (platforms as readonly string[]).includes(value);

export const forecastApi = {
  session: (sessionId: string, signal?: AbortSignal) =>
    api.get<ForecastDto>(`/api/v1/live-sessions/${encodeURIComponent(sessionId)}/forecast`, { signal }),
  whatIf: (input: WhatIfInput) =>
    api.post<ForecastDto>('/api/v1/forecast', {
      ...input,
      // The API knows five platforms; any other leaves the default fee to the server.
      platform: input.platform !== null && isPlatform(input.platform) ? input.platform : null,
    }),
  backtest: (signal?: AbortSignal) => api.get<BacktestDto>('/api/v1/forecast/backtest', { signal }),
};

/** A range as "low – high" with a formatter. */
export function rangeText(range: ForecastRangeDto, format: (n: number) => string): string {
  return `${format(range.low)} – ${format(range.high)}`;
}

/** A ratio (0.273) as a percentage ("27.3%"), or a dash. */
export function percent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits)}%`;
}
