import { z } from 'zod';
import { actorDto, daysSchema, idSchema } from './price.schema.js';
import { requirementDto, sessionDto, skuScoreDto, weightsParam } from './score.schema.js';

export const addShortlistInput = z.object({
  productId: idSchema,
  skuId: idSchema,
  note: z.string().trim().max(500).nullish(),
});
export type AddShortlistInput = z.infer<typeof addShortlistInput>;

export const shortlistParams = z.object({ sessionId: idSchema });
export const shortlistSkuParams = z.object({ sessionId: idSchema, skuId: idSchema });

export const shortlistQuery = z.object({ days: daysSchema, weights: weightsParam.optional() });
export type ShortlistQuery = z.infer<typeof shortlistQuery>;

export const shortlistItemDto = z.object({
  sessionId: z.string(),
  productId: z.string(),
  skuId: z.string(),
  note: z.string().nullable(),
  addedBy: actorDto,
  addedAt: z.string(),
  scored: skuScoreDto
    .nullable()
    .describe('the catalogue entry and its score for the session; null when the SKU has left the catalogue'),
});
export type ShortlistItemDto = z.infer<typeof shortlistItemDto>;

export const shortlistDto = z.object({
  session: sessionDto,
  days: z.number().int(),
  weights: z.record(z.string(), z.number()),
  items: z.array(shortlistItemDto),
});
export type ShortlistDto = z.infer<typeof shortlistDto>;

const skuRefDto = z.object({ productId: z.string(), skuId: z.string(), title: z.string(), spec: z.string() });

export const coverageDto = z.object({
  session: sessionDto,
  allMet: z.boolean().describe('every requirement has its item count'),
  requirements: z.array(
    z.object({
      requirement: requirementDto,
      matching: z.array(skuRefDto).describe('shortlisted SKUs that meet it in full'),
      counted: z
        .array(skuRefDto)
        .describe('SKUs counted toward it; a SKU that fits several requirements counts for one'),
      count: z.number().int(),
      itemCount: z.number().int(),
      status: z.enum(['met', 'short']),
      shortBy: z.number().int(),
      nearMisses: z
        .array(skuRefDto.extend({ missed: z.array(z.enum(['category', 'price_band', 'margin'])) }))
        .describe('SKUs of a matching category that miss the price band or margin'),
    }),
  ),
  unmatched: z.array(skuRefDto).describe('shortlisted SKUs that meet no requirement'),
  missing: z
    .array(z.object({ productId: z.string(), skuId: z.string() }))
    .describe('shortlisted SKUs no longer in the catalogue'),
});
export type CoverageDto = z.infer<typeof coverageDto>;
