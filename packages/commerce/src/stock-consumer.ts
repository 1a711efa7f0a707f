import type { OrderStockEvent, StockMove, StockSaleService } from './stock-sale.service.js';

/** An event as the bus delivers it; `@livecloud/events`' StoredEvent satisfies it. */
export interface BusEventLike {
  id: string;
  orgId: string;
  type: string;
  orderId?: string | undefined;
  skuId?: string | undefined;
  occurredAt: number;
  properties: Record<string, unknown>;
}

/**
 * The part of the event bus the stock consumer needs (in-process or NATS JetStream). A handler
 * that throws has the delivery redelivered; recording by event id makes that safe.
 */
export interface StockEventSource {
  subscribe(
    consumer: string,
    handler: (delivery: { readonly events: readonly BusEventLike[] }) => Promise<void>,
  ): Promise<{ close(): Promise<void> }>;
}

/** The durable consumer name the warehouse uses on the bus. */
export const stockConsumerName = 'warehouse-stock';

/** The order event the stock cares about, or undefined for every other event. */
export function orderStockEventOf(event: BusEventLike): OrderStockEvent | undefined {
  if ((event.type !== 'order.pay' && event.type !== 'order.refund') || !event.orderId) return undefined;
  const quantity = event.properties['quantity'];
  return {
    id: event.id,
    orgId: event.orgId,
    type: event.type,
    orderId: event.orderId,
    skuId: event.skuId,
    occurredAt: event.occurredAt,
    quantity:
      typeof quantity === 'number' && Number.isInteger(quantity) && quantity > 0 && quantity <= 100_000
        ? quantity
        : undefined,
  };
}

/** Subscribes the warehouse to paid orders and refunds on the bus; see {@link StockSaleService}. */
export async function startStockConsumer(options: {
  bus: StockEventSource;
  sales: StockSaleService;
  consumer?: string;
  onRecorded?: (event: OrderStockEvent, move: StockMove) => void;
}): Promise<{ close(): Promise<void> }> {
  const subscription = await options.bus.subscribe(
    options.consumer ?? stockConsumerName,
    async (delivery) => {
      for (const raw of delivery.events) {
        const event = orderStockEventOf(raw);
        if (!event) continue;
        const move = await options.sales.record(event);
        options.onRecorded?.(event, move);
      }
    },
  );
  return { close: () => subscription.close() };
}
