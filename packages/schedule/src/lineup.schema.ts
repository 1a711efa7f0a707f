import { z } from 'zod';

const fen = z.number().int().min(0).max(100_000_000_00).describe('integer fen');
const count = z.number().int().min(1).max(1_000_000);

/** The selling mechanism (机制) of a line-up item, with its parameters. */
export const mechanismSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({
    type: z.literal('coupon'),
    discountFen: fen.min(1).describe('amount off'),
    thresholdFen: fen.default(0).describe('spend at least this much (满减); 0 for no threshold'),
    quantity: count.nullish().describe('coupons issued; null for unlimited'),
  }),
  z.object({
    type: z.literal('gift'),
    giftName: z.string().trim().min(1).max(100),
    giftValueFen: fen.nullish(),
    quantity: count,
  }),
  z.object({
    type: z.literal('flash_sale').describe('秒杀'),
    flashPriceFen: fen,
    quantity: count,
    durationMinutes: z.number().int().min(1).max(120),
  }),
  z.object({
    type: z.literal('giveaway').describe('福袋'),
    prize: z.string().trim().min(1).max(100),
    winners: z.number().int().min(1).max(10_000),
    durationMinutes: z.number().int().min(1).max(60),
    condition: z.enum(['comment', 'follow', 'fanclub']).describe('what a viewer does to enter'),
  }),
]);
export type Mechanism = z.infer<typeof mechanismSchema>;

export const lineupItemDto = z.object({
  id: z.string().describe('line-up item id (lui_…)'),
  position: z.number().int().describe('1-based order in the session'),
  productId: z.string(),
  skuId: z.string(),
  product: z
    .object({ title: z.string(), status: z.string(), approved: z.boolean(), skuName: z.string().nullable() })
    .nullable()
    .describe('from the product catalogue; null when it has no such product or none is connected'),
  explainMinutes: z.number().int(),
  livePriceFen: z.number().int(),
  mechanism: mechanismSchema,
  stockAllocation: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LineupItemDto = z.infer<typeof lineupItemDto>;

export const lineupProblemCodes = [
  'product_not_found',
  'sku_not_found',
  'product_not_approved',
  'stock_exceeded',
  'price_above_lowest',
  'live_price_above_list',
  'coupon_exceeds_price',
  'price_below_cost',
  'duplicate_sku',
  'requirement_short',
  'explain_time_exceeds_session',
] as const;

export const lineupCheckNames = [
  'approval',
  'stock',
  'price_rules',
  'duplicates',
  'requirements',
  'lowest_price',
  'explain_time',
] as const;

export const lineupValidationDto = z.object({
  ok: z.boolean().describe('no errors in the checks that ran (warnings do not block)'),
  problems: z.array(
    z.object({
      itemId: z.string().nullable().describe('null for a problem of the whole line-up'),
      code: z.enum(lineupProblemCodes),
      severity: z.enum(['error', 'warning']),
      message: z.string().describe('English fallback; clients word the code and details'),
      details: z.record(z.string(), z.unknown()).describe('the figures behind the code (fen, units, ids)'),
    }),
  ),
  checks: z.array(
    z.object({
      check: z.enum(lineupCheckNames),
      status: z.enum(['passed', 'failed', 'skipped']),
      reason: z.string().nullable().describe('why a check was skipped'),
    }),
  ),
});
export type LineupValidationDto = z.infer<typeof lineupValidationDto>;

export const lineupDto = z.object({
  sessionId: z.string(),
  sessionMinutes: z.number().int(),
  totalExplainMinutes: z.number().int(),
  items: z.array(lineupItemDto),
  validation: lineupValidationDto,
});
export type LineupDto = z.infer<typeof lineupDto>;

const itemFields = {
  productId: z.string().trim().min(1).max(64),
  skuId: z.string().trim().min(1).max(64),
  explainMinutes: z.number().int().min(1).max(600).describe('planned explain time (讲解时长)'),
  livePriceFen: fen.describe('live price in fen'),
  mechanism: mechanismSchema.default({ type: 'none' }),
  stockAllocation: z.number().int().min(0).max(10_000_000).describe('units reserved for this session'),
  note: z.string().trim().max(1000).nullish().describe('script notes for the anchor'),
};

function flashBelowLive(v: {
  livePriceFen?: number | undefined;
  mechanism?: Mechanism | undefined;
}): boolean {
  return (
    v.mechanism?.type !== 'flash_sale' ||
    v.livePriceFen === undefined ||
    v.mechanism.flashPriceFen < v.livePriceFen
  );
}
const flashIssue = {
  message: 'a flash-sale price must be below the live price',
  path: ['mechanism', 'flashPriceFen'],
};

export const createLineupItemInput = z
  .object({
    ...itemFields,
    position: z.number().int().min(1).optional().describe('insert here; default last'),
  })
  .refine(flashBelowLive, flashIssue);
export type CreateLineupItemInput = z.infer<typeof createLineupItemInput>;

export const updateLineupItemInput = z
  .object({
    productId: itemFields.productId.optional(),
    skuId: itemFields.skuId.optional(),
    explainMinutes: itemFields.explainMinutes.optional(),
    livePriceFen: itemFields.livePriceFen.optional(),
    mechanism: mechanismSchema.optional(),
    stockAllocation: itemFields.stockAllocation.optional(),
    note: itemFields.note,
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'give at least one field')
  .refine(flashBelowLive, flashIssue);
export type UpdateLineupItemInput = z.infer<typeof updateLineupItemInput>;

export const reorderLineupInput = z.object({
  itemIds: z
    .array(z.string().min(1).max(64))
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, 'an item is listed twice')
    .describe('every item of the line-up, in the new order'),
});

/** An add-item request body as a client writes it. */
export type CreateLineupItemBody = z.input<typeof createLineupItemInput>;
/** An update-item request body as a client writes it. */
export type UpdateLineupItemBody = z.input<typeof updateLineupItemInput>;
