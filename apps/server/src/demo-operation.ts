import type { Commerce } from '@livecloud/commerce';
import { beautyLineup, foodLineup, type LineupItem } from '@livecloud/platforms';
import type { Schedule } from '@livecloud/schedule';

const system = { type: 'system' as const, id: null };
const day = 24 * 3600_000;

/** Where a simulator fixture product lives in the demo's commerce catalogue. */
export interface DemoProductRef {
  productId: string;
  skuId: string;
  categoryName: string;
}

/** What the demo's before-the-live data gives the simulation and the pages. */
export interface DemoOperation {
  /** The Douyin account (账号) the simulated sessions broadcast on, as scheduling knows it. */
  accountId: string;
  /** Catalogue ids of the simulator's fixture products, keyed by the fixture's product id. */
  products: ReadonlyMap<string, DemoProductRef>;
  /** Tomorrow evening's planned session with requirements and a line-up, ready to forecast. */
  plannedSessionId: string;
  /** The studio and the anchor the demo's sessions are scheduled in and with. */
  roomId: string;
  anchorIds: string[];
}

/** Which demo category a fixture product is filed under (护肤 is a child of 美妆). */
function categoryNameOf(item: LineupItem): string {
  if (item.category === 'food') return '食品饮料';
  return /serum|cream|toner|mask/.test(item.productId) ? '护肤' : '美妆';
}

/** The fixtures' SKUs as a Chinese catalogue writes their specs (规格). */
const demoSpecs: Readonly<Record<string, string>> = {
  sku_lipstick_316: '#316 色号',
  sku_serum_30ml: '30ml',
  sku_powder_01: '01 号色',
  sku_cream_50g: '50g',
  sku_toner_160ml: '160ml',
  sku_mask_10p: '10 片装',
  sku_bread_1kg: '1kg 整箱',
  sku_nuts_30bag: '750g（30 包）',
  sku_noodle_5bag: '5 袋装',
  sku_milk_12box: '250ml × 12 盒',
  sku_rice_5kg: '5kg',
  sku_crab_card: '4 对装礼卡',
  sku_socks_5pair: '5 双装',
  sku_tee_white_l: '白色 L 码',
  sku_pants_black_m: '黑色 M 码',
  sku_dress_floral_s: '碎花 S 码',
  sku_down_navy_l: '藏青 L 码',
  sku_coat_camel_m: '驼色 M 码',
};

/** The SKU's spec in Chinese; a fixture without one is the standard pack (标准装). */
export function specOf(item: LineupItem): string {
  return (item.skuId ? demoSpecs[item.skuId] : undefined) ?? '标准装';
}

/** 8:00 pm Shanghai time `daysAhead` days from `now`, as an ISO string with offset. */
function shanghaiEvening(now: number, daysAhead: number, hour = 20): string {
  const local = new Date(now + 8 * 3600_000 + daysAhead * day);
  const date = local.toISOString().slice(0, 10);
  return `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;
}

/**
 * The demo's supply side and schedule, made through the same services the API uses: one
 * approved merchant with its deposit paid, the simulator's beauty and food products taken
 * through submission → QC → approval → warehouse (one left waiting for a sample, so the
 * pages show work in progress), a room, an anchor, a Douyin account, and tomorrow evening's
 * session with pool requirements and a line-up. The simulated past sessions sell these very
 * products, so selection and the forecast have a history on first run.
 */
export async function seedDemoOperation(
  services: { commerce: Commerce; schedule: Schedule },
  orgId: string,
  now: number,
  /** The anchor login's membership: the demo's anchor signs in as it and sees their own schedule. */
  anchorMembershipId: string | null = null,
): Promise<DemoOperation> {
  const { commerce, schedule } = services;
  const { rows: categories } = await commerce.categories.tree(orgId);
  const categoryId = (name: string): string => {
    const found = categories.find((c) => c.name === name);
    if (!found) throw new Error(`demo category ${name} is missing`);
    return found.id;
  };

  const merchant = await commerce.merchants.create(
    orgId,
    {
      companyName: '杭州星选优品供应链有限公司',
      licenceNo: '91330106MA2DEM0005',
      contact: { name: '钱经理', phone: '13800138000', email: 'supply@demo.livecloud.dev' },
      categoryIds: [categoryId('美妆'), categoryId('食品饮料')],
    },
    system,
  );
  await commerce.merchants.transition(orgId, merchant.id, { to: 'approved' }, system);
  await commerce.deposits.record(
    orgId,
    merchant.id,
    {
      kind: 'paid',
      amountFen: 3_000_000,
      reason: '入驻保证金（美妆 2 万 + 食品 1 万）',
      reference: 'DEMO-DEP-001',
    },
    system,
  );

  const fixtures = [...beautyLineup, ...foodLineup];
  const products = new Map<string, DemoProductRef>();
  for (const [index, item] of fixtures.entries()) {
    const categoryName = categoryNameOf(item);
    const created = await commerce.products.create(
      orgId,
      merchant.id,
      {
        categoryId: categoryId(categoryName),
        title: item.title,
        brand: null,
        claims: null,
        imageIds: [],
        skus: [
          {
            spec: specOf(item),
            listPriceFen: Math.round((item.priceFen * 1.4) / 100) * 100,
            livePriceFen: item.priceFen,
            costFen: item.costFen ?? Math.round(item.priceFen * 0.4),
            commissionBp: item.category === 'food' ? 1500 : 2000,
            stock: item.stock ?? 3_000,
          },
        ],
      },
      system,
    );
    const skuId = created.skus[0]?.id ?? '';
    products.set(item.productId, { productId: created.id, skuId, categoryName });

    const submission = await commerce.submissions.create(
      orgId,
      merchant.id,
      { productId: created.id, target: 'pool' },
      system,
    );
    const last = index === fixtures.length - 1;
    for (const to of ['shortlisted', 'sample_requested'] as const)
      await commerce.submissions.transition(orgId, submission.id, { to }, system);
    if (last) continue; // left waiting for its sample
    await commerce.submissions.transition(
      orgId,
      submission.id,
      { to: 'sample_received', reason: '顺丰 SF1400000' + String(index).padStart(4, '0') },
      system,
    );
    const template = await commerce.qc.templateForSubmission(orgId, submission.id);
    await commerce.qc.inspect(
      orgId,
      submission.id,
      { results: template.items.map((i) => ({ key: i.key, passed: true, photoIds: [] })) },
      system,
    );
    await commerce.submissions.transition(orgId, submission.id, { to: 'approved' }, system);
    await commerce.warehouse.receive(
      orgId,
      submission.id,
      { lines: [{ skuId, quantity: item.stock ?? 3_000, location: `A-0${(index % 6) + 1}-1` }] },
      system,
    );
  }

  const room = await schedule.resources.createRoom(
    orgId,
    { name: '滨江演播室', location: '杭州滨江 3F' },
    system,
  );
  const anchor = await schedule.resources.createAnchor(
    orgId,
    { name: '安安（主播）', membershipId: anchorMembershipId },
    system,
  );
  const account = await schedule.resources.createAccount(
    orgId,
    { platform: 'douyin', handle: 'xinghe_flagship', displayName: '星河好物旗舰店' },
    system,
  );
  const planned = await schedule.sessions.create(
    orgId,
    {
      title: '星河美妆 · 明晚宠粉专场',
      roomId: room.id,
      accountId: account.id,
      anchorIds: [anchor.id],
      plannedStart: Date.parse(shanghaiEvening(now, 1)),
      plannedEnd: Date.parse(shanghaiEvening(now, 1, 22)),
    },
    system,
  );
  await schedule.requirements.replace(
    orgId,
    planned.id,
    {
      items: [
        {
          categories: ['美妆'],
          priceMinFen: 5_000,
          priceMaxFen: 30_000,
          minMarginBp: 5000,
          count: 4,
          note: '美妆主推',
        },
        { categories: ['食品饮料'], priceMaxFen: 10_000, count: 2, note: '福利款引流' },
      ],
    },
    system,
  );
  const lineup = [beautyLineup[0], beautyLineup[1], foodLineup[0], beautyLineup[2], beautyLineup[3]];
  for (const item of lineup) {
    if (!item) continue;
    const ref = products.get(item.productId);
    if (!ref) continue;
    await schedule.lineups.addItem(
      orgId,
      planned.id,
      {
        productId: ref.productId,
        skuId: ref.skuId,
        explainMinutes: Math.round(item.explainMinutes * 2),
        livePriceFen: item.priceFen,
        mechanism: { type: 'none' },
        stockAllocation: Math.min(item.stock ?? 300, 300),
      },
      system,
    );
  }
  return {
    accountId: account.id,
    products,
    plannedSessionId: planned.id,
    roomId: room.id,
    anchorIds: [anchor.id],
  };
}
