import { recordsEngines } from '@livecloud/db/testing';
import { createInProcessBus, type StoredEvent } from '@livecloud/events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStockConsumer, type OrderStockEvent, type StockMove } from '../src/index.js';
import {
  approvedMerchant,
  openCommerceWorld,
  product,
  staffActor,
  type CommerceWorld,
} from './commerce-fixture.js';

const at = Date.UTC(2026, 10, 25, 12);

describe.each(recordsEngines)('stock moved by paid orders and refunds on %s', (engine) => {
  let w: CommerceWorld;
  let skuId: string;

  beforeEach(async () => {
    w = await openCommerceWorld(engine);
    const merchantId = await approvedMerchant(w, 1, [w.categories.food]);
    const snack = await product(w, merchantId, w.categories.food, '每日坚果');
    skuId = snack.skuId;
    const { id } = await w.commerce.submissions.create(
      w.orgId,
      merchantId,
      { productId: snack.productId, target: 'pool' },
      staffActor,
    );
    for (const to of ['shortlisted', 'sample_requested', 'sample_received'] as const)
      await w.commerce.submissions.transition(w.orgId, id, { to }, staffActor);
    const template = await w.commerce.qc.createTemplate(
      w.orgId,
      { categoryId: w.categories.food, name: '食品检验', items: [{ label: '包装完好', required: true }] },
      staffActor,
    );
    await w.commerce.qc.inspect(
      w.orgId,
      id,
      { results: template.items.map((i) => ({ key: i.key, passed: true, photoIds: [] })) },
      staffActor,
    );
    await w.commerce.submissions.transition(w.orgId, id, { to: 'approved' }, staffActor);
    await w.commerce.warehouse.receive(
      w.orgId,
      id,
      { lines: [{ skuId, quantity: 100, location: 'B-02' }] },
      staffActor,
    );
    await w.commerce.warehouse.allocate(w.orgId, { skuId, quantity: 20, reference: 'lui_1' }, staffActor);
  });
  afterEach(async () => {
    await w.store.dispose();
  });

  const stockRow = async () => {
    const [row] = await w.commerce.warehouse.stock(w.orgId);
    return {
      received: row?.receivedQty,
      reserved: row?.allocatedQty,
      sold: row?.soldQty,
      available: row?.availableQty,
    };
  };
  const order = (over: Partial<OrderStockEvent>): OrderStockEvent => ({
    id: 'evt_pay_1',
    orgId: w.orgId,
    type: 'order.pay',
    orderId: 'ord_1',
    skuId,
    occurredAt: at,
    ...over,
  });

  it('adds paid units to sold and takes them off available; a refund gives them back', async () => {
    expect(await stockRow()).toEqual({ received: 100, reserved: 20, sold: 0, available: 80 });
    expect(await w.commerce.stockSales.record(order({ quantity: 3 }))).toBe('applied');
    expect(await stockRow()).toEqual({ received: 100, reserved: 20, sold: 3, available: 77 });
    expect(await w.commerce.warehouse.availableStock(w.orgId, skuId)).toBe(77);
    // A refund that names no SKU applies to its order's only SKU.
    expect(
      await w.commerce.stockSales.record(
        order({ id: 'evt_ref_1', type: 'order.refund', skuId: undefined, quantity: 1 }),
      ),
    ).toBe('applied');
    expect(await stockRow()).toEqual({ received: 100, reserved: 20, sold: 2, available: 78 });
    // A full refund without a quantity gives back what is left of the order, and no more.
    expect(await w.commerce.stockSales.record(order({ id: 'evt_ref_2', type: 'order.refund' }))).toBe(
      'applied',
    );
    expect(await w.commerce.stockSales.record(order({ id: 'evt_ref_3', type: 'order.refund' }))).toBe(
      'ignored',
    );
    expect(await stockRow()).toEqual({ received: 100, reserved: 20, sold: 0, available: 80 });
  });

  it('counts an event once however often it is replayed, and moves nothing for strangers', async () => {
    const moves = await Promise.all([
      w.commerce.stockSales.record(order({ quantity: 2 })),
      w.commerce.stockSales.record(order({ quantity: 2 })),
    ]);
    expect(moves.sort()).toEqual(['applied', 'duplicate']);
    expect(await w.commerce.stockSales.record(order({ quantity: 2 }))).toBe('duplicate');
    expect(await stockRow()).toMatchObject({ sold: 2, available: 78 });
    // Another organisation's event naming this SKU, a refund of an unknown order, an unknown SKU.
    expect(await w.commerce.stockSales.record(order({ id: 'evt_x', orgId: w.otherOrgId }))).toBe('ignored');
    expect(
      await w.commerce.stockSales.record(order({ id: 'evt_y', type: 'order.refund', orderId: 'ord_none' })),
    ).toBe('ignored');
    expect(await w.commerce.stockSales.record(order({ id: 'evt_z', skuId: 'sku_missing' }))).toBe('ignored');
    expect(await stockRow()).toMatchObject({ sold: 2, available: 78 });
  });

  it('is fed by the in-process bus, duplicates and redeliveries included', async () => {
    const bus = createInProcessBus({ redeliveryDelayMs: 10 });
    const seen: StockMove[] = [];
    let failOnce = true;
    let resolve: () => void = () => undefined;
    const settled = new Promise<void>((r) => (resolve = r));
    const consumer = await startStockConsumer({
      bus,
      sales: w.commerce.stockSales,
      onRecorded: (_event, move) => {
        seen.push(move);
        if (failOnce) {
          // The row is written but the ack is lost: the bus delivers the batch again.
          failOnce = false;
          throw new Error('connection reset before ack');
        }
        if (seen.length >= 4) resolve();
      },
    });
    const stored = (over: Partial<StoredEvent>): StoredEvent => ({
      id: 'evt_bus_pay',
      type: 'order.pay',
      schemaVersion: 1,
      occurredAt: at,
      receivedAt: at,
      orgId: w.orgId,
      source: 'douyin',
      platformUserId: 'fan_1',
      orderId: 'ord_bus',
      skuId,
      amountFen: 5_970,
      properties: { quantity: 3 },
      ...over,
    });
    await bus.publish([
      stored({}),
      stored({ id: 'evt_bus_click', type: 'product.click', productId: 'prd_1' }),
    ]);
    await bus.publish([
      stored({}),
      stored({ id: 'evt_bus_refund', type: 'order.refund', properties: { quantity: 1 } }),
    ]);
    await settled;
    await consumer.close();
    await bus.close();
    // The click is not an order; the paid order counts once across three deliveries of it.
    expect([...seen].sort()).toEqual(['applied', 'applied', 'duplicate', 'duplicate']);
    expect(await stockRow()).toMatchObject({ sold: 2, available: 78 });
  });
});
