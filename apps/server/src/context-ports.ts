import type { Commerce } from '@livecloud/commerce';
import { AppError } from '@livecloud/core';
import type { ForecastCatalogue, ForecastLineups } from '@livecloud/forecast';
import type { CommentModerator, NameLookup } from '@livecloud/live';
import { createModerator, type Moderator } from '@livecloud/risk';
import type { ProductCatalogue, Schedule } from '@livecloud/schedule';
import type { SelectionCatalogue, SessionRequirementsSource } from '@livecloud/selection';

/*
 * The contexts never import each other: each declares the small ports it needs, and these
 * adapters satisfy them from the other contexts' services. One file, so a reader sees every
 * cross-context dependency of the server in one place.
 */

/** undefined for a not-found AppError, so a port can answer "no such record" as its contract says. */
async function orUndefined<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not_found') return undefined;
    throw error;
  }
}

/**
 * The commerce catalogue as line-up validation asks it: approval by the furthest submission
 * status, stock net of allocations. A product never submitted reports status `not_submitted`.
 */
export function lineupCatalogue(commerce: Pick<Commerce, 'catalogue'>): ProductCatalogue {
  return {
    async products(orgId, productIds) {
      return (await commerce.catalogue.products(orgId, productIds)).map((p) => ({
        id: p.id,
        title: p.title,
        approved: p.approved,
        status: p.status ?? 'not_submitted',
        skus: p.skus.map((s) => ({ id: s.id, name: s.spec })),
      }));
    },
    availableStock: (orgId, skuId) => commerce.catalogue.availableStock(orgId, skuId),
  };
}

/** Commerce's catalogue read model is selection's catalogue as it is. */
export function selectionCatalogue(commerce: Pick<Commerce, 'catalogue'>): SelectionCatalogue {
  return {
    products: (orgId, productIds) => commerce.catalogue.products(orgId, productIds),
    list: (orgId, filter) => commerce.catalogue.list(orgId, filter),
  };
}

/** Sessions and their product-pool requirements, from scheduling. */
export function selectionSessions(
  schedule: Pick<Schedule, 'sessions' | 'requirements'>,
): SessionRequirementsSource {
  return {
    async session(orgId, sessionId) {
      const session = await orUndefined(schedule.sessions.get(orgId, sessionId));
      if (!session) return undefined;
      const { id, title, plannedStart, plannedEnd, status } = session;
      return { id, title, plannedStart, plannedEnd, status };
    },
    async sessions(orgId, range) {
      const sessions = await schedule.sessions.list(orgId, range);
      const started = sessions.filter((s) => {
        const start = Date.parse(s.plannedStart);
        return start >= range.from && start < range.to;
      });
      return Promise.all(
        started.map(async (s) => ({
          id: s.id,
          title: s.title,
          plannedStart: s.plannedStart,
          plannedEnd: s.plannedEnd,
          status: s.status,
          roomName: s.room.name,
          requirementCount: (await schedule.requirements.list(orgId, s.id)).length,
        })),
      );
    },
    async requirements(orgId, sessionId) {
      return (await schedule.requirements.list(orgId, sessionId)).map((r) => ({
        id: r.id,
        categories: r.categories,
        priceMinFen: r.priceMinFen,
        priceMaxFen: r.priceMaxFen,
        minMarginBp: r.minMarginBp,
        itemCount: r.count,
        note: r.note,
      }));
    },
  };
}

/** Products and SKUs as the forecast prices them, from the commerce catalogue. */
export function forecastCatalogue(commerce: Pick<Commerce, 'catalogue'>): ForecastCatalogue {
  return {
    async products(orgId, productIds) {
      return (await commerce.catalogue.products(orgId, productIds)).map((p) => ({
        id: p.id,
        title: p.title,
        categoryId: p.categoryId,
        categoryName: p.categoryName,
        categoryPath: p.categoryPath,
        skus: p.skus.map((s) => ({
          id: s.id,
          spec: s.spec,
          livePriceFen: s.livePriceFen,
          costFen: s.costFen,
          commissionBp: s.commissionBp,
          availableStock: s.availableStock,
        })),
      }));
    },
  };
}

/**
 * A session's line-up as the forecast reads it. The session's account id is the one its events
 * carry: the simulator and the platform adapters stamp scheduling's account id on every event.
 */
export function forecastLineups(schedule: Pick<Schedule, 'sessions' | 'lineups'>): ForecastLineups {
  return {
    async lineup(orgId, sessionId) {
      const session = await orUndefined(schedule.sessions.get(orgId, sessionId));
      if (!session) return undefined;
      const lineup = await schedule.lineups.get(orgId, sessionId);
      return {
        session: {
          id: session.id,
          title: session.title,
          accountId: session.account.id,
          platform: session.account.platform,
          plannedStart: session.plannedStart,
          plannedEnd: session.plannedEnd,
        },
        items: lineup.items.map((item) => ({
          id: item.id,
          position: item.position,
          productId: item.productId,
          skuId: item.skuId,
          explainMinutes: item.explainMinutes,
          livePriceFen: item.livePriceFen,
          mechanism: item.mechanism.type,
          stockAllocation: item.stockAllocation,
        })),
      };
    },
  };
}

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
