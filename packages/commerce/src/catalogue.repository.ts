import { sql } from 'kysely';
import type { CommerceDb, SubmissionStatus } from './commerce.tables.js';

/** The look-ups the catalogue view needs beyond the product repository, each one statement. */
export function createCatalogueRepository(db: CommerceDb) {
  return {
    /** Every submission status each product has reached, for the product's best status. */
    async submissionStatuses(
      orgId: string,
      productIds: readonly string[],
    ): Promise<{ product_id: string; status: SubmissionStatus }[]> {
      if (productIds.length === 0) return [];
      return db
        .selectFrom('submissions')
        .select(['product_id', 'status'])
        .distinct()
        .where('org_id', '=', orgId)
        .where('product_id', 'in', [...productIds])
        .execute();
    },
    /**
     * Units received minus units held by active allocations and units sold (paid minus
     * refunded), per SKU, in one statement;
     * allocations under `exceptReferences` are not subtracted (a line-up's own holdings).
     */
    async availableBySku(
      orgId: string,
      skuIds: readonly string[],
      exceptReferences: readonly string[] = [],
    ): Promise<Map<string, number>> {
      if (skuIds.length === 0) return new Map();
      const except =
        exceptReferences.length === 0
          ? sql``
          : sql` and a.reference not in (${sql.join(exceptReferences.map((r) => sql`${r}`))})`;
      const rows = await db
        .selectFrom('skus as s')
        .select([
          's.id',
          sql<string>`(coalesce((select sum(r.quantity) from warehouse_receipts r where r.org_id = s.org_id and r.sku_id = s.id), 0)
            - coalesce((select sum(a.quantity) from stock_allocations a where a.org_id = s.org_id and a.sku_id = s.id and a.released_at is null${except}), 0)
            - coalesce((select sum(case when d.kind = 'pay' then d.quantity else -d.quantity end) from stock_sales d where d.org_id = s.org_id and d.sku_id = s.id), 0))::bigint`.as(
            'available',
          ),
        ])
        .where('s.org_id', '=', orgId)
        .where('s.id', 'in', [...skuIds])
        .execute();
      return new Map(rows.map((r) => [r.id, Number(r.available)]));
    },
  };
}
