import type { StoredEvent } from '@livecloud/events';
import {
  counterFields,
  effectsOf,
  explainingOf,
  isLiveEvent,
  minuteFields,
  productFields,
  type CounterField,
  type LiveOp,
  type MinuteField,
  type ProductField,
} from './live-effects.js';
import { createHashedIdSet, type HashedIdSet } from './hashed-id-set.js';
import { groupBySession, type ApplyResult, type LiveStateStore } from './live-state.js';
import type { CommentRow, LiveSnapshot } from './live-snapshot.schema.js';
import { snapshotFromTallies, zeroes } from './live-tallies.js';
import { commentStreamLength, compareBytes, compareComments } from './metric-dictionary.js';
import { emptyDwellTally, insertEdge, tallyClosed, visitsOf, type RoomEdge } from './viewer-visits.js';

interface SessionState {
  /** Event ids applied, for idempotence; hashed, since a long session has millions. */
  applied: HashedIdSet;
  accountId: string | null;
  counters: Record<CounterField, number>;
  viewers: HashedIdSet;
  buyers: HashedIdSet;
  /** Each viewer's room.enter and room.leave, sorted, to recount the viewer's visits. */
  edges: Map<string, RoomEdge[]>;
  /** Entry time of each viewer's open visit. */
  open: Map<string, number>;
  firstAt: number | null;
  lastAt: number | null;
  minutes: Map<number, Record<MinuteField, number>>;
  /** Net entries per epoch second. */
  seconds: Map<number, number>;
  sources: Map<string, number>;
  products: Map<string, Record<ProductField, number>>;
  comments: CommentRow[];
  latestStart: { at: number; id: string; productId: string } | undefined;
  /** Latest explain.end per product ('' for ends that name none). */
  ends: Map<string, number>;
}

function emptySession(): SessionState {
  return {
    applied: createHashedIdSet(),
    accountId: null,
    counters: zeroes(counterFields),
    viewers: createHashedIdSet(),
    buyers: createHashedIdSet(),
    edges: new Map(),
    open: new Map(),
    firstAt: null,
    lastAt: null,
    minutes: new Map(),
    seconds: new Map(),
    sources: new Map(),
    products: new Map(),
    comments: [],
    latestStart: undefined,
    ends: new Map(),
  };
}

/** Recounts the viewer's visits with one more edge and applies the difference to the counters. */
function applyVisit(s: SessionState, op: Extract<LiveOp, { kind: 'visit' }>): void {
  let edges = s.edges.get(op.viewer);
  if (edges === undefined) {
    edges = [];
    s.edges.set(op.viewer, edges);
  }
  const before = visitsOf(edges);
  insertEdge(edges, { at: op.at, leave: op.leave, dwellMs: op.dwellMs });
  const after = visitsOf(edges);
  const change = emptyDwellTally();
  tallyClosed(change, before.closed, -1);
  tallyClosed(change, after.closed, 1);
  s.counters.visits += change.visits;
  s.counters.dwellMs += change.dwellMs;
  s.counters.bounces += change.bounces;
  s.counters.oneMin += change.oneMinuteViews;
  for (const [minute, by] of change.oneMinuteByMinute)
    if (by !== 0) applyOp(s, { kind: 'minute', field: 'oneMin', minute, by });
  if (after.openAt === null) s.open.delete(op.viewer);
  else s.open.set(op.viewer, after.openAt);
}

function applyOp(s: SessionState, op: LiveOp): void {
  switch (op.kind) {
    case 'counter':
      s.counters[op.field] += op.by;
      break;
    case 'minute': {
      let bucket = s.minutes.get(op.minute);
      if (bucket === undefined) {
        bucket = zeroes(minuteFields);
        s.minutes.set(op.minute, bucket);
      }
      bucket[op.field] += op.by;
      break;
    }
    case 'product': {
      let row = s.products.get(op.productId);
      if (row === undefined) {
        row = zeroes(productFields);
        s.products.set(op.productId, row);
      }
      row[op.field] += op.by;
      break;
    }
    case 'source':
      s.sources.set(op.source, (s.sources.get(op.source) ?? 0) + 1);
      break;
    case 'online':
      s.seconds.set(op.second, (s.seconds.get(op.second) ?? 0) + op.by);
      break;
    case 'viewer':
      s.viewers.add(op.viewer);
      break;
    case 'visit':
      applyVisit(s, op);
      break;
    case 'buyer':
      s.buyers.add(op.viewer);
      break;
    case 'activity':
      s.firstAt = s.firstAt === null ? op.at : Math.min(s.firstAt, op.at);
      s.lastAt = s.lastAt === null ? op.at : Math.max(s.lastAt, op.at);
      break;
    case 'account':
      s.accountId ??= op.accountId;
      break;
    case 'comment':
      s.comments.push({
        id: op.id,
        viewerId: op.viewerId,
        nickname: op.nickname,
        text: op.text,
        occurredAt: op.at,
      });
      // Trim in bulk so a long stream costs a sort per 50 comments, not per comment.
      if (s.comments.length >= commentStreamLength * 2)
        s.comments = s.comments.sort(compareComments).slice(0, commentStreamLength);
      break;
    case 'explainStart': {
      const latest = s.latestStart;
      if (
        latest === undefined ||
        op.at > latest.at ||
        (op.at === latest.at && compareBytes(op.id, latest.id) > 0)
      ) {
        s.latestStart = { at: op.at, id: op.id, productId: op.productId };
      }
      break;
    }
    case 'explainEnd':
      s.ends.set(op.productId, Math.max(s.ends.get(op.productId) ?? op.at, op.at));
      break;
  }
}

/** Peak online: the largest running net entries at the end of any second, never below 0. */
function peakOnline(seconds: ReadonlyMap<number, number>): number {
  let running = 0;
  let peak = 0;
  for (const second of [...seconds.keys()].sort((a, b) => a - b)) {
    running += seconds.get(second) ?? 0;
    peak = Math.max(peak, running);
  }
  return peak;
}

/**
 * The embedded live state: plain Maps in this process. Exact, idempotent and order-independent
 * like the Redis store, but one process's view only; use Redis when several processes serve
 * the big screen.
 */
export function createMemoryLiveState(): LiveStateStore {
  const sessions = new Map<string, SessionState>();
  const keyOf = (orgId: string, sessionId: string): string => `${orgId}\u0000${sessionId}`;

  return {
    engine: 'memory',

    async apply(events: readonly StoredEvent[]): Promise<ApplyResult> {
      const live = events.filter(isLiveEvent);
      const result: ApplyResult = {
        applied: 0,
        duplicates: 0,
        ignored: events.length - live.length,
        sessions: [],
      };
      for (const group of groupBySession(live)) {
        const key = keyOf(group.orgId, group.sessionId);
        let state = sessions.get(key);
        if (state === undefined) {
          state = emptySession();
          sessions.set(key, state);
        }
        let changed = false;
        for (const event of group.events) {
          if (!state.applied.add(event.id)) {
            result.duplicates++;
            continue;
          }
          for (const op of effectsOf(event)) applyOp(state, op);
          result.applied++;
          changed = true;
        }
        if (changed) result.sessions.push({ orgId: group.orgId, sessionId: group.sessionId });
      }
      return result;
    },

    async snapshot(orgId: string, sessionId: string): Promise<LiveSnapshot | null> {
      const s = sessions.get(keyOf(orgId, sessionId));
      if (s === undefined || s.counters.events === 0) return null;
      return snapshotFromTallies({
        sessionId,
        accountId: s.accountId,
        counters: s.counters,
        uv: s.viewers.size,
        buyers: s.buyers.size,
        firstAt: s.firstAt,
        lastAt: s.lastAt,
        peakOnline: peakOnline(s.seconds),
        openVisits: s.open.values(),
        minutes: s.minutes,
        sources: s.sources,
        products: s.products,
        comments: s.comments,
        explaining: explainingOf(s.latestStart, (productId) => s.ends.get(productId)),
      });
    },

    async eventCount(orgId: string, sessionId: string): Promise<number> {
      return sessions.get(keyOf(orgId, sessionId))?.counters.events ?? 0;
    },

    async drop(orgId: string, sessionId: string): Promise<void> {
      sessions.delete(keyOf(orgId, sessionId));
    },

    async health() {
      return { ok: true, latencyMs: 0 };
    },

    async close(): Promise<void> {
      sessions.clear();
    },
  };
}
