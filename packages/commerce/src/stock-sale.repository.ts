import type { ExpressionBuilder } from '@livecloud/db';
import type { CommerceDatabase, CommerceDb } from './commerce.tables.js';

/** Units paid minus units refunded, summed over the rows in the group. */
export function netQuantity(eb: ExpressionBuilder<CommerceDatabase, 'stock_sales'>) {
  return eb.fn.sum<number>(
    eb
      .case()
      .when('kind', '=', 'pay')
      .then(eb.ref('quantity'))
      .else(eb.neg(eb.ref('quantity')))
      .end(),
  );
}

export interface StockSaleValues {
  org_id: string;
  event_id: string;
  kind: 'pay' | 'refund';
  sku_id: string;
  order_id: string;
  quantity: number;
  occurred_at: Date;
}

/** Stock moved by paid orders and refunds, one row per event. */
export function createStockSaleRepository(db: CommerceDb) {
  return {
    /** Records a movement once; false when the event was already recorded. */
    async insertOnce(row: StockSaleValues): Promise<boolean> {
      const inserted = await db
        .insertInto('stock_sales')
        .values(row)
        .onConflict((oc) => oc.columns(['org_id', 'event_id']).doNothing())
        .returning('event_id')
        .executeTakeFirst();
      return inserted !== undefined;
    },
    async isRecorded(orgId: string, eventId: string): Promise<boolean> {
      const row = await db
        .selectFrom('stock_sales')
        .select('event_id')
        .where('org_id', '=', orgId)
        .where('event_id', '=', eventId)
        .executeTakeFirst();
      return row !== undefined;
    },
    /** Per SKU of an order: units paid minus units already refunded. */
    async refundableOf(orgId: string, orderId: string): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('stock_sales')
        .select((eb) => ['sku_id', netQuantity(eb).as('net')])
        .where('org_id', '=', orgId)
        .where('order_id', '=', orderId)
        .groupBy('sku_id')
        .orderBy('sku_id')
        .execute();
      return new Map(rows.map((r) => [r.sku_id, Number(r.net)]));
    },
  };
}
export type StockSaleRepository = ReturnType<typeof createStockSaleRepository>;
