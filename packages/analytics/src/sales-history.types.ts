/** Which past sessions to read: by when they started (epoch ms, `until` exclusive) and, for products, which. */
export interface HistoryFilter {
  productIds?: readonly string[] | undefined;
  since?: number | undefined;
  until?: number | undefined;
}

/**
 * One product in one past session, counted from the event store (SPEC §4 definitions). Selection
 * and the forecast read these fields, so their names and meanings are fixed.
 */
export interface ProductSalesRecord {
  sessionId: string;
  productId: string;
  /** The SKU the product sold under (the smallest id when several); '' when no event named one. */
  skuId: string;
  /** Epoch ms of the session's first event. */
  startedAt: number;
  /** The platform account of the session ('' when its events name none). */
  accountId: string;
  /** The events' source: the platform, the SDK or the simulator. */
  source: string;
  /** Seconds on screen: each explain.start of the product until the session's next explain event. */
  explainSeconds: number;
  /** explain.start events of the product (a re-feature, 返场, counts again). */
  explainSegments: number;
  impressions: number;
  clicks: number;
  paidOrders: number;
  /** Units paid for: Σ properties.quantity of order.pay (1 when an event has none). */
  units: number;
  /** GMV: Σ amountFen of order.pay. */
  gmvFen: number;
  /** Σ amountFen of order.refund, whenever the refund came. */
  refundFen: number;
  /** Distinct orders with a refund. */
  refundedOrders: number;
  /** Lowest unit price paid (properties.unitPriceFen, else amountFen ÷ quantity); null without a payment. */
  minUnitPriceFen: number | null;
  /** Price the anchor announced (explain.start properties.priceFen), when the source reports it. */
  listedPriceFen: number | null;
  /** Mechanism of the first explain.start (properties.mechanism), when the source reports it. */
  mechanism: string | null;
}

/** One past session as a whole: its traffic and its takings. */
export interface SessionSalesRecord {
  sessionId: string;
  accountId: string;
  source: string;
  /** Epoch ms of the first event. */
  startedAt: number;
  /** Epoch ms of the last event that is not a payment or refund (those may come after the end). */
  endedAt: number;
  /** Room entries (PV). */
  entries: number;
  /** Distinct viewers who entered (UV), counted as the big screen counts them. */
  uniqueViewers: number;
  paidOrders: number;
  gmvFen: number;
  refundFen: number;
}

/** Read access to what past sessions sold, per product and per session. */
export interface SalesHistory {
  /** Every product of every session that started in the window, ordered by start, session, product. */
  productResults(orgId: string, filter?: HistoryFilter): Promise<ProductSalesRecord[]>;
  /** Every session that started in the window, ordered by start then id. */
  sessions(orgId: string, filter?: Omit<HistoryFilter, 'productIds'>): Promise<SessionSalesRecord[]>;
}
