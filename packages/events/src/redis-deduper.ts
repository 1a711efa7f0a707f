import { randomBytes } from 'node:crypto';
import type { Logger } from '@livecloud/core';
import type { Redis } from 'ioredis';
import { windowFrom, type Deduper, type StoredIdLookup, type WindowOptions } from './deduper.js';
import { windowKey } from './dedupe-window.js';

// One round trip per batch: SET NX each id as pending; where it exists, report its state.
const claimScript = `
local out = {}
for i, key in ipairs(KEYS) do
  if redis.call('SET', key, ARGV[1], 'NX', 'PX', ARGV[2]) then
    out[i] = 1
  else
    local v = redis.call('GET', key)
    if v == 'done' then out[i] = 0 else out[i] = 2 end
  end
end
return out`;

// Releases only our own pending claims, never another process's or a committed id.
const releaseScript = `
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then redis.call('DEL', key) end
end
return 0`;

export interface RedisDeduperOptions extends WindowOptions {
  redis: Redis;
  /** Key prefix; tests pass a unique one. */
  keyPrefix: string;
  /** How long a stored id is remembered in Redis. */
  ttlMs: number;
  /** How long a claim may stay pending (a crashed process's claim lapses after this). */
  pendingTtlMs?: number;
  /** Asked when Redis is unreachable, and for ids another process holds as pending. */
  lookup: StoredIdLookup;
  logger?: Logger;
}

/**
 * De-duplication shared by every server process: the window first, then one Redis script
 * that SETs each remaining id NX with a TTL. An id another process holds as *pending* (being
 * stored, or orphaned by a crash) is checked against the event store instead of being
 * presumed stored, so a crash between claim and insert can never lose the retried event.
 * When Redis is down the store check stands in for it: slower, still correct.
 */
export function createRedisDeduper(options: RedisDeduperOptions): Deduper {
  const window = windowFrom(options);
  const { redis, clock, lookup } = options;
  const token = `pending:${randomBytes(8).toString('hex')}`;
  const pendingTtlMs = options.pendingTtlMs ?? 60_000;
  // Hash tag on the org: one batch's keys share a cluster slot, so one script may touch them all.
  const keyOf = (orgId: string, id: string): string => `${options.keyPrefix}:dedupe:{${orgId}}:${id}`;
  const log = options.logger?.child({ component: 'redis-deduper' });

  const storedCheck = async (orgId: string, ids: string[], now: number): Promise<Set<string>> => {
    const stored = await lookup(orgId, ids);
    for (const id of stored) window.markDone(windowKey(orgId, id), now);
    return new Set(ids.filter((id) => !stored.has(id)));
  };

  return {
    kind: 'redis',
    async claim(orgId, ids) {
      const now = clock.now();
      const claimed = ids.filter((id) => window.claim(windowKey(orgId, id), now));
      if (claimed.length === 0) return new Set();
      try {
        let states: unknown;
        try {
          states = await redis.eval(
            claimScript,
            claimed.length,
            ...claimed.map((id) => keyOf(orgId, id)),
            token,
            pendingTtlMs,
          );
        } catch (error) {
          log?.warn({ err: error }, 'redis unavailable for de-duplication; checking the event store instead');
          return await storedCheck(orgId, claimed, now);
        }
        const list = Array.isArray(states) ? (states as unknown[]) : [];
        const fresh = new Set<string>();
        const inFlightElsewhere: string[] = [];
        claimed.forEach((id, i) => {
          const state = list[i];
          if (state === 1) fresh.add(id);
          else if (state === 0) window.markDone(windowKey(orgId, id), now);
          else inFlightElsewhere.push(id);
        });
        if (inFlightElsewhere.length > 0) {
          for (const id of await storedCheck(orgId, inFlightElsewhere, now)) fresh.add(id);
        }
        return fresh;
      } catch (error) {
        for (const id of claimed) window.forget(windowKey(orgId, id));
        throw error;
      }
    },
    async commit(orgId, ids) {
      const now = clock.now();
      for (const id of ids) window.markDone(windowKey(orgId, id), now);
      if (ids.length === 0) return;
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.set(keyOf(orgId, id), 'done', 'PX', options.ttlMs);
      try {
        await pipeline.exec();
      } catch (error) {
        // The events are stored; a later retry will be caught by the store check instead.
        log?.warn({ err: error }, 'could not record stored ids in redis');
      }
    },
    async release(orgId, ids) {
      for (const id of ids) window.forget(windowKey(orgId, id));
      if (ids.length === 0) return;
      try {
        await redis.eval(releaseScript, ids.length, ...ids.map((id) => keyOf(orgId, id)), token);
      } catch (error) {
        log?.warn(
          { err: error },
          'could not release de-duplication claims in redis; they lapse on their own',
        );
      }
    },
  };
}
