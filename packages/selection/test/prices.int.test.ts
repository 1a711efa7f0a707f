import { recordsEngines } from '@livecloud/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLowestPriceProvider } from '../src/index.js';
import { buyer, closeWorld, day, openWorld, salesRecord, t0, type World } from './fixtures.js';

describe.each(recordsEngines)('price observations, history and the lowest-price check on %s', (engine) => {
  let w: World;

  beforeEach(async () => {
    w = await openWorld(engine);
  });
  afterEach(async () => {
    await closeWorld(w);
  });

  const observe = (overrides: Partial<Parameters<World['selection']['observations']['create']>[1]> = {}) =>
    w.selection.observations.create(
      w.orgId,
      { productId: 'prd_lipstick', source: 'manual', priceFen: 8500, ...overrides },
      buyer,
    );

  it('records prices for a SKU or the whole product, lists a SKU’s with the product-wide ones, and deletes with audit', async () => {
    const red = await observe({
      skuId: 'sku_red',
      source: 'platform',
      platform: 'douyin',
      priceFen: 8500,
      observedAt: t0 - 2 * day,
      reference: 'https://v.douyin.com/abc',
      note: '竞品直播间',
    });
    expect(red).toMatchObject({
      productId: 'prd_lipstick',
      skuId: 'sku_red',
      source: 'platform',
      platform: 'douyin',
      priceFen: 8500,
      observedAt: new Date(t0 - 2 * day).toISOString(),
      reference: 'https://v.douyin.com/abc',
      createdBy: { type: 'user', id: 'usr_selection' },
    });
    expect(red.id).toMatch(/^pob_/);
    const whole = await observe({ platform: 'jd', priceFen: 8000, observedAt: t0 - 40 * day });
    await observe({ skuId: 'sku_pink', priceFen: 9500, observedAt: t0 - day });

    const forRed = await w.selection.observations.list(w.orgId, 'prd_lipstick', {
      skuId: 'sku_red',
      limit: 50,
    });
    expect(forRed.map((o) => [o.skuId, o.priceFen])).toEqual([
      ['sku_red', 8500],
      [null, 8000],
    ]);
    const all = await w.selection.observations.list(w.orgId, 'prd_lipstick', { limit: 2 });
    expect(all.map((o) => o.priceFen)).toEqual([9500, 8500]);

    const removed = await w.selection.observations.remove(w.orgId, whole.id, buyer);
    expect(removed.priceFen).toBe(8000);
    const [entry] = await w.access.audit.list(w.orgId, { limit: 1 });
    expect(entry).toMatchObject({
      action: 'price_observation.delete',
      targetType: 'product',
      targetId: 'prd_lipstick',
      details: { observationId: whole.id, priceFen: 8000, platform: 'jd' },
    });
    await expect(w.selection.observations.remove(w.orgId, whole.id, buyer)).rejects.toMatchObject({
      code: 'price_observation_not_found',
    });
  });

  it('refuses unknown products, a SKU of another product and a time in the future', async () => {
    await expect(observe({ productId: 'prd_nope' })).rejects.toMatchObject({
      kind: 'not_found',
      code: 'product_not_found',
    });
    await expect(observe({ skuId: 'sku_30ml' })).rejects.toMatchObject({
      kind: 'not_found',
      code: 'sku_not_found',
    });
    await expect(observe({ observedAt: t0 + day })).rejects.toMatchObject({
      kind: 'invalid',
      code: 'observed_in_future',
    });
    expect(await w.selection.observations.list(w.orgId, 'prd_lipstick', { limit: 10 })).toEqual([]);
  });

  it('keeps organisations apart: another organisation’s product is not found and its prices are not seen', async () => {
    const mine = await observe({ skuId: 'sku_red', observedAt: t0 - day });
    await expect(
      w.selection.observations.create(
        w.otherOrgId,
        { productId: 'prd_lipstick', source: 'manual', priceFen: 1 },
        buyer,
      ),
    ).rejects.toMatchObject({ code: 'product_not_found' });
    await expect(
      w.selection.observations.list(w.otherOrgId, 'prd_lipstick', { limit: 10 }),
    ).rejects.toMatchObject({
      code: 'product_not_found',
    });
    await expect(w.selection.observations.remove(w.otherOrgId, mine.id, buyer)).rejects.toMatchObject({
      code: 'price_observation_not_found',
    });
    // Even with the same product ids in its own catalogue, the other organisation sees none of ours.
    w.fakes.products.set(w.otherOrgId, w.fakes.products.get(w.orgId)!);
    expect(await w.selection.observations.list(w.otherOrgId, 'prd_lipstick', { limit: 10 })).toEqual([]);
    const provider = createLowestPriceProvider(w.selection);
    expect(await provider.lowestPrice(w.otherOrgId, 'prd_lipstick', 'sku_red')).toBeUndefined();
    expect(await provider.lowestPrice(w.orgId, 'prd_lipstick', 'sku_red')).toMatchObject({ lowestFen: 8500 });
  });

  it('imports a sheet row by row: takes the good rows and says why each other row was refused', async () => {
    const csv =
      '商品ID,SKU ID,平台,价格(元),观测时间,来源链接,备注\n' +
      'prd_lipstick,sku_red,抖音,79.90,2026-11-20 20:00,https://v.douyin.com/x,\n' +
      'prd_lipstick,,京东,85,,京东自营,整品\n' +
      'prd_unknown,,淘宝,10,,,\n' +
      'prd_lipstick,sku_30ml,淘宝,10,,,\n' +
      'prd_lipstick,sku_red,拼多多,60,2026-12-01 10:00,,\n' +
      'prd_lipstick,sku_red,天猫,六十,,,\n';
    const report = await w.selection.observations.importCsv(w.orgId, csv, buyer);
    expect(report).toMatchObject({ total: 6, taken: 2, rejected: 4, ignoredColumns: [] });
    expect(report.rows.map((r) => [r.line, r.status, r.reasons.map((x) => x.code)])).toEqual([
      [2, 'taken', []],
      [3, 'taken', []],
      [4, 'rejected', ['product_not_found']],
      [5, 'rejected', ['sku_not_found']],
      [6, 'rejected', ['observed_in_future']],
      [7, 'rejected', ['price_invalid']],
    ]);
    expect(report.rows[6 - 2]?.reasons[0]?.column).toBe('观测时间');
    const stored = await w.selection.observations.list(w.orgId, 'prd_lipstick', { limit: 10 });
    expect(stored.map((o) => [o.source, o.platform, o.skuId, o.priceFen, o.observedAt])).toEqual([
      ['import', 'jd', null, 8500, new Date(t0).toISOString()],
      ['import', 'douyin', 'sku_red', 7990, '2026-11-20T12:00:00.000Z'],
    ]);
    expect(report.rows[0]?.observationId).toBe(stored[1]?.id);
    const [entry] = await w.access.audit.list(w.orgId, { limit: 1 });
    expect(entry).toMatchObject({
      action: 'price_observation.import',
      details: { total: 6, taken: 2, rejected: 4 },
    });
  });

  describe('with observations and past sessions', () => {
    beforeEach(async () => {
      await observe({
        skuId: 'sku_red',
        source: 'platform',
        platform: 'douyin',
        priceFen: 8500,
        observedAt: t0 - 2 * day,
      });
      await observe({ source: 'platform', platform: 'jd', priceFen: 8000, observedAt: t0 - 40 * day });
      await observe({ priceFen: 8100, observedAt: t0 - 30 * day });
      await observe({ skuId: 'sku_pink', priceFen: 9500, observedAt: t0 - day });
      w.fakes.sales.set(w.orgId, [
        salesRecord({
          sessionId: 'ses_a',
          startedAt: t0 - 5 * day,
          minUnitPriceFen: 8200,
          clicks: 100,
          paidOrders: 5,
        }),
        salesRecord({ sessionId: 'ses_b', skuId: 'sku_red', startedAt: t0 - 3 * day, minUnitPriceFen: 7900 }),
        salesRecord({ sessionId: 'ses_c', startedAt: t0 - 4 * day, minUnitPriceFen: null }),
        salesRecord({
          sessionId: 'ses_d',
          productId: 'prd_nuts',
          startedAt: t0 - 4 * day,
          minUnitPriceFen: 9900,
        }),
      ]);
    });

    it('merges observations and session prices into one series per SKU with the lowest in the window', async () => {
      const history = await w.selection.prices.history(w.orgId, 'prd_lipstick', 30);
      expect(history).toMatchObject({
        productId: 'prd_lipstick',
        days: 30,
        since: new Date(t0 - 30 * day).toISOString(),
        until: new Date(t0).toISOString(),
      });
      const [red, pink] = history.skus;
      expect(red?.points.map((p) => [p.source, p.skuId, p.priceFen, p.sessionId])).toEqual([
        ['manual', null, 8100, null],
        ['session', null, 8200, 'ses_a'],
        ['session', 'sku_red', 7900, 'ses_b'],
        ['platform', 'sku_red', 8500, null],
      ]);
      expect(red).toMatchObject({
        livePriceFen: 8900,
        flagged: true,
        gapFen: 1000,
        gapBp: 1266,
        lowest: { source: 'session', sessionId: 'ses_b', priceFen: 7900 },
      });
      // The price seen exactly 30 days ago counts; the session price for the red shade does not.
      expect(pink).toMatchObject({
        livePriceFen: 9900,
        flagged: true,
        gapFen: 1800,
        lowest: { priceFen: 8100 },
      });
      const shorter = await w.selection.prices.history(w.orgId, 'prd_lipstick', 29);
      expect(shorter.skus[1]?.lowest).toMatchObject({ priceFen: 8200, sessionId: 'ses_a' });
      const longer = await w.selection.prices.history(w.orgId, 'prd_lipstick', 60);
      expect(longer.skus[1]).toMatchObject({ gapFen: 1900, lowest: { priceFen: 8000, platform: 'jd' } });
    });

    it('checks every SKU’s live price against the window, and says so when nothing was seen', async () => {
      const check = await w.selection.prices.check(w.orgId, {
        productIds: ['prd_lipstick', 'prd_serum'],
        days: 30,
      });
      expect(check.items.map((i) => [i.skuId, i.flagged, i.gapFen, i.lowest?.priceFen ?? null])).toEqual([
        ['sku_red', true, 1000, 7900],
        ['sku_pink', true, 1800, 8100],
        ['sku_30ml', false, null, null],
      ]);
      const catalogue = await w.selection.prices.check(w.orgId, { days: 30 });
      expect(catalogue.items.map((i) => i.skuId)).toEqual([
        'sku_red',
        'sku_pink',
        'sku_30ml',
        'sku_nuts_box',
      ]);
      expect(catalogue.items[3]).toMatchObject({ flagged: false, gapFen: 0, lowest: { source: 'session' } });
      await expect(
        w.selection.prices.check(w.orgId, { productIds: ['prd_lipstick', 'prd_x'], days: 30 }),
      ).rejects.toMatchObject({ code: 'product_not_found', details: { missing: ['prd_x'] } });
    });

    it('serves the line-up check the lowest price with where it was seen', async () => {
      const provider = createLowestPriceProvider(w.selection);
      expect(await provider.lowestPrice(w.orgId, 'prd_lipstick', 'sku_red')).toEqual({
        lowestFen: 7900,
        source: 'session:ses_b',
        observedAt: new Date(t0 - 3 * day).toISOString(),
      });
      expect(await provider.lowestPrice(w.orgId, 'prd_lipstick', 'sku_pink')).toMatchObject({
        lowestFen: 8100,
        source: 'manual',
      });
      const lastTwoDays = createLowestPriceProvider(w.selection, { days: 2 });
      expect(await lastTwoDays.lowestPrice(w.orgId, 'prd_lipstick', 'sku_red')).toMatchObject({
        lowestFen: 8500,
        source: 'platform:douyin',
      });
      expect(await lastTwoDays.lowestPrice(w.orgId, 'prd_serum', 'sku_30ml')).toBeUndefined();
    });
  });
});
