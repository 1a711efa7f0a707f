/** The audit log's port, as access defines it for every context. */
export type { AuditRecorder } from '@livecloud/access';

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
  skus: { id: string; name: string }[];
}

/**
 * The product catalogue and its stock. The commerce context provides it (`availableStock`
 * and product look-ups from its index); scheduling works without one and then says that the
 * approval and stock checks were skipped.
 */
export interface ProductCatalogue {
  /** The products with these ids in the organisation; unknown ids are simply absent. */
  products(orgId: string, productIds: readonly string[]): Promise<CatalogueProduct[]>;
  /** Units of the SKU a line-up can still draw on. */
  availableStock(orgId: string, skuId: string): Promise<number>;
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
  lowestPrice(orgId: string, productId: string, skuId: string): Promise<LowestPriceReference | undefined>;
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
