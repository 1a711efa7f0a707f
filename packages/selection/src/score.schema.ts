import { z } from 'zod';
import { daysSchema, idListSchema, idSchema, pricePointDto } from './price.schema.js';
import {
  defaultScoreWeights as defaultWeights,
  scoreComponents,
  type ScoreComponent,
} from '@livecloud/contracts/vocabulary';

const weightList =
  /^\s*[a-z_]+\s*:\s*\d{1,3}(?:\.\d{1,2})?\s*(?:,\s*[a-z_]+\s*:\s*\d{1,3}(?:\.\d{1,2})?\s*)*$/;

/**
 * Per-request weights as `name:value` pairs ("margin:40,lowest_price:0"). Names are the score
 * components; values 0–100; unnamed components keep their default; the result must sum to more than 0.
 */
export const weightsParam = z
  .string()
  .max(300)
  .regex(weightList, 'write weights as name:value pairs, e.g. margin:40,stock:5')
  .transform((text) =>
    Object.fromEntries(
      text.split(',').map((pair) => {
        const [name = '', value = ''] = pair.split(':');
        return [name.trim(), Number(value)];
      }),
    ),
  )
  .pipe(
    z
      .object(
        Object.fromEntries(scoreComponents.map((c) => [c, z.number().min(0).max(100).optional()])) as Record<
          (typeof scoreComponents)[number],
          z.ZodOptional<z.ZodNumber>
        >,
      )
      .strict(),
  )
  .refine((w) => scoreComponents.reduce((sum, c) => sum + (w[c] ?? defaultWeights[c]), 0) > 0, {
    message: 'the weights must sum to more than 0',
  })
  .describe(
    `weights as name:value pairs (0–100); components ${scoreComponents.join(', ')}; defaults ${scoreComponents
      .map((c) => `${c}:${defaultWeights[c]}`)
      .join(',')}`,
  );

const booleanParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const scoresQuery = z.object({
  sessionId: idSchema.optional().describe('score the fit with this session’s requirements'),
  productIds: idListSchema(200).optional().describe('default: the catalogue, approved and not'),
  categoryId: idSchema.optional().describe('only this category and below (catalogue listing)'),
  approvedOnly: booleanParam.optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(200)
    .describe('the best this many SKUs, after ranking'),
  days: daysSchema,
  weights: weightsParam.optional(),
});
export type ScoresQuery = z.infer<typeof scoresQuery>;

export const compareQuery = z.object({
  skuIds: z
    .string()
    .min(1)
    .max(6 * 65 + 64)
    .describe('2–6 comma-separated SKU ids'),
  productIds: idListSchema(6).optional().describe('their products, to find the SKUs faster'),
  sessionId: idSchema.optional(),
  days: daysSchema,
  weights: weightsParam.optional(),
});
export type CompareQuery = z.infer<typeof compareQuery>;

const paramValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const componentScoreDto = z.object({
  component: z.enum(scoreComponents),
  applicable: z.boolean().describe('false: cannot be judged for this SKU; its weight drops out'),
  raw: z.number().nullable().describe('the measured value, a ratio (0.42 = 42 %)'),
  normalised: z.number().nullable().describe('0–1, what the weight multiplies'),
  weight: z.number(),
  points: z.number().describe('points of the 0–100 score this component gave'),
  reason: z.object({ code: z.string(), params: z.record(z.string(), paramValue) }),
});

export const sessionDto = z.object({
  id: z.string(),
  title: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  status: z.string(),
});

export const requirementDto = z.object({
  id: z.string(),
  categories: z.array(z.string()),
  priceMinFen: z.number().int().nullable(),
  priceMaxFen: z.number().int().nullable(),
  minMarginBp: z.number().int().nullable(),
  itemCount: z.number().int(),
  note: z.string().nullable(),
});

export const skuScoreDto = z.object({
  productId: z.string(),
  skuId: z.string(),
  title: z.string(),
  spec: z.string(),
  brand: z.string().nullable(),
  merchantName: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  status: z.string().nullable(),
  approved: z.boolean(),
  listPriceFen: z.number().int(),
  livePriceFen: z.number().int(),
  costFen: z.number().int(),
  marginBp: z.number().int().nullable().describe('(live − cost) ÷ live in basis points'),
  commissionBp: z.number().int(),
  availableStock: z.number().int(),
  lowestPrice: z.object({
    lowest: pricePointDto.nullable(),
    flagged: z.boolean(),
    gapFen: z.number().int().nullable(),
    gapBp: z.number().int().nullable(),
  }),
  conversion: z
    .object({
      clicks: z.number(),
      orders: z.number(),
      rawRate: z.number().nullable(),
      rate: z.number(),
      categoryRate: z.number(),
      orgRate: z.number(),
    })
    .nullable()
    .describe('paid orders ÷ clicks, shrunk toward the category and organisation; null without history'),
  score: z.number().nullable().describe('0–100; null when no weighted component applies'),
  applicableWeight: z.number(),
  components: z.array(componentScoreDto),
});
export type SkuScoreDto = z.infer<typeof skuScoreDto>;

const scoringContext = {
  session: sessionDto.nullable(),
  requirements: z.array(requirementDto),
  days: z.number().int().describe('lowest-price look-back'),
  weights: z.record(z.string(), z.number()),
  conversionPrior: z.object({ productClicks: z.number(), categoryClicks: z.number() }),
  conversionLookbackDays: z.number().int(),
};

export const scoresDto = z.object({ ...scoringContext, items: z.array(skuScoreDto) });
export type ScoresDto = z.infer<typeof scoresDto>;
export type ScoringContextDto = Omit<ScoresDto, 'items'>;

export const compareDto = z.object({
  ...scoringContext,
  items: z.array(skuScoreDto).describe('in the order asked'),
});
export type CompareDto = z.infer<typeof compareDto>;

/** A weight per score component. */
export type ScoreWeights = Record<ScoreComponent, number>;

/** One component's part of a score. */
export type ComponentScoreDto = z.infer<typeof componentScoreDto>;
/** The session a score is for. */
export type SelectionSessionDto = z.infer<typeof sessionDto>;
/** One of the session's pool requirements, as scoring reads it. */
export type RequirementDto = z.infer<typeof requirementDto>;
