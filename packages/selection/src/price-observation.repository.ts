import type { Insertable, Selectable } from '@livecloud/db';
import type { PriceObservationTable, SelectionDb } from './selection.tables.js';

export type PriceObservationRow = Selectable<PriceObservationTable>;
export type NewPriceObservation = Insertable<PriceObservationTable>;

/** Prices seen for products (比价), newest first. */
export function createPriceObservationRepository(db: SelectionDb) {
  return {
    /** Inserts every row in one statement, so an import is all in or all out. */
    async insert(rows: readonly NewPriceObservation[]): Promise<void> {
      if (rows.length === 0) return;
      await db
        .insertInto('price_observations')
        .values([...rows])
        .execute();
    },
    async find(orgId: string, id: string): Promise<PriceObservationRow | undefined> {
      return db
        .selectFrom('price_observations')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    async list(
      orgId: string,
      productId: string,
      filter: { skuId?: string | undefined; limit: number },
    ): Promise<PriceObservationRow[]> {
      let query = db
        .selectFrom('price_observations')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('product_id', '=', productId);
      // A SKU's list includes the prices that hold for the whole product.
      if (filter.skuId !== undefined) {
        const skuId = filter.skuId;
        query = query.where((eb) => eb.or([eb('sku_id', '=', skuId), eb('sku_id', 'is', null)]));
      }
      return query.orderBy('observed_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
    },
    /** Every observation of these products seen at or after `since` (epoch ms). */
    async since(orgId: string, productIds: readonly string[], since: number): Promise<PriceObservationRow[]> {
      if (productIds.length === 0) return [];
      return db
        .selectFrom('price_observations')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('product_id', 'in', [...new Set(productIds)])
        .where('observed_at', '>=', new Date(since))
        .orderBy('observed_at')
        .orderBy('id')
        .execute();
    },
    async delete(orgId: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('price_observations')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
export type PriceObservationRepository = ReturnType<typeof createPriceObservationRepository>;
