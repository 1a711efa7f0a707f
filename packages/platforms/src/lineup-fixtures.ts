import type { LineupItem, SessionPlan, SimulatedPlatform } from './session-plan.schema.js';

// Prices are live prices in fen as seen in mid-size Douyin rooms; each line-up opens or peaks
// with a cheap flash-sale item (引流款/福利款) that pulls traffic, then moves to profit items
// (利润款). Refund rates follow the categories: apparel 30–45%, beauty ~15%, food 5–8%.

/** A beauty (美妆) line-up: serums, base make-up, lipstick. */
export const beautyLineup: readonly LineupItem[] = [
  {
    productId: 'prd_beauty_lipstick',
    skuId: 'sku_lipstick_316',
    title: '完美日记小细跟口红 #316',
    priceFen: 6_990,
    costFen: 2_100,
    appeal: 0.85,
    explainMinutes: 6,
    stock: 800,
    category: 'beauty',
    mechanism: 'flash_sale',
    refundRate: 0.12,
  },
  {
    productId: 'prd_beauty_serum',
    skuId: 'sku_serum_30ml',
    title: '珀莱雅双抗精华液 30ml',
    priceFen: 25_900,
    costFen: 8_900,
    appeal: 0.75,
    explainMinutes: 10,
    stock: 3_000,
    category: 'beauty',
    mechanism: 'gift',
    refundRate: 0.15,
  },
  {
    productId: 'prd_beauty_powder',
    skuId: 'sku_powder_01',
    title: '花西子空气蜜粉 散粉定妆控油',
    priceFen: 14_900,
    costFen: 4_800,
    appeal: 0.6,
    explainMinutes: 8,
    category: 'beauty',
    refundRate: 0.14,
  },
  {
    productId: 'prd_beauty_cream',
    skuId: 'sku_cream_50g',
    title: '薇诺娜舒敏保湿特护霜 50g',
    priceFen: 19_800,
    costFen: 6_500,
    appeal: 0.65,
    explainMinutes: 8,
    category: 'beauty',
    mechanism: 'coupon',
    refundRate: 0.13,
  },
  {
    productId: 'prd_beauty_toner',
    skuId: 'sku_toner_160ml',
    title: '自然堂冰肌水 160ml 买一送一',
    priceFen: 8_900,
    costFen: 2_600,
    appeal: 0.7,
    explainMinutes: 7,
    category: 'beauty',
    mechanism: 'gift',
    refundRate: 0.16,
  },
  {
    productId: 'prd_beauty_mask',
    skuId: 'sku_mask_10p',
    title: '可复美重组胶原蛋白敷料 10片',
    priceFen: 29_900,
    costFen: 9_800,
    appeal: 0.5,
    explainMinutes: 9,
    category: 'beauty',
    refundRate: 0.18,
  },
];

/** A food (食品) line-up: snacks, staples, dairy. */
export const foodLineup: readonly LineupItem[] = [
  {
    productId: 'prd_food_bread',
    skuId: 'sku_bread_1kg',
    title: '良品铺子手撕面包 1kg 福利款',
    priceFen: 990,
    costFen: 650,
    appeal: 0.9,
    explainMinutes: 5,
    stock: 1_500,
    category: 'food',
    mechanism: 'flash_sale',
    refundRate: 0.04,
  },
  {
    productId: 'prd_food_nuts',
    skuId: 'sku_nuts_30bag',
    title: '三只松鼠每日坚果 750g/30包',
    priceFen: 7_990,
    costFen: 4_600,
    appeal: 0.75,
    explainMinutes: 8,
    category: 'food',
    mechanism: 'coupon',
    refundRate: 0.05,
  },
  {
    productId: 'prd_food_noodle',
    skuId: 'sku_noodle_5bag',
    title: '螺霸王螺蛳粉 5袋装',
    priceFen: 3_990,
    costFen: 2_100,
    appeal: 0.7,
    explainMinutes: 6,
    category: 'food',
    refundRate: 0.06,
  },
  {
    productId: 'prd_food_milk',
    skuId: 'sku_milk_12box',
    title: '认养一头牛纯牛奶 250ml×12盒',
    priceFen: 4_990,
    costFen: 3_300,
    appeal: 0.65,
    explainMinutes: 6,
    category: 'food',
    refundRate: 0.05,
  },
  {
    productId: 'prd_food_rice',
    skuId: 'sku_rice_5kg',
    title: '五常稻花香大米 5kg',
    priceFen: 5_990,
    costFen: 3_800,
    appeal: 0.55,
    explainMinutes: 7,
    category: 'food',
    mechanism: 'gift',
    refundRate: 0.06,
  },
  {
    productId: 'prd_food_crab',
    skuId: 'sku_crab_card',
    title: '阳澄湖大闸蟹礼卡 4对装',
    priceFen: 29_800,
    costFen: 17_500,
    appeal: 0.45,
    explainMinutes: 10,
    category: 'food',
    refundRate: 0.08,
  },
];

/** An apparel (服饰) line-up: basics, dresses, outerwear. */
export const apparelLineup: readonly LineupItem[] = [
  {
    productId: 'prd_apparel_socks',
    skuId: 'sku_socks_5pair',
    title: '纯棉中筒袜 5双装 福利款',
    priceFen: 990,
    costFen: 600,
    appeal: 0.85,
    explainMinutes: 5,
    stock: 1_000,
    category: 'apparel',
    mechanism: 'flash_sale',
    refundRate: 0.1,
  },
  {
    productId: 'prd_apparel_tee',
    skuId: 'sku_tee_white_l',
    title: '纯棉宽松短袖T恤 男女同款',
    priceFen: 5_900,
    costFen: 2_200,
    appeal: 0.7,
    explainMinutes: 8,
    category: 'apparel',
    refundRate: 0.3,
  },
  {
    productId: 'prd_apparel_pants',
    skuId: 'sku_pants_black_m',
    title: '冰丝垂感阔腿裤',
    priceFen: 8_900,
    costFen: 3_100,
    appeal: 0.65,
    explainMinutes: 8,
    category: 'apparel',
    mechanism: 'coupon',
    refundRate: 0.35,
  },
  {
    productId: 'prd_apparel_dress',
    skuId: 'sku_dress_floral_s',
    title: '法式碎花连衣裙 收腰显瘦',
    priceFen: 12_900,
    costFen: 4_300,
    appeal: 0.6,
    explainMinutes: 10,
    category: 'apparel',
    refundRate: 0.42,
  },
  {
    productId: 'prd_apparel_down',
    skuId: 'sku_down_navy_l',
    title: '轻薄羽绒服 90白鸭绒',
    priceFen: 29_900,
    costFen: 12_800,
    appeal: 0.55,
    explainMinutes: 10,
    stock: 2_000,
    category: 'apparel',
    mechanism: 'gift',
    refundRate: 0.38,
  },
  {
    productId: 'prd_apparel_coat',
    skuId: 'sku_coat_camel_m',
    title: '双面羊毛大衣 中长款',
    priceFen: 49_900,
    costFen: 21_000,
    appeal: 0.45,
    explainMinutes: 12,
    category: 'apparel',
    refundRate: 0.45,
  },
];

/** The demo line-ups by category. */
export const demoLineups = { beauty: beautyLineup, food: foodLineup, apparel: apparelLineup } as const;
export type DemoCategory = keyof typeof demoLineups;

/**
 * A ready-made plan for the demo and tests: a Douyin session of the given category with a modest
 * Qianchuan-style budget. Override any field.
 */
export function demoSessionPlan(
  options: Pick<SessionPlan, 'orgId' | 'accountId' | 'sessionId' | 'startAt'> &
    Partial<SessionPlan> & { category?: DemoCategory; platform?: SimulatedPlatform },
): SessionPlan {
  const { category = 'beauty', ...rest } = options;
  return {
    seed: 1,
    platform: 'douyin',
    durationMin: 120,
    scale: 2_000,
    lineup: [...demoLineups[category]],
    ad: { budgetFenPerHour: 1_500_000, bidLevel: 1 },
    ...rest,
  };
}
