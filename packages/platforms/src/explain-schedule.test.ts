import { describe, expect, it } from 'vitest';
import { at, ofType, primeTime, smallPlan } from '../test/plans.js';
import { foodLineup } from './lineup-fixtures.js';
import { simulateSession } from './session-simulator.js';

describe('explain segments', () => {
  it('follow the line-up in order for the planned minutes, then start over (返场), back to back', () => {
    // Food line-up: 42 planned minutes; a 60-minute session gets one pass and a partial second.
    const session = simulateSession(smallPlan({ lineup: [...foodLineup], durationMin: 60 }));
    const { events } = session.collect();
    const starts = ofType(events, 'explain.start');
    const ends = ofType(events, 'explain.end');
    expect(starts).toHaveLength(ends.length);
    const order = starts.map((e) => e.productId);
    const lineupOrder = foodLineup.map((item) => item.productId);
    expect(order.slice(0, lineupOrder.length)).toEqual(lineupOrder);
    expect(order.slice(lineupOrder.length)).toEqual(lineupOrder.slice(0, order.length - lineupOrder.length));
    expect(starts.slice(lineupOrder.length).every((e) => e.properties?.['round'] === 2)).toBe(true);

    // Warm-up chat first: 5% of the session, at most 3 minutes.
    expect(at(starts[0]!)).toBe(primeTime + 180_000);
    starts.forEach((start, i) => {
      const end = ends[i]!;
      expect(end.productId).toBe(start.productId);
      expect(start.properties?.['title']).toBe(foodLineup[i % foodLineup.length]!.title);
      const planned = foodLineup[i % foodLineup.length]!.explainMinutes * 60_000;
      if (end.properties?.['truncated'] === true) {
        expect(at(end)).toBe(session.endAt);
        expect(at(end) - at(start)).toBeLessThan(planned);
      } else {
        expect(at(end) - at(start)).toBe(planned);
      }
      if (i + 1 < starts.length) expect(at(starts[i + 1]!)).toBe(at(end));
    });
    expect(ends.at(-1)!.properties?.['truncated']).toBe(true);
  });

  it('shows the explained product to viewers, who click it far more than bag-listed ones', () => {
    const { events } = simulateSession(smallPlan({ scale: 400, durationMin: 25 })).collect();
    const impressions = ofType(events, 'product.impression');
    const clicks = ofType(events, 'product.click');
    const explained = (list: typeof events, value: boolean) =>
      list.filter((e) => e.properties?.['explaining'] === value).length;
    expect(explained(impressions, true)).toBeGreaterThan(explained(impressions, false));
    const ctrExplained = explained(clicks, true) / explained(impressions, true);
    const ctrListed = explained(clicks, false) / explained(impressions, false);
    expect(ctrExplained).toBeGreaterThan(1.8 * ctrListed);
  });
});
