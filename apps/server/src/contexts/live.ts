import type { Commerce } from '@livecloud/commerce';
import type { Clock, Config, Logger } from '@livecloud/core';
import type { EventStore } from '@livecloud/events';
import {
  openLive as openLiveContext,
  type CommentModerator,
  type Live,
  type ModerationLexiconDto,
  type NameLookup,
  type ScheduledSession,
  type ScheduledSessions,
} from '@livecloud/live';
import { createModerator, defaultAllowList, defaultLexicon, type Moderator } from '@livecloud/risk';
import type { Schedule, SessionDto } from '@livecloud/schedule';

/** Display names of the platform accounts on the big screen, from scheduling's accounts. */
export function boardAccountNames(schedule: Pick<Schedule, 'resources'>): NameLookup {
  return async (orgId, accountIds) => {
    const wanted = new Set(accountIds);
    const accounts = await schedule.resources.listAccounts(orgId, true);
    return new Map(accounts.filter((a) => wanted.has(a.id)).map((a) => [a.id, a.displayName]));
  };
}

function scheduledOf(s: SessionDto): ScheduledSession {
  const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));
  return {
    id: s.id,
    title: s.title,
    status: s.status,
    accountId: s.account.id,
    roomName: s.room.name,
    plannedStart: Date.parse(s.plannedStart),
    plannedEnd: Date.parse(s.plannedEnd),
    actualStart: ms(s.actualStart),
    actualEnd: ms(s.actualEnd),
  };
}

/** Scheduling's sessions and line-ups as the big screen asks them (titles, states, the plan). */
export function boardScheduledSessions(
  schedule: Pick<Schedule, 'sessions' | 'plannedItems'>,
): ScheduledSessions {
  return {
    async byIds(orgId, ids) {
      const found = await schedule.sessions.getMany(orgId, ids);
      return new Map(found.map((s) => [s.id, scheduledOf(s)]));
    },
    async around(orgId, from, to) {
      const [window, live] = await Promise.all([
        schedule.sessions.list(orgId, { from, to }),
        schedule.sessions.liveNow(orgId),
      ]);
      const all = new Map([...window, ...live].map((s) => [s.id, scheduledOf(s)]));
      return [...all.values()];
    },
    lineupOf: (orgId, sessionId) => schedule.plannedItems(orgId, sessionId),
  };
}

/** Product titles for the big screen's leaderboard, from the commerce catalogue. */
export function boardProductTitles(commerce: Pick<Commerce, 'catalogue'>): NameLookup {
  return async (orgId, productIds) =>
    new Map((await commerce.catalogue.products(orgId, productIds)).map((p) => [p.id, p.title]));
}

// Built on first use and shared: the default lexicon is the same for every app in the process,
// and loading the pinyin and Chinese-variant dictionaries takes about 0.1 s.
let defaultModerator: Moderator | undefined;

/** Comment flags for the big screen, from the risk context's default lexicon moderator. */
export function boardCommentModerator(): CommentModerator {
  return (text) => (defaultModerator ??= createModerator()).check(text);
}

/**
 * The lexicon {@link boardCommentModerator} checks against. Organisations have no lexicon of
 * their own yet, so this is the built-in one.
 */
export function boardModerationLexicon(): ModerationLexiconDto {
  return {
    source: 'built_in',
    terms: defaultLexicon.map((t) => ({
      term: t.term,
      category: t.category,
      severity: t.severity,
      // Matching by sound only ever applies to terms of two or more Chinese characters.
      homophone: t.homophone !== false && (t.term.match(/\p{Script=Han}/gu)?.length ?? 0) >= 2,
    })),
    allow: [...defaultAllowList],
  };
}

/**
 * The big screen: live state on Redis when configured, in memory otherwise; product titles from
 * commerce, account names from scheduling, comment flags from risk. `live.attach(bus)` feeds it.
 */
export function openLive(base: {
  config: Config;
  clock: Clock;
  logger: Logger;
  events: EventStore;
  commerce: Pick<Commerce, 'catalogue'>;
  schedule: Pick<Schedule, 'resources' | 'sessions' | 'plannedItems'>;
}): Live {
  return openLiveContext({
    redisUrl: base.config.redisUrl,
    redisKeyPrefix: base.config.redisKeyPrefix,
    events: base.events,
    clock: base.clock,
    logger: base.logger,
    productTitles: boardProductTitles(base.commerce),
    accountNames: boardAccountNames(base.schedule),
    scheduled: boardScheduledSessions(base.schedule),
    moderateComment: boardCommentModerator(),
    lexicon: boardModerationLexicon,
    streamRecheckMs: base.config.streamRecheckMs,
  });
}
