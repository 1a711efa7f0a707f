/**
 * The session's minutes without gaps: a minute with no events still gets its bar (zero) and
 * carries the online count and cumulative figures of the minute before it.
 */
export function continuousMinutes(series: readonly LiveMinute[]): LiveMinute[] {
  const sorted = [...series].sort((a, b) => a.minute - b.minute);
  const result: LiveMinute[] = [];
  for (const minute of sorted) {
    const previous = result.at(-1);
    if (previous !== undefined) {
      for (let at = previous.minute + 60_000; at < minute.minute; at += 60_000) {
        const carried = result.at(-1) ?? previous;
        result.push({
          minute: at,
          gmvFen: 0,
          entries: 0,
          exits: 0,
          onlineAtEnd: carried.onlineAtEnd,
          funnel: { views: 0, oneMinuteViews: 0, clicks: 0, orders: 0, pays: 0 },
          cumulative: carried.cumulative,
        });
      }
    }
    result.push(minute);
  }
  return result;
}

/**
 * Per-minute flows for the line chart: the minute still in progress at `asOf` has only part of
 * its entries and exits, which would draw as a sudden fall; it is left out (null) until it ends.
 */
export function completeMinuteFlows(
  minutes: readonly LiveMinute[],
  asOf: number,
  flow: (minute: LiveMinute) => number,
): (number | null)[] {
  return minutes.map((m) => (m.minute + 60_000 > asOf ? null : flow(m)));
}
import type { LiveMinute } from '@livecloud/live/schemas';
