import { recordsEngines } from '@livecloud/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogueProduct, ProductCatalogue } from '../src/index.js';
import { closeWorld, hour, openWorld, operator, seedResources, t0, type World } from './fixtures.js';

const products: CatalogueProduct[] = [
  {
    id: 'prd_lipstick',
    title: '丝绒哑光口红',
    approved: true,
    status: 'approved',
    categoryIds: ['cat_lip', 'cat_beauty'],
    categoryNames: ['口红', '美妆'],
    skus: [{ id: 'sku_red', name: '#999 正红', listPriceFen: 19_900, costFen: 4000 }],
  },
  {
    id: 'prd_serum',
    title: '玻尿酸精华',
    approved: false,
    status: 'sample_requested',
    categoryIds: ['cat_skin', 'cat_beauty'],
    categoryNames: ['护肤', '美妆'],
    skus: [{ id: 'sku_30ml', name: '30ml', listPriceFen: 29_900, costFen: 8000 }],
  },
  {
    id: 'prd_mask',
    title: '补水面膜',
    approved: true,
    status: 'warehoused',
    categoryIds: ['cat_skin', 'cat_beauty'],
    categoryNames: ['护肤', '美妆'],
    skus: [{ id: 'sku_box', name: '10 片装', listPriceFen: 9900, costFen: 2000 }],
  },
];
const catalogue: ProductCatalogue = {
  products: async (_org, ids) => products.filter((p) => ids.includes(p.id)),
  availableStock: async (_org, skuIds) => {
    const stock: Record<string, number> = { sku_red: 500, sku_30ml: 50, sku_box: 1000 };
    return new Map(skuIds.map((id) => [id, stock[id] ?? 0]));
  },
};

describe.each(recordsEngines)('line-ups and requirements on %s', (engine) => {
  let w: World;
  let sessionId: string;

  beforeEach(async () => {
    w = await openWorld(engine);
    const r = await seedResources(w.schedule, w.orgId);
    const session = await w.schedule.sessions.create(
      w.orgId,
      {
        title: '美妆专场',
        roomId: r.room.id,
        accountId: r.account.id,
        anchorIds: [r.li.id],
        plannedStart: t0 + 4 * hour,
        plannedEnd: t0 + 5 * hour,
      },
      operator,
    );
    sessionId = session.id;
  });
  afterEach(async () => {
    await closeWorld(w);
  });

  const add = (
    schedule = w.schedule,
    overrides: Partial<Parameters<World['schedule']['lineups']['addItem']>[2]> = {},
  ) =>
    schedule.lineups.addItem(
      w.orgId,
      sessionId,
      {
        productId: 'prd_lipstick',
        skuId: 'sku_red',
        explainMinutes: 10,
        livePriceFen: 8900,
        mechanism: { type: 'none' },
        stockAllocation: 100,
        ...overrides,
      },
      operator,
    );

  it('keeps items in order: appends, inserts at a position and closes gaps on removal', async () => {
    const a = await add(w.schedule, { note: '开场引流款' });
    const b = await add(w.schedule, {
      productId: 'prd_mask',
      skuId: 'sku_box',
      mechanism: { type: 'coupon', discountFen: 1000, thresholdFen: 9900 },
    });
    const first = await add(w.schedule, {
      productId: 'prd_serum',
      skuId: 'sku_30ml',
      position: 1,
      mechanism: {
        type: 'giveaway',
        prize: '正装精华',
        winners: 5,
        durationMinutes: 10,
        condition: 'comment',
      },
    });
    expect(first.items.map((i) => [i.position, i.productId])).toEqual([
      [1, 'prd_serum'],
      [2, 'prd_lipstick'],
      [3, 'prd_mask'],
    ]);
    expect(first.items[2]?.mechanism).toEqual({ type: 'coupon', discountFen: 1000, thresholdFen: 9900 });
    expect(first.totalExplainMinutes).toBe(30);
    const removed = await w.schedule.lineups.removeItem(w.orgId, a.items[0]!.id, operator);
    expect(removed.items.map((i) => [i.position, i.productId])).toEqual([
      [1, 'prd_serum'],
      [2, 'prd_mask'],
    ]);
    expect(b.items).toHaveLength(2);
  });

  it('reorders the whole line-up in one call and refuses a stale order', async () => {
    await add();
    await add(w.schedule, { productId: 'prd_mask', skuId: 'sku_box' });
    const three = await add(w.schedule, { productId: 'prd_serum', skuId: 'sku_30ml' });
    const [x, y, z] = three.items.map((i) => i.id) as [string, string, string];
    const reordered = await w.schedule.lineups.reorder(w.orgId, sessionId, [z, x, y], operator);
    expect(reordered.items.map((i) => i.id)).toEqual([z, x, y]);
    expect(reordered.items.map((i) => i.position)).toEqual([1, 2, 3]);
    await expect(w.schedule.lineups.reorder(w.orgId, sessionId, [y, x], operator)).rejects.toMatchObject({
      code: 'lineup_changed',
      details: { missing: [z], unknown: [] },
    });
    await expect(
      w.schedule.lineups.reorder(w.orgId, sessionId, [y, x, z, 'lui_other'], operator),
    ).rejects.toMatchObject({
      code: 'lineup_changed',
      details: { missing: [], unknown: ['lui_other'] },
    });
  });

  it('reports problems per item with a catalogue, and says what it skipped without a price provider', async () => {
    const schedule = w.withProviders({ catalogue });
    await add(schedule, { stockAllocation: 600 });
    const lineup = await add(schedule, {
      productId: 'prd_serum',
      skuId: 'sku_30ml',
      explainMinutes: 55,
      stockAllocation: 10,
    });
    const [lipstick, serum] = lineup.items;
    expect(lipstick?.product).toEqual({
      title: '丝绒哑光口红',
      status: 'approved',
      approved: true,
      skuName: '#999 正红',
    });
    expect(lineup.validation.problems.map((p) => [p.itemId, p.code])).toEqual([
      [serum!.id, 'product_not_approved'],
      [lipstick!.id, 'stock_exceeded'],
      [null, 'explain_time_exceeds_session'],
    ]);
    expect(lineup.validation.checks.find((c) => c.check === 'lowest_price')).toEqual({
      check: 'lowest_price',
      status: 'skipped',
      reason: 'no lowest-price provider is connected',
    });
    const withPrices = w.withProviders({
      catalogue,
      prices: {
        lowestPrices: async (_org, items) =>
          new Map(
            items.map((i) => [
              i.skuId,
              { lowestFen: 7900, source: '历史场次', observedAt: '2026-11-11T12:00:00.000Z' },
            ]),
          ),
      },
    });
    const validation = await withPrices.lineups.validate(w.orgId, sessionId);
    expect(validation.problems.filter((p) => p.code === 'price_above_lowest').map((p) => p.itemId)).toEqual([
      lipstick!.id,
      serum!.id,
    ]);
  });

  it('changes an item and checks a flash-sale price against the live price', async () => {
    const lineup = await add();
    const id = lineup.items[0]!.id;
    const changed = await w.schedule.lineups.updateItem(
      w.orgId,
      id,
      {
        mechanism: { type: 'flash_sale', flashPriceFen: 5900, quantity: 200, durationMinutes: 5 },
        explainMinutes: 8,
      },
      operator,
    );
    expect(changed.items[0]).toMatchObject({
      explainMinutes: 8,
      mechanism: { type: 'flash_sale', flashPriceFen: 5900 },
    });
    await expect(
      w.schedule.lineups.updateItem(w.orgId, id, { livePriceFen: 5000 }, operator),
    ).rejects.toMatchObject({ code: 'flash_price_not_below_live' });
  });

  it('refuses a live price above the list price and a coupon that reaches the price, with the figures', async () => {
    const schedule = w.withProviders({ catalogue });
    await expect(add(schedule, { livePriceFen: 25_900 })).rejects.toMatchObject({
      code: 'live_price_above_list',
      status: 400,
      details: { livePriceFen: 25_900, listPriceFen: 19_900 },
    });
    await expect(
      add(schedule, {
        productId: 'prd_mask',
        skuId: 'sku_box',
        livePriceFen: 9900,
        mechanism: { type: 'coupon', discountFen: 9900, thresholdFen: 0 },
      }),
    ).rejects.toMatchObject({ code: 'coupon_not_below_price', details: { discountFen: 9900 } });
    const lineup = await add(schedule);
    await expect(
      schedule.lineups.updateItem(
        w.orgId,
        lineup.items[0]!.id,
        { mechanism: { type: 'coupon', discountFen: 50_000, thresholdFen: 0 } },
        operator,
      ),
    ).rejects.toMatchObject({ code: 'coupon_not_below_price' });
    await expect(
      schedule.lineups.updateItem(w.orgId, lineup.items[0]!.id, { livePriceFen: 20_000 }, operator),
    ).rejects.toMatchObject({ code: 'live_price_above_list' });
    expect((await schedule.lineups.get(w.orgId, sessionId)).items).toHaveLength(1);
  });

  it('holds each item’s stock, gives it back on removal, and puts it back when the write fails', async () => {
    const held = new Map<string, { skuId: string; quantity: number }>();
    const reservations = {
      async reserve(_org: string, r: { reference: string; skuId: string; quantity: number }) {
        if (r.quantity > 500) throw Object.assign(new Error('short'), { code: 'stock_insufficient' });
        held.set(r.reference, { skuId: r.skuId, quantity: r.quantity });
      },
      async release(_org: string, reference: string) {
        held.delete(reference);
      },
    };
    const schedule = w.withProviders({ catalogue, reservations });
    const lineup = await add(schedule, { stockAllocation: 300 });
    const id = lineup.items[0]!.id;
    expect(held.get(`lineup_item:${id}`)).toEqual({ skuId: 'sku_red', quantity: 300 });
    await expect(add(schedule, { stockAllocation: 600 })).rejects.toMatchObject({
      code: 'stock_insufficient',
    });
    expect((await schedule.lineups.get(w.orgId, sessionId)).items).toHaveLength(1);
    await schedule.lineups.updateItem(w.orgId, id, { stockAllocation: 120 }, operator);
    expect(held.get(`lineup_item:${id}`)).toEqual({ skuId: 'sku_red', quantity: 120 });
    // A write refused after the stock was held (the session has ended) puts the old holding back.
    const second = (await add(schedule, { stockAllocation: 50 })).items[1]!.id;
    await schedule.lineups.removeItem(w.orgId, second, operator);
    expect(held.has(`lineup_item:${second}`)).toBe(false);
    await w.schedule.sessions.transition(w.orgId, sessionId, 'live', operator, {
      override: { reason: '测试' },
      mayOverride: true,
    });
    await w.schedule.sessions.transition(w.orgId, sessionId, 'ended', operator);
    await expect(
      schedule.lineups.updateItem(w.orgId, id, { stockAllocation: 200 }, operator),
    ).rejects.toMatchObject({ code: 'session_closed' });
    expect(held.get(`lineup_item:${id}`)).toEqual({ skuId: 'sku_red', quantity: 120 });
  });

  it('refuses line-up changes once the session has ended, and another organisation’s items', async () => {
    const lineup = await add();
    await expect(w.schedule.lineups.get(w.otherOrgId, sessionId)).rejects.toMatchObject({
      code: 'session_not_found',
    });
    await expect(
      w.schedule.lineups.removeItem(w.otherOrgId, lineup.items[0]!.id, operator),
    ).rejects.toMatchObject({ code: 'lineup_item_not_found' });
    await w.schedule.sessions.transition(w.orgId, sessionId, 'live', operator, {
      override: { reason: '测试' },
      mayOverride: true,
    });
    await add();
    await w.schedule.sessions.transition(w.orgId, sessionId, 'ended', operator);
    await expect(add()).rejects.toMatchObject({ code: 'session_closed' });
    await expect(w.schedule.lineups.removeItem(w.orgId, lineup.items[0]!.id, operator)).rejects.toMatchObject(
      { code: 'session_closed' },
    );
  });

  it('stores product-pool requirements per session and replaces them as a set', async () => {
    const saved = await w.schedule.requirements.replace(
      w.orgId,
      sessionId,
      {
        items: [
          {
            categories: ['美妆', '护肤'],
            priceMinFen: 5000,
            priceMaxFen: 20000,
            minMarginBp: 3000,
            count: 8,
            note: '主推国货',
          },
          { categories: ['个护'], count: 2 },
        ],
      },
      operator,
    );
    expect(saved.map((s) => [s.categories, s.priceMinFen, s.priceMaxFen, s.minMarginBp, s.count])).toEqual([
      [['美妆', '护肤'], 5000, 20000, 3000, 8],
      [['个护'], null, null, null, 2],
    ]);
    await w.schedule.requirements.replace(
      w.orgId,
      sessionId,
      { items: [{ categories: ['食品'], count: 5 }] },
      operator,
    );
    expect((await w.schedule.requirements.list(w.orgId, sessionId)).map((s) => s.categories)).toEqual([
      ['食品'],
    ]);
    await expect(w.schedule.requirements.list(w.otherOrgId, sessionId)).rejects.toMatchObject({
      code: 'session_not_found',
    });
  });
});
