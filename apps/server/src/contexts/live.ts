import type { Commerce } from '@livecloud/commerce';
import type { Clock, Config, Logger } from '@livecloud/core';
import type { EventStore } from '@livecloud/events';
import {
  openLive as openLiveContext,
  type CommentModerator,
  type Live,
  type NameLookup,
} from '@livecloud/live';
import { createModerator, type Moderator } from '@livecloud/risk';
import type { Schedule } from '@livecloud/schedule';

/** Display names of the platform accounts on the big screen, from scheduling's accounts. */
export function boardAccountNames(schedule: Pick<Schedule, 'resources'>): NameLookup {
  return async (orgId, accountIds) => {
    const wanted = new Set(accountIds);
    const accounts = await schedule.resources.listAccounts(orgId, true);
    return new Map(accounts.filter((a) => wanted.has(a.id)).map((a) => [a.id, a.displayName]));
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
 * The big screen: live state on Redis when configured, in memory otherwise; product titles from
 * commerce, account names from scheduling, comment flags from risk. `live.attach(bus)` feeds it.
 */
export function openLive(base: {
  config: Config;
  clock: Clock;
  logger: Logger;
  events: EventStore;
  commerce: Pick<Commerce, 'catalogue'>;
  schedule: Pick<Schedule, 'resources'>;
}): Live {
  return openLiveContext({
    redisUrl: base.config.redisUrl,
    redisKeyPrefix: base.config.redisKeyPrefix,
    events: base.events,
    clock: base.clock,
    logger: base.logger,
    productTitles: boardProductTitles(base.commerce),
    accountNames: boardAccountNames(base.schedule),
    moderateComment: boardCommentModerator(),
    streamRecheckMs: base.config.streamRecheckMs,
  });
}
