import type { LiveMinute } from '@livecloud/live/schemas';
import { describe, expect, it } from 'vitest';
import { completeMinuteFlows, continuousMinutes } from './minute-series';

const t0 = Date.UTC(2026, 11, 3, 12, 0);
function minute(at: number, entries: number, onlineAtEnd: number): LiveMinute {
  const funnel = { views: entries, oneMinuteViews: 0, clicks: 0, orders: 0, pays: 0 };
  return {
    minute: at,
    gmvFen: 0,
    entries,
    exits: 1,
    onlineAtEnd,
    funnel,
    cumulative: { ...funnel, gmvFen: 0, exits: 1 },
  };
}

describe('continuousMinutes', () => {
  it('fills a minute without events with zero flows and the online count before it', () => {
    const filled = continuousMinutes([minute(t0 + 120_000, 5, 30), minute(t0, 40, 38)]);
    expect(filled.map((m) => [m.minute - t0, m.entries, m.onlineAtEnd])).toEqual([
      [0, 40, 38],
      [60_000, 0, 38],
      [120_000, 5, 30],
    ]);
  });
});

describe('completeMinuteFlows', () => {
  const minutes = [minute(t0, 40, 38), minute(t0 + 60_000, 35, 50), minute(t0 + 120_000, 3, 51)];

  it('leaves out the minute still in progress, whose flows are only partly counted', () => {
    expect(completeMinuteFlows(minutes, t0 + 150_000, (m) => m.entries)).toEqual([40, 35, null]);
  });

  it('draws every minute once the last one has ended', () => {
    expect(completeMinuteFlows(minutes, t0 + 180_000, (m) => m.entries)).toEqual([40, 35, 3]);
    expect(completeMinuteFlows(minutes, t0 + 3_600_000, (m) => m.exits)).toEqual([1, 1, 1]);
  });
});
