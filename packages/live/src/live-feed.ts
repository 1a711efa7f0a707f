import type { Logger } from '@livecloud/core';
import type { LiveBoardService } from './live-board.service.js';
import type { SessionRef } from './live-state.js';

/** What a stream subscriber receives: a new board (as JSON text), or a sign of life. */
export type LiveFrame = { kind: 'board'; json: string } | { kind: 'heartbeat'; at: number };

export interface LiveFeedSubscriber {
  frame(frame: LiveFrame): void;
  /** The feed is shutting down; end the stream. */
  end(): void;
}

export interface LiveFeedOptions {
  board: LiveBoardService;
  logger?: Logger;
  /** Longest time between two frames; default 1,000 ms. */
  intervalMs?: number;
  /** Delay that gathers a burst of changes into one push; default 50 ms. */
  coalesceMs?: number;
}

/** Pushes boards to open streams: one read per watched session per tick, fanned out to all its streams. */
export interface LiveFeed {
  subscribe(orgId: string, sessionId: string, subscriber: LiveFeedSubscriber): () => void;
  /** Sessions whose state just changed in this process: push them now rather than at the next tick. */
  notify(sessions: readonly SessionRef[]): void;
  /** Open streams right now. */
  streams(): number;
  /** Ends every stream and stops every timer. */
  close(): void;
}

interface Watch {
  orgId: string;
  sessionId: string;
  subscribers: Set<LiveFeedSubscriber>;
  /** The last board sent, without asOf (to see change) and whole (for newcomers). */
  last: string | undefined;
  lastJson: string | undefined;
  timer: NodeJS.Timeout | undefined;
  dueAt: number;
  reading: boolean;
  again: boolean;
}

/**
 * At least once per interval every stream gets a frame: the board when it changed since the
 * last one sent, otherwise a heartbeat. A change made in this process is pushed within
 * `coalesceMs`; one made by another process (shared Redis) at the next tick.
 */
export function createLiveFeed(options: LiveFeedOptions): LiveFeed {
  const intervalMs = options.intervalMs ?? 1_000;
  const coalesceMs = options.coalesceMs ?? 50;
  const watches = new Map<string, Watch>();
  let closed = false;
  const keyOf = (orgId: string, sessionId: string): string => `${orgId}\u0000${sessionId}`;

  const schedule = (watch: Watch, delayMs: number): void => {
    if (closed || watch.subscribers.size === 0) return;
    const dueAt = Date.now() + delayMs;
    // Never postpone a read already due sooner, or a steady trickle of changes would starve it.
    if (watch.timer !== undefined && watch.dueAt <= dueAt) return;
    if (watch.timer !== undefined) clearTimeout(watch.timer);
    watch.dueAt = dueAt;
    watch.timer = setTimeout(() => void tick(watch), delayMs);
    watch.timer.unref();
  };

  const send = (watch: Watch, frame: LiveFrame): void => {
    for (const subscriber of watch.subscribers) subscriber.frame(frame);
  };

  const tick = async (watch: Watch): Promise<void> => {
    watch.timer = undefined;
    if (watch.reading) {
      watch.again = true;
      return;
    }
    watch.reading = true;
    try {
      const { asOf, ...rest } = await options.board.get(watch.orgId, watch.sessionId);
      if (closed) return;
      // asOf changes every read; compare the rest so an unchanged board is not resent.
      const content = JSON.stringify(rest);
      if (content !== watch.last) {
        const json = `{"asOf":${asOf},${content.slice(1)}`;
        watch.last = content;
        watch.lastJson = json;
        send(watch, { kind: 'board', json });
      } else {
        send(watch, { kind: 'heartbeat', at: Date.now() });
      }
    } catch (error) {
      options.logger?.warn(
        { err: error, sessionId: watch.sessionId },
        'live board read failed; streams keep their last board',
      );
      send(watch, { kind: 'heartbeat', at: Date.now() });
    } finally {
      watch.reading = false;
      const soon = watch.again;
      watch.again = false;
      schedule(watch, soon ? 0 : intervalMs);
    }
  };

  return {
    subscribe(orgId, sessionId, subscriber) {
      if (closed) {
        subscriber.end();
        return () => undefined;
      }
      const key = keyOf(orgId, sessionId);
      let watch = watches.get(key);
      if (watch === undefined) {
        watch = {
          orgId,
          sessionId,
          subscribers: new Set(),
          last: undefined,
          lastJson: undefined,
          timer: undefined,
          dueAt: 0,
          reading: false,
          again: false,
        };
        watches.set(key, watch);
      }
      const joined = watch;
      joined.subscribers.add(subscriber);
      if (joined.lastJson !== undefined) subscriber.frame({ kind: 'board', json: joined.lastJson });
      else schedule(joined, 0);
      return () => {
        joined.subscribers.delete(subscriber);
        if (joined.subscribers.size === 0) {
          if (joined.timer !== undefined) clearTimeout(joined.timer);
          joined.timer = undefined;
          watches.delete(key);
        }
      };
    },

    notify(sessions) {
      for (const ref of sessions) {
        const watch = watches.get(keyOf(ref.orgId, ref.sessionId));
        if (watch !== undefined && !watch.reading) schedule(watch, coalesceMs);
        else if (watch !== undefined) watch.again = true;
      }
    },

    streams() {
      let open = 0;
      for (const watch of watches.values()) open += watch.subscribers.size;
      return open;
    },

    close() {
      closed = true;
      for (const watch of watches.values()) {
        if (watch.timer !== undefined) clearTimeout(watch.timer);
        for (const subscriber of watch.subscribers) subscriber.end();
        watch.subscribers.clear();
      }
      watches.clear();
    },
  };
}
