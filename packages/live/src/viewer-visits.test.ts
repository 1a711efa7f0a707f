import { describe, expect, it } from 'vitest';
import { effectsOf } from './live-effects.js';
import { createMemoryLiveState } from './memory-live-state.js';
import {
  emptyDwellTally,
  insertEdge,
  tallyClosed,
  tallyOpen,
  visitsOf,
  type RoomEdge,
} from './viewer-visits.js';

const t0 = Date.UTC(2026, 2, 14, 20, 0, 0);
const enter = (at: number): RoomEdge => ({ at, leave: false, dwellMs: null });
const leave = (at: number, dwellMs: number | null = null): RoomEdge => ({ at, leave: true, dwellMs });

function sorted(edges: readonly RoomEdge[]): RoomEdge[] {
  const out: RoomEdge[] = [];
  for (const edge of edges) insertEdge(out, edge);
  return out;
}

/** Every order of a few edges. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('visits of a viewer', () => {
  it('takes a plain leave’s dwell from the entry before it, whichever arrives first', () => {
    for (const order of permutations([enter(t0), leave(t0 + 75_000)]))
      expect(visitsOf(sorted(order))).toEqual({
        closed: [{ dwellMs: 75_000, endedAt: t0 + 75_000 }],
        openAt: null,
      });
  });

  it('keeps a reported dwellMs, and pairs each leave with its own entry in any arrival order', () => {
    const edges = [
      enter(t0),
      leave(t0 + 1_500),
      enter(t0 + 10_000),
      leave(t0 + 90_000, 79_000),
      enter(t0 + 95_000),
    ];
    const expected = {
      closed: [
        { dwellMs: 1_500, endedAt: t0 + 1_500 },
        { dwellMs: 79_000, endedAt: t0 + 90_000 },
      ],
      openAt: t0 + 95_000,
    };
    for (const order of permutations(edges)) expect(visitsOf(sorted(order))).toEqual(expected);
  });

  it('ends a visit at the re-entry when no leave came between, and leaves the last one open', () => {
    expect(visitsOf(sorted([enter(t0 + 30_000), enter(t0)]))).toEqual({
      closed: [{ dwellMs: 30_000, endedAt: t0 + 30_000 }],
      openAt: t0 + 30_000,
    });
  });

  it('counts a leave whose entry is not in the session only when it reports its dwell', () => {
    expect(visitsOf([leave(t0)])).toEqual({ closed: [], openAt: null });
    expect(visitsOf([leave(t0, 4_000)])).toEqual({ closed: [{ dwellMs: 4_000, endedAt: t0 }], openAt: null });
    // Two leaves after one entry: the first closes it, the second has no entry of its own.
    expect(visitsOf(sorted([enter(t0), leave(t0 + 5_000), leave(t0 + 6_000)])).closed).toEqual([
      { dwellMs: 5_000, endedAt: t0 + 5_000 },
    ]);
  });

  it('puts an entry before a leave at the same instant: a 0 ms visit, a bounce', () => {
    const t = emptyDwellTally();
    tallyClosed(t, visitsOf(sorted([leave(t0), enter(t0)])).closed, 1);
    expect(t).toMatchObject({ visits: 1, dwellMs: 0, bounces: 1, oneMinuteViews: 0 });
  });

  it('counts an open visit up to the end, as a 1-minute view in its 60th second and never as a bounce', () => {
    const t = emptyDwellTally();
    tallyOpen(t, [t0, t0 + 119_500], t0 + 120_000);
    expect(t).toMatchObject({ visits: 2, dwellMs: 120_500, bounces: 0, oneMinuteViews: 1 });
    expect([...t.oneMinuteByMinute]).toEqual([[Math.floor((t0 + 60_000) / 60_000), 1]]);
  });

  it('sends every room event to its viewer’s visits', () => {
    const base = {
      id: 'evt_1',
      schemaVersion: 1,
      occurredAt: t0,
      receivedAt: t0,
      orgId: 'org_v',
      source: 'douyin',
      sessionId: 'ses_v',
      platformUserId: 'dy_1',
    } as const;
    const ops = effectsOf({ ...base, type: 'room.leave', properties: { dwellMs: 2.5 } });
    expect(ops).toContainEqual({ kind: 'visit', viewer: 'p:dy_1', at: t0, leave: true, dwellMs: null });
    expect(ops.some((op) => op.kind === 'counter' && op.field === 'dwellMs')).toBe(false);
  });
});

describe('dwell on the memory live state', () => {
  const event = (id: string, type: 'room.enter' | 'room.leave' | 'like', at: number, viewer: string) => ({
    id,
    type,
    schemaVersion: 1 as const,
    occurredAt: at,
    receivedAt: at,
    orgId: 'org_v',
    source: 'douyin' as const,
    sessionId: 'ses_v',
    platformUserId: viewer,
    properties: {},
  });
  const events = [
    event('e1', 'room.enter', t0, 'a'),
    event('l1', 'room.leave', t0 + 90_000, 'a'),
    event('e2', 'room.enter', t0 + 10_000, 'b'),
    event('l2', 'room.leave', t0 + 11_000, 'b'),
    event('e3', 'room.enter', t0 + 40_000, 'c'),
    event('k1', 'like', t0 + 130_000, 'c'),
  ];

  it('is the same for a leave before its entry and after a redelivery of both', async () => {
    const inOrder = createMemoryLiveState();
    await inOrder.apply(events);
    const reversed = createMemoryLiveState();
    for (const e of [...events].reverse()) await reversed.apply([e]);
    await reversed.apply(events);
    const a = await inOrder.snapshot('org_v', 'ses_v');
    expect(await reversed.snapshot('org_v', 'ses_v')).toEqual(a);
    // a: 90 s, b: 1 s (a bounce), c: open for 90 s up to the like.
    expect(a?.totals).toMatchObject({ pv: 3, totalDwellMs: 181_000, bounces: 1, oneMinuteViews: 2 });
    expect(a?.rates.averageDwellMs.value).toBeCloseTo(181_000 / 3);
  });

  it('says dwell is unknown, not 0 s, when no visit has a known dwell', async () => {
    const state = createMemoryLiveState();
    await state.apply([event('k2', 'like', t0, 'a'), { ...event('l9', 'room.leave', t0 + 1, 'b') }]);
    const snapshot = await state.snapshot('org_v', 'ses_v');
    expect(snapshot?.totals).toMatchObject({
      exits: 1,
      totalDwellMs: null,
      bounces: null,
      oneMinuteViews: null,
    });
    expect(snapshot?.rates.averageDwellMs.value).toBeNull();
    expect(snapshot?.rates.bounceRate2s.value).toBeNull();
    await state.apply(
      [event('l8', 'room.leave', t0 + 2, 'c')].map((e) => ({ ...e, properties: { dwellMs: 500 } })),
    );
    expect((await state.snapshot('org_v', 'ses_v'))?.totals).toMatchObject({ totalDwellMs: 500, bounces: 1 });
  });
});
