import type { UnitOfWork } from './repositories.js';

/** A paid order or a refund as the stock needs it (from the event envelope). */
export interface OrderStockEvent {
  id: string;
  orgId: string;
  type: 'order.pay' | 'order.refund';
  orderId: string;
  skuId?: string | undefined;
  occurredAt: number;
  /** Units; one when the event does not say. */
  quantity?: number | undefined;
}

/** What became of one event: counted, already counted before, or nothing to move. */
export type StockMove = 'applied' | 'duplicate' | 'ignored';

/**
 * Sold stock (issue 12): a paid order for a SKU adds to its sold units, a refund gives them
 * back. Each event counts once, by (organisation, event id), so replays and duplicates from an
 * at-least-once bus change nothing. A refund gives back at most what its order paid for that
 * SKU; one without a SKU applies to its order's only SKU. SKUs of other organisations, and
 * refunds of orders never seen paid, move nothing.
 */
export function createStockSaleService(deps: { uow: UnitOfWork }) {
  return {
    async record(event: OrderStockEvent): Promise<StockMove> {
      return deps.uow.transaction(async (tx) => {
        if (await tx.stockSales.isRecorded(event.orgId, event.id)) return 'duplicate';
        const wanted = event.quantity ?? 1;
        const row = {
          org_id: event.orgId,
          event_id: event.id,
          order_id: event.orderId,
          occurred_at: new Date(event.occurredAt),
        };
        if (event.type === 'order.pay') {
          if (!event.skuId || !(await tx.warehouse.lockSku(event.orgId, event.skuId))) return 'ignored';
          const inserted = await tx.stockSales.insertOnce({
            ...row,
            kind: 'pay',
            sku_id: event.skuId,
            quantity: wanted,
          });
          return inserted ? 'applied' : 'duplicate';
        }
        const paid = await tx.stockSales.refundableOf(event.orgId, event.orderId);
        const skuId = event.skuId ?? soleSku(paid);
        if (!skuId || !(await tx.warehouse.lockSku(event.orgId, skuId))) return 'ignored';
        // Read again under the SKU lock: a concurrent refund of the same order may have landed.
        const left = (await tx.stockSales.refundableOf(event.orgId, event.orderId)).get(skuId) ?? 0;
        if (left <= 0) return 'ignored';
        const inserted = await tx.stockSales.insertOnce({
          ...row,
          kind: 'refund',
          sku_id: skuId,
          quantity: event.quantity === undefined ? left : Math.min(wanted, left),
        });
        return inserted ? 'applied' : 'duplicate';
      });
    },
  };
}
export type StockSaleService = ReturnType<typeof createStockSaleService>;

function soleSku(paid: ReadonlyMap<string, number>): string | undefined {
  const open = [...paid].filter(([, net]) => net > 0);
  return open.length === 1 ? open[0]![0] : undefined;
}
