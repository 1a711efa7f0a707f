import { describe, expect, it } from 'vitest';
import type { EventEnvelopeInput } from '@livecloud/contracts';
import { at, smallPlan } from '../test/plans.js';
import { simulateSession } from './session-simulator.js';

const base = smallPlan({ durationMin: 20, scale: 300 });
const ordered = simulateSession(base).collect().events;
const n = ordered.length;

/** Replays deliveries the way a collector sees them: first sightings, repeats, and late arrivals. */
function observe(delivered: readonly EventEnvelopeInput[]) {
  const firstSeen = new Map<string, string>();
  let repeats = 0;
  let identicalRepeats = 0;
  let behind = 0;
  let latest = -Infinity;
  for (const event of delivered) {
    const json = JSON.stringify(event);
    const earlier = firstSeen.get(event.id);
    if (earlier !== undefined) {
      repeats++;
      if (earlier === json) identicalRepeats++;
      continue;
    }
    firstSeen.set(event.id, json);
    if (at(event) < latest) behind++;
    latest = Math.max(latest, at(event));
  }
  return { distinct: firstSeen.size, repeats, identicalRepeats, behind };
}

describe('disorder options', () => {
  it('re-sends exactly the requested share of events as exact retries with the same id', () => {
    const { events, truth } = simulateSession({ ...base, disorder: { duplicateShare: 0.05 } }).collect();
    const seen = observe(events);
    expect(seen.distinct).toBe(n);
    expect(seen.repeats).toBe(Math.floor(n * 0.05));
    expect(seen.identicalRepeats).toBe(seen.repeats);
    expect(truth.delivery.duplicates).toBe(seen.repeats);
    expect(truth.deliveries).toBe(n + seen.repeats);
    expect(seen.behind).toBe(0);
  });

  it('delivers exactly the requested shares out of order and late, losing nothing', () => {
    const disorder = { outOfOrderShare: 0.02, lateShare: 0.01, lateByMs: 45_000 };
    const { events, truth } = simulateSession({ ...base, disorder }).collect();
    const seen = observe(events);
    expect(seen.distinct).toBe(n);
    expect(seen.repeats).toBe(0);
    expect(truth.delivery.outOfOrder).toBe(Math.floor(n * 0.02));
    expect(truth.delivery.late).toBe(Math.floor(n * 0.01));
    expect(seen.behind).toBe(truth.delivery.outOfOrder + truth.delivery.late);
    expect([...events].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...ordered].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('holds a late event until the stream is lateByMs past it', () => {
    const { events } = simulateSession({
      ...base,
      disorder: { lateShare: 0.01, lateByMs: 45_000 },
    }).collect();
    let latest = -Infinity;
    let lateOnes = 0;
    for (const event of events) {
      if (at(event) < latest) {
        lateOnes++;
        expect(latest - at(event)).toBeGreaterThanOrEqual(45_000);
      }
      latest = Math.max(latest, at(event));
    }
    expect(lateOnes).toBe(Math.floor(n * 0.01));
  });

  it('is as reproducible as the clean stream', () => {
    const disorder = { outOfOrderShare: 0.02, lateShare: 0.01, duplicateShare: 0.03 };
    const a = simulateSession({ ...base, disorder }).collect().events;
    const b = simulateSession({ ...base, disorder }).collect().events;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
