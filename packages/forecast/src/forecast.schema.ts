import { mechanismTypes, platforms } from '@livecloud/contracts/vocabulary';
import { z } from 'zod';

/** Selling mechanisms (机制) a line-up item can run, as scheduling names them. */
export const mechanismKinds = mechanismTypes;
export type MechanismKind = (typeof mechanismKinds)[number];

/** Where an item's forecast comes from: its own sales, its category's, the organisation's, or nowhere. */
export const forecastBases = ['product', 'category', 'org', 'none'] as const;
export type ForecastBasis = (typeof forecastBases)[number];

const fen = z.number().int().min(0).max(100_000_000_00).describe('integer fen');
const id = z.string().trim().min(1).max(64);

/** Platforms a what-if may name; each has its own platform fee. */
export const forecastPlatforms = platforms;

export const forecastItemInput = z.object({
  productId: id,
  skuId: id,
  livePriceFen: fen.min(1).describe('live price in fen'),
  explainMinutes: z.number().min(0.5).max(600).describe('planned explain time (讲解时长) in minutes'),
  mechanism: z.enum(mechanismKinds).default('none').describe('selling mechanism (机制)'),
  stockAllocation: z
    .number()
    .int()
    .min(0)
    .max(10_000_000)
    .nullish()
    .describe('units reserved for the session; caps the forecast; 0 or absent means no cap is known'),
});
export type ForecastItemRequest = z.infer<typeof forecastItemInput>;

export const forecastRequest = z.object({
  accountId: id
    .nullish()
    .describe('platform account the line-up is broadcast on; its recent sessions set the traffic'),
  platform: z
    .enum(forecastPlatforms)
    .nullish()
    .describe('sets the platform fee; default the organisation’s usual'),
  plannedMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .nullish()
    .describe('planned session length'),
  items: z.array(forecastItemInput).max(200).describe('the line-up in order; at least one item'),
});
export type ForecastRequest = z.infer<typeof forecastRequest>;

export const sessionForecastParams = z.object({ sessionId: id });

const range = z
  .object({
    point: z.number().describe('the forecast'),
    low: z.number().describe('p10: 80% of outcomes are expected between low and high'),
    high: z.number().describe('p90'),
  })
  .describe('ForecastRange');

const profitDto = z
  .object({
    gmvFen: z.number().int(),
    refundFen: z.number().int(),
    netGmvFen: z.number().int().describe('GMV − refunds'),
    costOfGoodsFen: z.number().int().describe('unit cost × units kept (not refunded)'),
    commissionFen: z.number().int().describe('commission rate × net GMV'),
    platformFeeFen: z.number().int().describe('platform fee rate × net GMV'),
    mechanismCostFen: z
      .number()
      .int()
      .describe('coupon value, gift value or flash discount per unit sold, up to its quantity'),
    profitFen: z
      .number()
      .int()
      .describe('net GMV − cost of goods − commission − platform fee − mechanism cost'),
  })
  .describe('ProfitBreakdown');

/** A forecast value with its interval. */
export type ForecastRangeDto = z.infer<typeof range>;
/** GMV down to profit, in fen. */
export type ProfitBreakdownDto = z.infer<typeof profitDto>;

export const forecastWarningCodes = [
  'product_not_in_catalogue',
  'sku_not_in_catalogue',
  'no_stock_allocated',
  'price_far_from_history',
  'unknown_mechanism',
  'product_not_approved',
  'no_stock',
] as const;

export const forecastItemDto = z.object({
  itemId: z.string().nullable().describe('the line-up item; null for a what-if'),
  position: z.number().int().describe('1-based order in the line-up'),
  productId: z.string(),
  skuId: z.string(),
  title: z.string().nullable(),
  skuSpec: z.string().nullable(),
  categoryName: z.string().nullable(),
  explainMinutes: z.number(),
  livePriceFen: z.number().int(),
  mechanism: z.enum(mechanismKinds),
  stockAllocation: z.number().int().nullable(),
  basis: z
    .enum(forecastBases)
    .describe('product: its own sales; category: its category’s; org: the organisation’s; none: no history'),
  basisCategoryId: z.string().nullable(),
  basisSessions: z.number().int().describe('past sessions behind the level used'),
  gmvFen: range.nullable(),
  paidOrders: range.nullable(),
  units: range.nullable(),
  refundFen: range.nullable(),
  refundRate: z.number().nullable(),
  profitFen: range.nullable().describe('null without a unit cost from the catalogue'),
  profit: profitDto.nullable(),
  stockCapped: z.boolean(),
  factors: z
    .object({
      minutesElasticity: z.number(),
      price: z.number().describe('multiplier for the price against the product’s usual price'),
      mechanism: z.number().describe('multiplier for the mechanism against none'),
      traffic: z.number().describe('multiplier for the account’s expected traffic'),
    })
    .nullable(),
  warnings: z.array(z.enum(forecastWarningCodes)),
});
export type ForecastItemDto = z.infer<typeof forecastItemDto>;

const accuracyDto = z.object({
  mape: z.number().nullable().describe('mean absolute percentage error of item GMV over items that sold'),
  smape: z.number().nullable().describe('symmetric MAPE over every item, including those that sold nothing'),
  sessionMape: z.number().nullable().describe('MAPE of each session’s line-up total'),
});

export const backtestSummaryDto = z.object({
  sessions: z.number().int().describe('held-out sessions'),
  modelMape: z.number().nullable(),
  naiveMape: z.number().nullable(),
  coverage: z.number().nullable().describe('share of actuals inside p10–p90'),
});

export const forecastDto = z.object({
  status: z.enum(['ok', 'unavailable']),
  reason: z
    .object({ code: z.enum(['no_history']), message: z.string() })
    .nullable()
    .describe('why there is no forecast; null when there is one'),
  asOf: z.string().describe('only sessions that started before this count'),
  session: z.object({
    id: z.string().nullable(),
    title: z.string().nullable(),
    accountId: z.string().nullable(),
    platform: z.string().nullable(),
    plannedMinutes: z.number().int().nullable(),
  }),
  history: z.object({
    sessions: z.number().int(),
    accountSessions: z.number().int().describe('of them, on this account (they set the traffic level)'),
    from: z.string().nullable(),
    to: z.string().nullable(),
  }),
  platformFee: z.object({
    bp: z.number().int(),
    known: z.boolean().describe('false: the default rate was used'),
  }),
  trafficFactor: z.number().nullable(),
  model: z
    .object({
      minutesElasticity: z.number(),
      trafficElasticity: z.number(),
      priceElasticity: z.number().describe('of GMV to price'),
      mechanismFactors: z.record(z.enum(mechanismKinds), z.number()),
      productShrinkage: z.number().describe('pseudo-sessions of the category level in a product’s level'),
    })
    .nullable(),
  intervals: z.object({
    level: z.number(),
    method: z.enum(['backtest_residuals', 'default']),
    itemResiduals: z.number().int(),
    totalResiduals: z.number().int(),
  }),
  items: z.array(forecastItemDto),
  totals: z
    .object({
      gmvFen: range,
      paidOrders: range,
      units: range,
      refundFen: range,
      profitFen: range.nullable(),
      profit: profitDto.nullable(),
      profitItems: z.number().int().describe('items with a unit cost, which the profit covers'),
    })
    .nullable(),
  backtest: backtestSummaryDto.nullable(),
});
export type ForecastDto = z.infer<typeof forecastDto>;

export const backtestDto = z.object({
  computedAt: z.string(),
  reason: z
    .object({ code: z.enum(['not_enough_history']), message: z.string() })
    .nullable()
    .describe('why no session could be held out'),
  minTrainingSessions: z.number().int(),
  historySessions: z.number().int(),
  sessionsUsed: z.number().int().describe('held-out sessions forecast from the sessions before each'),
  skippedSessions: z.number().int(),
  items: z.number().int(),
  zeroActualItems: z
    .number()
    .int()
    .describe('items that sold nothing: outside MAPE, inside sMAPE and coverage'),
  model: accuracyDto,
  naive: accuracyDto.describe('the last similar session, unscaled'),
  ratio: z.number().nullable().describe('model MAPE ÷ naive MAPE; below 1 the model is better'),
  coverage: z.object({ level: z.number(), share: z.number().nullable(), items: z.number().int() }),
  sessions: z.array(
    z.object({
      sessionId: z.string(),
      startedAt: z.string(),
      items: z.number().int(),
      actualGmvFen: z.number().int(),
      modelGmvFen: z.number().int(),
      naiveGmvFen: z.number().int(),
    }),
  ),
});
export type BacktestDto = z.infer<typeof backtestDto>;

/** A what-if request body as a client writes it. */
export type ForecastRequestBody = z.input<typeof forecastRequest>;
