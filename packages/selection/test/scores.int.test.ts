import { recordsEngines } from '@livecloud/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { weightsParam } from '../src/score.schema.js';
import type { SkuScoreDto } from '../src/index.js';
import {
  addSession,
  buyer,
  closeWorld,
  day,
  openWorld,
  requirement,
  salesRecord,
  t0,
  type World,
} from './fixtures.js';

const pick = (items: SkuScoreDto[], skuId: string) => {
  const item = items.find((i) => i.skuId === skuId);
  if (!item) throw new Error(`no ${skuId}`);
  return { ...item, c: Object.fromEntries(item.components.map((x) => [x.component, x])) };
};

describe.each(recordsEngines)('scores, compare and shortlists on %s', (engine) => {
  let w: World;

  beforeEach(async () => {
    w = await openWorld(engine);
    w.fakes.products.get(w.orgId)!.push({
      ...w.fakes.products.get(w.orgId)![0]!,
      id: 'prd_old_lip',
      title: '经典唇膏',
      status: 'withdrawn',
      approved: false,
      skus: [],
    });
    // Organisation: 1000 clicks, 50 paid orders (5 %); 口红: 300 clicks, 24 orders; 食品: 700, 26.
    w.fakes.sales.set(w.orgId, [
      salesRecord({ sessionId: 'ses_a', productId: 'prd_lipstick', clicks: 50, paidOrders: 6, units: 200 }),
      salesRecord({ sessionId: 'ses_a', productId: 'prd_old_lip', clicks: 250, paidOrders: 18, units: 300 }),
      salesRecord({ sessionId: 'ses_b', productId: 'prd_nuts', clicks: 700, paidOrders: 26, units: 500 }),
      // Older than the 180-day look-back: must not count.
      salesRecord({
        sessionId: 'ses_old',
        productId: 'prd_nuts',
        startedAt: t0 - 200 * day,
        clicks: 9000,
        paidOrders: 9000,
      }),
    ]);
    await w.selection.observations.create(
      w.orgId,
      {
        productId: 'prd_lipstick',
        skuId: 'sku_red',
        source: 'platform',
        platform: 'taobao',
        priceFen: 7900,
        observedAt: t0 - day,
      },
      buyer,
    );
    addSession(w, 'ses_beauty', [
      requirement('req_makeup', {
        categories: ['cat_makeup'],
        priceMinFen: 5000,
        priceMaxFen: 10_000,
        minMarginBp: 3000,
        itemCount: 2,
      }),
      requirement('req_skin', { categories: ['cat_skin'], itemCount: 1 }),
    ]);
  });
  afterEach(async () => {
    await closeWorld(w);
  });

  const score = (query: Partial<Parameters<World['selection']['scores']['scores']>[1]> = {}) =>
    w.selection.scores.scores(w.orgId, {
      productIds: ['prd_lipstick', 'prd_serum', 'prd_nuts'],
      days: 30,
      limit: 200,
      ...query,
    });

  it('scores every SKU against the session and shows how each score was made', async () => {
    const result = await score({ sessionId: 'ses_beauty' });
    expect(result.session?.id).toBe('ses_beauty');
    expect(result.weights).toEqual({
      margin: 25,
      commission: 15,
      conversion: 25,
      fit: 15,
      stock: 10,
      lowest_price: 10,
    });
    expect(result.conversionPrior).toEqual({ productClicks: 100, categoryClicks: 200 });
    expect(result.items.map((i) => [i.skuId, i.score])).toEqual([
      ['sku_30ml', 86.1],
      ['sku_red', 81.3],
      ['sku_pink', 79.3],
      ['sku_nuts_box', 38.3],
    ]);
    const red = pick(result.items, 'sku_red');
    expect(red).toMatchObject({ marginBp: 5000, commissionBp: 2000, availableStock: 150, approved: true });
    expect(red.lowestPrice).toMatchObject({
      flagged: true,
      gapFen: 1000,
      lowest: { priceFen: 7900, platform: 'taobao' },
    });
    expect(red.conversion?.rate).toBeCloseTo(12.8 / 150, 10);
    expect(red.c.conversion).toMatchObject({
      normalised: 0.8533,
      points: 21.33,
      reason: { code: 'conversion_shrunk' },
    });
    expect(red.c.fit?.reason).toEqual({
      code: 'fit_full',
      params: { requirementId: 'req_makeup', missed: [] },
    });
    expect(red.c.stock?.reason).toEqual({
      code: 'stock_enough',
      params: { available: 150, need: 100, basis: 'product' },
    });
    expect(red.c.lowest_price).toMatchObject({ points: 0, reason: { code: 'lowest_price_above' } });

    const pink = pick(result.items, 'sku_pink');
    expect(pink.applicableWeight).toBe(90);
    expect(pink.c.stock?.reason.code).toBe('stock_out');
    expect(pink.c.lowest_price).toMatchObject({
      applicable: false,
      reason: { code: 'lowest_price_no_reference' },
    });

    const serum = pick(result.items, 'sku_30ml');
    expect(serum.c.conversion).toMatchObject({
      normalised: 0.5,
      reason: { code: 'conversion_prior_only', params: { clicks: 0, categoryRate: 0.05, orgRate: 0.05 } },
    });
    expect(serum.c.fit?.reason.params).toMatchObject({ requirementId: 'req_skin' });
    expect(serum.c.stock?.reason.params).toEqual({ available: 500, need: 334, basis: 'org' });

    const nuts = pick(result.items, 'sku_nuts_box');
    expect(nuts.c.fit).toMatchObject({
      normalised: 0,
      reason: { code: 'fit_none', params: { requirements: 2 } },
    });
    expect(nuts.conversion).toMatchObject({ clicks: 700, orders: 26, categoryRate: 0.04, rate: 0.0375 });
  });

  it('scores without a session, with other weights, and over the catalogue listing', async () => {
    const plain = await score();
    expect(plain.session).toBeNull();
    expect(pick(plain.items, 'sku_red')).toMatchObject({ score: 78, applicableWeight: 85 });
    const weighted = await score({
      sessionId: 'ses_beauty',
      weights: weightsParam.parse('lowest_price:0, conversion:0'),
    });
    expect(weighted.weights).toMatchObject({ lowest_price: 0, conversion: 0, margin: 25 });
    expect(pick(weighted.items, 'sku_red').score).toBe(92.3);
    const approved = await w.selection.scores.scores(w.orgId, { approvedOnly: true, days: 30, limit: 200 });
    expect(approved.items.map((i) => i.productId).sort()).toEqual([
      'prd_lipstick',
      'prd_lipstick',
      'prd_nuts',
    ]);
    const beauty = await w.selection.scores.scores(w.orgId, {
      categoryId: 'cat_beauty',
      days: 30,
      limit: 200,
    });
    expect(new Set(beauty.items.map((i) => i.productId))).toEqual(new Set(['prd_lipstick', 'prd_serum']));
  });

  it('applies the limit after ranking the whole catalogue, so the best SKUs come back', async () => {
    const all = await w.selection.scores.scores(w.orgId, { sessionId: 'ses_beauty', days: 30, limit: 200 });
    const best = await w.selection.scores.scores(w.orgId, { sessionId: 'ses_beauty', days: 30, limit: 1 });
    expect(best.items.map((i) => i.skuId)).toEqual(all.items.slice(0, 1).map((i) => i.skuId));
    expect(best.items[0]?.skuId).toBe('sku_30ml');
  });

  it('counts a product toward a requirement written by its parent category’s name', async () => {
    addSession(w, 'ses_named', [requirement('req_beauty', { categories: ['美妆'], itemCount: 3 })]);
    const result = await score({ sessionId: 'ses_named' });
    expect(pick(result.items, 'sku_30ml').c.fit?.reason.params).toMatchObject({
      requirementId: 'req_beauty',
    });
    expect(pick(result.items, 'sku_red').c.fit?.reason.params).toMatchObject({ requirementId: 'req_beauty' });
    expect(pick(result.items, 'sku_nuts_box').c.fit?.reason.code).toBe('fit_none');
  });

  it('validates weights: names, range and a positive sum', () => {
    expect(weightsParam.parse('margin:40,stock:5')).toEqual({ margin: 40, stock: 5 });
    expect(weightsParam.safeParse('price:10').success).toBe(false);
    expect(weightsParam.safeParse('margin:101').success).toBe(false);
    expect(weightsParam.safeParse('margin=1').success).toBe(false);
    expect(
      weightsParam.safeParse('margin:0,commission:0,conversion:0,fit:0,stock:0,lowest_price:0').success,
    ).toBe(false);
  });

  it('answers unknown products and sessions with 404, and another organisation’s as unknown', async () => {
    await expect(score({ productIds: ['prd_lipstick', 'prd_gone'] })).rejects.toMatchObject({
      code: 'product_not_found',
      details: { missing: ['prd_gone'] },
    });
    await expect(score({ sessionId: 'ses_nope' })).rejects.toMatchObject({
      kind: 'not_found',
      code: 'session_not_found',
    });
    await expect(
      w.selection.scores.scores(w.otherOrgId, { productIds: ['prd_lipstick'], days: 30, limit: 10 }),
    ).rejects.toMatchObject({ code: 'product_not_found' });
    expect((await w.selection.scores.scores(w.otherOrgId, { days: 30, limit: 10 })).items).toEqual([]);
  });

  it('compares two to six SKUs side by side in the order asked', async () => {
    const compared = await w.selection.scores.compare(w.orgId, {
      skuIds: 'sku_nuts_box, sku_red',
      sessionId: 'ses_beauty',
      days: 30,
    });
    expect(compared.items.map((i) => [i.skuId, i.livePriceFen, i.costFen, i.marginBp, i.score])).toEqual([
      ['sku_nuts_box', 9900, 7900, 2020, 38.3],
      ['sku_red', 8900, 4450, 5000, 81.3],
    ]);
    const compare = (skuIds: string) => w.selection.scores.compare(w.orgId, { skuIds, days: 30 });
    await expect(compare('sku_red')).rejects.toMatchObject({ kind: 'invalid', code: 'compare_size' });
    await expect(compare('a,b,c,d,e,f,g')).rejects.toMatchObject({
      code: 'compare_size',
      details: { count: 7 },
    });
    await expect(compare('sku_red,sku_red')).rejects.toMatchObject({ code: 'compare_duplicate_sku' });
    await expect(compare('sku_red,sku_ghost')).rejects.toMatchObject({
      kind: 'not_found',
      code: 'sku_not_found',
      details: { missing: ['sku_ghost'] },
    });
    await expect(
      w.selection.scores.compare(w.otherOrgId, { skuIds: 'sku_red,sku_pink', days: 30 }),
    ).rejects.toMatchObject({ code: 'sku_not_found' });
  });

  it('keeps a shortlist per session, scores it and shows how it covers the requirements', async () => {
    const add = (productId: string, skuId: string) => {
      w.clock.advance(1000);
      return w.selection.shortlists.add(w.orgId, 'ses_beauty', { productId, skuId, note: null }, buyer);
    };
    const red = await add('prd_lipstick', 'sku_red');
    expect(red).toMatchObject({ skuId: 'sku_red', addedBy: { type: 'user', id: 'usr_selection' } });
    expect(red.scored?.score).toBe(81.3);
    await add('prd_serum', 'sku_30ml');
    await add('prd_nuts', 'sku_nuts_box');

    let coverage = await w.selection.shortlists.coverage(w.orgId, 'ses_beauty');
    expect(coverage.allMet).toBe(false);
    expect(
      coverage.requirements.map((r) => [
        r.requirement.id,
        r.counted.map((c) => c.skuId),
        r.count,
        r.itemCount,
        r.status,
        r.shortBy,
      ]),
    ).toEqual([
      ['req_makeup', ['sku_red'], 1, 2, 'short', 1],
      ['req_skin', ['sku_30ml'], 1, 1, 'met', 0],
    ]);
    expect(coverage.unmatched).toEqual([
      { productId: 'prd_nuts', skuId: 'sku_nuts_box', title: '每日坚果', spec: '30 袋礼盒' },
    ]);

    await add('prd_lipstick', 'sku_pink');
    coverage = await w.selection.shortlists.coverage(w.orgId, 'ses_beauty');
    expect(coverage.requirements[0]).toMatchObject({ status: 'met', shortBy: 0, count: 2 });

    await expect(add('prd_lipstick', 'sku_red')).rejects.toMatchObject({
      kind: 'conflict',
      code: 'already_shortlisted',
    });
    await expect(add('prd_lipstick', 'sku_30ml')).rejects.toMatchObject({ code: 'sku_not_found' });

    const removed = await w.selection.shortlists.remove(w.orgId, 'ses_beauty', 'sku_nuts_box', buyer);
    expect(removed.productId).toBe('prd_nuts');
    await expect(
      w.selection.shortlists.remove(w.orgId, 'ses_beauty', 'sku_nuts_box', buyer),
    ).rejects.toMatchObject({
      code: 'shortlist_item_not_found',
    });
    const list = await w.selection.shortlists.list(w.orgId, 'ses_beauty', { days: 30 });
    expect(list.items.map((i) => [i.skuId, i.scored?.score])).toEqual([
      ['sku_red', 81.3],
      ['sku_30ml', 86.1],
      ['sku_pink', 79.3],
    ]);
    const [entry] = await w.access.audit.list(w.orgId, { limit: 1 });
    expect(entry).toMatchObject({
      action: 'shortlist.remove',
      targetId: 'ses_beauty',
      details: { skuId: 'sku_nuts_box' },
    });

    // A product that leaves the catalogue stays on the list, unscored, and shows as missing.
    w.fakes.products.set(
      w.orgId,
      w.fakes.products.get(w.orgId)!.filter((p) => p.id !== 'prd_serum'),
    );
    const after = await w.selection.shortlists.list(w.orgId, 'ses_beauty', { days: 30 });
    expect(after.items.find((i) => i.skuId === 'sku_30ml')?.scored).toBeNull();
    coverage = await w.selection.shortlists.coverage(w.orgId, 'ses_beauty');
    expect(coverage.missing).toEqual([{ productId: 'prd_serum', skuId: 'sku_30ml' }]);
    expect(coverage.requirements[1]).toMatchObject({ status: 'short', shortBy: 1 });
  });

  it('refuses shortlist changes for an ended session, an unknown one and another organisation’s', async () => {
    addSession(w, 'ses_done', [], 'ended');
    await expect(
      w.selection.shortlists.add(w.orgId, 'ses_done', { productId: 'prd_lipstick', skuId: 'sku_red' }, buyer),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'session_closed' });
    await expect(w.selection.shortlists.list(w.orgId, 'ses_nope', { days: 30 })).rejects.toMatchObject({
      code: 'session_not_found',
    });
    await w.selection.shortlists.add(
      w.orgId,
      'ses_beauty',
      { productId: 'prd_lipstick', skuId: 'sku_red' },
      buyer,
    );
    await expect(w.selection.shortlists.coverage(w.otherOrgId, 'ses_beauty')).rejects.toMatchObject({
      code: 'session_not_found',
    });
    await expect(
      w.selection.shortlists.remove(w.otherOrgId, 'ses_beauty', 'sku_red', buyer),
    ).rejects.toMatchObject({ code: 'session_not_found' });
    // Even when the other organisation has a session with the same id, our shortlist is not its.
    w.fakes.sessions.set(w.otherOrgId, [
      { session: { ...w.fakes.sessions.get(w.orgId)![0]!.session }, requirements: [] },
    ]);
    expect((await w.selection.shortlists.list(w.otherOrgId, 'ses_beauty', { days: 30 })).items).toEqual([]);
  });
});
