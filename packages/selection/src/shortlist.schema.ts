import { z } from 'zod';
import { actorDto, daysSchema, idSchema, instantSchema } from './price.schema.js';
import { requirementDto, sessionDto, skuScoreDto, weightsParam } from './score.schema.js';

export const addShortlistInput = z.object({
  productId: idSchema,
  skuId: idSchema,
  note: z.string().trim().max(500).nullish(),
});
export type AddShortlistInput = z.infer<typeof addShortlistInput>;

const day = 86_400_000;
/** The longest window of sessions one list answers (scheduling's own limit). */
export const maxSessionListDays = 93;

export const selectableSessionsQuery = z
  .object({
    from: instantSchema.optional().describe('sessions starting at or after this; default 7 days ago'),
    to: instantSchema.optional().describe('… and before this; default 60 days after from'),
  })
  .transform((q, ctx) => {
    const from = q.from ?? Date.now() - 7 * day;
    const to = q.to ?? from + 67 * day;
    if (to <= from || to - from > maxSessionListDays * day) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `to must be after from, at most ${maxSessionListDays} days`,
      });
      return z.NEVER;
    }
    return { from, to };
  });

export const selectableSessionsDto = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      plannedStart: z.string(),
      plannedEnd: z.string(),
      status: z.string(),
      roomName: z.string(),
      requirementCount: z.number().int().describe('product-pool requirements (选品需求) set for it'),
    }),
  ),
});
export type SelectableSessionsDto = z.infer<typeof selectableSessionsDto>;

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

/** A SKU named by product, SKU, title and spec. */
export type SkuRefDto = z.infer<typeof skuRefDto>;

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

/** One session to select for. */
export type SelectableSessionDto = SelectableSessionsDto['items'][number];
/** An add-to-shortlist request body as a client writes it. */
export type AddShortlistBody = z.input<typeof addShortlistInput>;
