import type { Clock } from '@livecloud/core';
import type { Database, Kysely } from '@livecloud/db';
import type {
  AuditRecorder,
  SelectionCatalogue,
  SelectionSales,
  SessionRequirementsSource,
} from './ports.js';
import { createPriceHistoryService } from './price-history.service.js';
import { createPriceObservationRepository } from './price-observation.repository.js';
import { createPriceObservationService } from './price-observation.service.js';
import { defaultWindowDays } from './price-window.js';
import { createScoreService } from './score.service.js';
import { selectionDb } from './selection.tables.js';
import { createShortlistRepository } from './shortlist.repository.js';
import { createShortlistService } from './shortlist.service.js';

export interface SelectionDeps {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditRecorder;
  /** Products, SKUs, categories, approval and stock (commerce's catalogue read model). */
  catalogue: SelectionCatalogue;
  /** Past sessions' results per product (the event store); `{ productResults: async () => [] }` before there is one. */
  sales: SelectionSales;
  /** Sessions and their product-pool requirements (scheduling). */
  sessions: SessionRequirementsSource;
}

/** Selection (选品比价): price observations and history, the lowest-price check, scores, compare and shortlists. */
export function createSelection(deps: SelectionDeps) {
  const db = selectionDb(deps.db);
  const { clock, audit, catalogue, sales } = deps;
  const observations = createPriceObservationRepository(db);
  const scores = createScoreService({ observations, catalogue, sales, sessions: deps.sessions, clock });
  return {
    observations: createPriceObservationService({ observations, catalogue, audit, clock }),
    prices: createPriceHistoryService({ observations, catalogue, sales, clock }),
    scores,
    /** Sessions to select for (scheduling's), for people who may not read the schedule itself. */
    sessions: (orgId: string, range: { from: number; to: number }) => deps.sessions.sessions(orgId, range),
    shortlists: createShortlistService({
      shortlists: createShortlistRepository(db),
      catalogue,
      scores,
      audit,
      clock,
    }),
  };
}
export type Selection = ReturnType<typeof createSelection>;

/** The lowest price of a SKU over a look-back window, in the shape scheduling's line-up check asks for. */
export interface LowestPriceLookup {
  /** By SKU id, one batch for all the items (a SKU nothing was seen for is absent). */
  lowestPrices(
    orgId: string,
    items: readonly { productId: string; skuId: string }[],
  ): Promise<Map<string, { lowestFen: number; source: string; observedAt: string }>>;
  lowestPrice(
    orgId: string,
    productId: string,
    skuId: string,
  ): Promise<{ lowestFen: number; source: string; observedAt: string } | undefined>;
}

/**
 * Scheduling's `LowestPriceProvider`, backed by selection: the lowest price of the last `days`
 * days (default 30) among the SKU's own and whole-product observations and past sessions'
 * paid prices. `source` reads `session:ses_…`, `platform:douyin`, `import:jd` or `manual`.
 */
export function createLowestPriceProvider(
  selection: Pick<Selection, 'prices'>,
  options: { days?: number } = {},
): LowestPriceLookup {
  const days = options.days ?? defaultWindowDays;
  return {
    lowestPrices: (orgId, items) => selection.prices.lowestPrices(orgId, items, days),
    lowestPrice: (orgId, productId, skuId) => selection.prices.lowestPrice(orgId, productId, skuId, days),
  };
}
