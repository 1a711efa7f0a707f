/**
 * What the forecast needs from other contexts, as small interfaces the server composition
 * satisfies. The forecast never imports commerce or scheduling: it only asks these, plus the
 * {@link SalesHistory} read from the event store.
 */

/** A SKU as the forecast prices it. */
export interface ForecastSku {
  id: string;
  spec: string;
  livePriceFen: number;
  /** Unit cost of goods in fen. */
  costFen: number;
  /** Commission on net GMV in basis points (1/100 of a percent). */
  commissionBp: number;
  availableStock: number;
}

/** A product with its category path, for borrowing the category's history. */
export interface ForecastProduct {
  id: string;
  title: string;
  categoryId: string;
  categoryName: string;
  /** Category ids, the product's own category first, then its ancestors up to the root. */
  categoryPath: string[];
  /** Selection and QC approved it; an item of a product not approved is not forecast. */
  approved: boolean;
  skus: ForecastSku[];
}

/** Products and SKUs (the commerce context). */
export interface ForecastCatalogue {
  /** The products with these ids in the organisation; unknown ids are simply absent. */
  products(orgId: string, productIds: readonly string[]): Promise<ForecastProduct[]>;
}

/** The session a line-up belongs to. */
export interface ForecastSession {
  id: string;
  title: string;
  /** The platform account, as the session's events name it (their accountId). */
  accountId: string;
  /** douyin, kuaishou, taobao, xiaohongshu or wechat_channels: sets the platform fee. */
  platform: string;
  /** ISO date-times. */
  plannedStart: string;
  plannedEnd: string;
}

/** One item of a session's line-up (排品). */
export interface ForecastLineupItem {
  id: string;
  position: number;
  productId: string;
  skuId: string;
  explainMinutes: number;
  livePriceFen: number;
  /** The mechanism's type: none, coupon, gift, flash_sale or giveaway. */
  mechanism: string;
  /** Units reserved for the session; 0 when none are. */
  stockAllocation: number;
  /** What the mechanism costs per unit sold (coupon, gift, flash discount) and for how many units. */
  mechanismCost: MechanismCost;
}

/** The mechanism's cost per unit sold, for at most `limit` units (null: every unit). */
export interface MechanismCost {
  perUnitFen: number;
  limit: number | null;
}

/** Line-ups (the scheduling context). */
export interface ForecastLineups {
  /** The session and its line-up in order; undefined when the organisation has no such session. */
  lineup(
    orgId: string,
    sessionId: string,
  ): Promise<{ session: ForecastSession; items: ForecastLineupItem[] } | undefined>;
}
