import { createHash } from 'node:crypto';
import type { Logger } from '@livecloud/core';
import type { StoredEvent } from '@livecloud/events';
import { Redis } from 'ioredis';
import { z } from 'zod';
import {
  counterFields,
  effectsOf,
  explainingOf,
  isLiveEvent,
  minuteFields,
  productFields,
  type LiveOp,
  type MinuteField,
  type ProductField,
} from './live-effects.js';
import { groupBySession, type ApplyResult, type LiveStateStore } from './live-state.js';
import type { CommentRow, LiveSnapshot } from './live-snapshot.schema.js';
import { snapshotFromTallies, zeroes } from './live-tallies.js';
import { commentStreamLength } from './metric-dictionary.js';
import { applyScript, sessionKeyNames, type SessionKeyName } from './redis-live-apply.lua.js';

/** Options for {@link createRedisLiveState}. */
export interface RedisLiveStateOptions {
  /** A Redis URL (`redis://host:6379/0`); the store then owns the connection and closes it. */
  url?: string;
  /** Or a connection the caller owns. */
  redis?: Redis;
  /** Prefix of every key, so tests and tenants of one Redis stay apart. */
  keyPrefix?: string;
  /** How long a session's state lives after its last new event. */
  ttlSeconds?: number;
  /** Largest number of events one script call applies; larger batches are split. */
  maxEventsPerCall?: number;
  logger?: Logger;
}

const defaultTtlSeconds = 7 * 24 * 3600;
const scriptSha = createHash('sha1').update(applyScript).digest('hex');

type CompactOp = string[];

// Numbers travel as decimal strings: see the script's header.
function compact(op: LiveOp): CompactOp {
  switch (op.kind) {
    case 'counter':
      return ['c', op.field, String(op.by)];
    case 'minute':
      return ['m', op.field, String(op.minute), String(op.by)];
    case 'product':
      return ['p', op.field, op.productId, String(op.by)];
    case 'source':
      return ['s', op.source];
    case 'online':
      return ['o', String(op.second), String(op.by)];
    case 'viewer':
      return ['v', op.viewer];
    case 'visit':
      return [
        'vi',
        op.viewer,
        String(op.at),
        op.leave ? '1' : '0',
        op.dwellMs === null ? '' : String(op.dwellMs),
      ];
    case 'buyer':
      return ['b', op.viewer];
    case 'activity':
      return ['a', String(op.at)];
    case 'account':
      return ['acc', op.accountId];
    case 'comment':
      return [
        'cm',
        op.id,
        String(op.at),
        JSON.stringify({ viewerId: op.viewerId, nickname: op.nickname, text: op.text }),
      ];
    case 'explainStart':
      return ['es', op.id, String(op.at), op.productId];
    case 'explainEnd':
      return ['ee', op.productId, String(op.at)];
  }
}

const storedComment = z.object({ viewerId: z.string(), nickname: z.string().nullable(), text: z.string() });
const applyReply = z.tuple([z.number(), z.number()]);

function int(value: string | undefined): number {
  const n = value === undefined ? 0 : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`live state holds ${value}, not an integer`);
  return n;
}

/** Splits `metric:rest` hash fields into per-key records of the given metrics. */
function byKey<F extends string>(
  hash: Record<string, string>,
  fields: readonly F[],
): Map<string, Record<F, number>> {
  const out = new Map<string, Record<F, number>>();
  const known: ReadonlySet<string> = new Set(fields);
  for (const [field, value] of Object.entries(hash)) {
    const cut = field.indexOf(':');
    const metric = field.slice(0, cut);
    if (cut < 0 || !known.has(metric)) continue;
    const key = field.slice(cut + 1);
    let row = out.get(key);
    if (row === undefined) {
      row = zeroes(fields);
      out.set(key, row);
    }
    row[metric as F] = int(value);
  }
  return out;
}

/** Peak online from per-minute net entries and each minute's highest running net entries. */
function peakOnline(
  minutes: ReadonlyMap<string, Record<MinuteField, number>>,
  secmax: Record<string, string>,
): number {
  let running = 0;
  let peak = 0;
  const ordered = Object.keys(secmax)
    .map(Number)
    .sort((a, b) => a - b);
  for (const minute of ordered) {
    peak = Math.max(peak, running + int(secmax[String(minute)]));
    const m = minutes.get(String(minute));
    running += (m?.entries ?? 0) - (m?.exits ?? 0);
  }
  return peak;
}

/**
 * The live state on Redis: several server processes sharing one Redis see one view. Exact
 * counts (sets, not HyperLogLog), applied atomically per batch by one Lua script that skips
 * event ids it has already counted.
 */
export function createRedisLiveState(options: RedisLiveStateOptions): LiveStateStore {
  const owned = options.redis === undefined;
  const redis =
    options.redis ??
    new Redis(options.url ?? 'redis://127.0.0.1:6379', {
      maxRetriesPerRequest: 3,
      connectionName: 'livecloud-live',
    });
  // Without a listener ioredis prints reconnect errors itself; a failed command still throws
  // to its caller, so the bus redelivers and the board answers 5xx until Redis is back.
  if (owned)
    redis.on('error', (error: unknown) =>
      options.logger?.warn({ err: error }, 'live state: redis connection error'),
    );
  const prefix = options.keyPrefix ?? 'lc:live:';
  const ttl = options.ttlSeconds ?? defaultTtlSeconds;
  const perCall = options.maxEventsPerCall ?? 500;

  const keysOf = (orgId: string, sessionId: string): Record<SessionKeyName, string> => {
    // The hash tag keeps one session's keys in one cluster slot; encoding keeps free-text
    // ids from forging another session's tag or key.
    const tag = `{${encodeURIComponent(orgId)}|${encodeURIComponent(sessionId)}}`;
    return Object.fromEntries(sessionKeyNames.map((name) => [name, `${prefix}${tag}:${name}`])) as Record<
      SessionKeyName,
      string
    >;
  };

  const runScript = async (keys: string[], args: string[]): Promise<unknown> => {
    try {
      return await redis.evalsha(scriptSha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.includes('NOSCRIPT')) throw error;
      return redis.eval(applyScript, keys.length, ...keys, ...args);
    }
  };

  return {
    engine: 'redis',

    async apply(events: readonly StoredEvent[]): Promise<ApplyResult> {
      const live = events.filter(isLiveEvent);
      const result: ApplyResult = {
        applied: 0,
        duplicates: 0,
        ignored: events.length - live.length,
        sessions: [],
      };
      for (const group of groupBySession(live)) {
        const keys = Object.values(keysOf(group.orgId, group.sessionId));
        let changed = false;
        for (let i = 0; i < group.events.length; i += perCall) {
          const batch = group.events
            .slice(i, i + perCall)
            .map((event) => ({ id: event.id, ops: effectsOf(event).map(compact) }));
          const [applied, duplicates] = applyReply.parse(
            await runScript(keys, [String(ttl), String(commentStreamLength), JSON.stringify(batch)]),
          );
          result.applied += applied;
          result.duplicates += duplicates;
          changed ||= applied > 0;
        }
        if (changed) result.sessions.push({ orgId: group.orgId, sessionId: group.sessionId });
      }
      return result;
    },

    async snapshot(orgId: string, sessionId: string): Promise<LiveSnapshot | null> {
      const k = keysOf(orgId, sessionId);
      // One MULTI so that the snapshot is one point in time, never half of a batch.
      const replies = await redis
        .multi()
        .hgetall(k.c)
        .scard(k.viewers)
        .scard(k.buyers)
        .hgetall(k.m)
        .hgetall(k.secmax)
        .hgetall(k.src)
        .hgetall(k.prod)
        .zrevrange(k.cm, 0, commentStreamLength - 1, 'WITHSCORES')
        .hgetall(k.cmd)
        .zrevrange(k.exs, 0, 0, 'WITHSCORES')
        .hgetall(k.exsp)
        .hgetall(k.exe)
        .hvals(k.open)
        .exec();
      if (replies === null) throw new Error('live state read was aborted');
      const values = replies.map(([error, value]) => {
        if (error) throw error;
        return value;
      });
      const hash = (i: number): Record<string, string> => z.record(z.string(), z.string()).parse(values[i]);
      const list = (i: number): string[] => z.array(z.string()).parse(values[i]);
      const num = (i: number): number => z.number().parse(values[i]);

      const c = hash(0);
      if (int(c['events']) === 0) return null;
      const counters = zeroes(counterFields);
      for (const field of counterFields) counters[field] = int(c[field]);
      const minutesByText = byKey(hash(3), minuteFields);
      const minutes = new Map<number, Record<MinuteField, number>>();
      for (const [minute, row] of minutesByText) minutes.set(Number(minute), row);
      const commentData = hash(8);
      const commentIds = list(7);
      const comments: CommentRow[] = [];
      for (let i = 0; i + 1 < commentIds.length; i += 2) {
        const id = commentIds[i] ?? '';
        const data = commentData[id];
        if (data === undefined) continue;
        comments.push({ id, occurredAt: int(commentIds[i + 1]), ...storedComment.parse(JSON.parse(data)) });
      }
      const start = list(9);
      const startProducts = hash(10);
      const ends = hash(11);
      const startId = start[0];
      const startProduct = startId === undefined ? undefined : startProducts[startId];
      const latestStart =
        startId !== undefined && startProduct !== undefined
          ? { at: int(start[1]), productId: startProduct }
          : undefined;
      const firstAt = c['firstAt'];
      const lastAt = c['lastAt'];
      return snapshotFromTallies({
        sessionId,
        accountId: c['accountId'] ?? null,
        counters,
        uv: num(1),
        buyers: num(2),
        firstAt: firstAt === undefined ? null : int(firstAt),
        lastAt: lastAt === undefined ? null : int(lastAt),
        peakOnline: peakOnline(minutesByText, hash(4)),
        openVisits: list(12).map(int),
        minutes,
        sources: new Map(Object.entries(hash(5)).map(([source, n]) => [source, int(n)])),
        products: byKey<ProductField>(hash(6), productFields),
        comments,
        explaining: explainingOf(latestStart, (productId) =>
          ends[productId] === undefined ? undefined : int(ends[productId]),
        ),
      });
    },

    async eventCount(orgId: string, sessionId: string): Promise<number> {
      return int((await redis.hget(keysOf(orgId, sessionId).c, 'events')) ?? undefined);
    },

    async drop(orgId: string, sessionId: string): Promise<void> {
      await redis.del(...Object.values(keysOf(orgId, sessionId)));
    },

    async health() {
      const started = performance.now();
      try {
        await redis.ping();
        return { ok: true, latencyMs: Math.round(performance.now() - started) };
      } catch (error) {
        return {
          ok: false,
          latencyMs: Math.round(performance.now() - started),
          error: error instanceof Error ? error.message : String(error),
        };
      }
    },

    async close(): Promise<void> {
      if (owned && redis.status !== 'end') await redis.quit();
    },
  };
}
