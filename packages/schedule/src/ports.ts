/** The audit log's port, as access defines it for every context. */
export type { AuditRecorder } from '@livecloud/access';
import type { AuditActor } from '@livecloud/access';

/**
 * What scheduling needs from other contexts, as small interfaces the server composition
 * satisfies. Scheduling never imports commerce or selection: a line-up only asks these.
 */

/** A product as a line-up sees it. */
export interface CatalogueProduct {
  id: string;
  title: string;
  /** Whether selection and QC approved it for sale (SPEC §2: submission status approved or warehoused). */
  approved: boolean;
  /** The product's own status word, shown when it is not approved. */
  status: string;
  /** The category and its ancestors, nearest first, by id and by name (a requirement on 美妆 covers 护肤). */
  categoryIds: string[];
  categoryNames: string[];
  skus: CatalogueSkuRef[];
}

/** A SKU with the prices the line-up's price rules compare against, in fen. */
export interface CatalogueSkuRef {
  id: string;
  name: string;
  listPriceFen: number;
  costFen: number;
}

/**
 * The product catalogue and its stock. The commerce context provides it (`availableStock`
 * and product look-ups from its index); scheduling works without one and then says that the
 * approval and stock checks were skipped.
 */
export interface ProductCatalogue {
  /** The products with these ids in the organisation; unknown ids are simply absent. */
  products(orgId: string, productIds: readonly string[]): Promise<CatalogueProduct[]>;
  /**
   * Units of each SKU a line-up can still draw on, by SKU id (absent: none), in one query.
   * Units reserved under `exceptReferences` count as available: a line-up's own reservations.
   */
  availableStock(
    orgId: string,
    skuIds: readonly string[],
    exceptReferences?: readonly string[],
  ): Promise<Map<string, number>>;
}

/**
 * Stock held in the warehouse for line-up items (commerce's allocations). Optional: without
 * it a line-up's allocation is only checked, not reserved.
 */
export interface StockReservations {
  /**
   * Holds exactly `quantity` units of the SKU under `reference`, replacing what the reference
   * held before (of any SKU); throws 409 `stock_insufficient` with the figures when short.
   */
  reserve(
    orgId: string,
    reservation: { reference: string; skuId: string; quantity: number },
    actor: AuditActor,
  ): Promise<void>;
  /** Gives back what the reference holds; releasing nothing changes nothing. */
  release(orgId: string, reference: string, actor: AuditActor): Promise<void>;
}

/** The lowest price seen for a SKU over a look-back window (the lowest-price guarantee). */
export interface LowestPriceReference {
  lowestFen: number;
  /** Where the lowest price was seen (a past session, a platform, an import). */
  source: string;
  observedAt: string;
}

/** Provided by selection (选品比价); optional. */
export interface LowestPriceProvider {
  /** The lowest price of each SKU, by SKU id (absent: nothing seen), looked up in one batch. */
  lowestPrices(
    orgId: string,
    items: readonly { productId: string; skuId: string }[],
  ): Promise<Map<string, LowestPriceReference>>;
}

/** A member of the organisation, for linking an anchor to a staff login. */
export interface StaffMember {
  id: string;
  name: string;
  role: string;
  status: 'active' | 'offboarded';
}

/** Provided by the access context. */
export interface StaffDirectory {
  member(orgId: string, membershipId: string): Promise<StaffMember | undefined>;
}
