import type { SalesHistory } from '@livecloud/analytics';
import type { Commerce } from '@livecloud/commerce';
import type { Clock } from '@livecloud/core';
import {
  createForecast,
  type Forecast,
  type ForecastCatalogue,
  type ForecastLineups,
} from '@livecloud/forecast';
import { mechanismCostOf, type Schedule } from '@livecloud/schedule';
import { orUndefined } from './not-found.js';

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
        approved: p.approved,
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
          mechanismCost: mechanismCostOf(item.livePriceFen, item.mechanism),
        })),
      };
    },
  };
}

/** The line-up forecast (商品模拟), learned from past sessions' sales, pricing commerce's catalogue. */
export function openForecast(feeds: {
  clock: Clock;
  commerce: Pick<Commerce, 'catalogue'>;
  schedule: Pick<Schedule, 'sessions' | 'lineups'>;
  sales: SalesHistory;
}): Forecast {
  return createForecast({
    history: feeds.sales,
    catalogue: forecastCatalogue(feeds.commerce),
    lineups: forecastLineups(feeds.schedule),
    clock: feeds.clock,
  });
}
