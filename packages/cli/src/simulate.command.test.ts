import { describe, expect, it } from 'vitest';
import { simulationStart } from './simulate.command.js';

describe('simulationStart', () => {
  const now = Date.UTC(2026, 11, 7, 12);
  it('starts a real-time simulation now', () => {
    expect(simulationStart(now, 1, 120)).toBe(now);
  });
  it('replays a faster simulation as a session that ends now, so no event is dated ahead', () => {
    expect(simulationStart(now, 60, 120)).toBe(now - 120 * 60_000);
    expect(simulationStart(now, 0, 30)).toBe(now - 30 * 60_000);
  });
});
