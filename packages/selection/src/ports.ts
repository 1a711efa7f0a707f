/** The audit log's port, as access defines it for every context. */
export type { AuditRecorder } from '@livecloud/access';
import type { SalesHistory } from '@livecloud/analytics';

/**
 * What selection needs from other contexts, as small interfaces the server composition
 * satisfies. Selection never imports commerce, scheduling or the event store: it only asks these.
 * Past sessions' sales come as the records of @livecloud/analytics, the event store's read side.
 */

/** One SKU of a catalogue product, with the money in fen and the commission in basis points. */
export interface CatalogueSku {
  id: string;
  spec: string;
  listPriceFen: number;
  livePriceFen: number;
  costFen: number;
  commissionBp: number;
  availableStock: number;
}

/** A product as the commerce catalogue reports it. */
export interface CatalogueEntry {
  id: string;
  title: string;
  merchantId: string;
  merchantName: string;
  categoryId: string;
  categoryName: string;
  /** The category and all its ancestors, nearest first (a requirement on 美妆 covers 护肤). */
  categoryPath: string[];
  /** The names along `categoryPath`, nearest first; a requirement names categories by id or name. */
  categoryNames: string[];
  brand: string | null;
  /** The product's most advanced submission status, or null when never submitted. */
  status: string | null;
  /** Whether selection and QC approved it: status approved or warehoused. */
  approved: boolean;
  skus: CatalogueSku[];
}

/** The commerce catalogue (commerce's `catalogue` read model satisfies it). */
export interface SelectionCatalogue {
  /** The products with these ids in the organisation; unknown ids are simply absent. */
  products(orgId: string, productIds: readonly string[]): Promise<CatalogueEntry[]>;
  /** The organisation's products, optionally of one category (and below) or approved only. */
  list(
    orgId: string,
    filter?: { categoryId?: string; approvedOnly?: boolean; limit?: number },
  ): Promise<CatalogueEntry[]>;
}

/** Past sessions' results per product: the part of analytics' sales history selection reads. */
export type SelectionSales = Pick<SalesHistory, 'productResults'>;

/** A live session as selection sees it. */
export interface SelectionSession {
  id: string;
  title: string;
  plannedStart: string;
  plannedEnd: string;
  status: string;
}

/** One product-pool requirement of a session (选品需求). */
export interface SessionRequirement {
  id: string;
  /** Category ids; a product matches when one of them is its category or an ancestor of it. */
  categories: string[];
  priceMinFen: number | null;
  priceMaxFen: number | null;
  minMarginBp: number | null;
  itemCount: number;
  note: string | null;
}

/** A session as the selection page lists it to choose from. */
export interface SelectableSession extends SelectionSession {
  roomName: string;
  requirementCount: number;
}

/** A live session's product-pool requirements (schedule context). */
export interface SessionRequirementsSource {
  session(orgId: string, sessionId: string): Promise<SelectionSession | undefined>;
  /** Sessions planned to start in [from, to) (epoch ms, at most 93 days apart), by start. */
  sessions(orgId: string, range: { from: number; to: number }): Promise<SelectableSession[]>;
  requirements(orgId: string, sessionId: string): Promise<SessionRequirement[]>;
}
