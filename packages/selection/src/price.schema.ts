import { z } from 'zod';
import { actorTypes, observationSources, pricePlatforms } from '@livecloud/contracts/vocabulary';

/** The lowest-price look-back when a request names none (SPEC §3: lowest-price guarantee). */
export const defaultWindowDays = 30;
/** The longest look-back of price history, in days. */
export const maxWindowDays = 365;

export const idSchema = z.string().trim().min(1).max(64);
export const fen = z.number().int().min(0).max(100_000_000_00).describe('integer fen');
export const platformSchema = z.enum(pricePlatforms);

/** An instant at the edge: ISO 8601 with an offset, handled as epoch ms inside. */
export const instantSchema = z.iso
  .datetime({ offset: true })
  .transform((value) => Date.parse(value))
  .describe('ISO 8601 instant with offset, e.g. 2026-11-11T20:00:00+08:00');

/** The lowest-price look-back in days, 1–365. */
export const daysSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(maxWindowDays)
  .default(defaultWindowDays)
  .describe(`look-back in days (1–${maxWindowDays}, default ${defaultWindowDays})`);

/** Comma-separated ids in a query string ("a,b,c"), trimmed, empties dropped. */
export function idListSchema(max: number) {
  return z
    .string()
    .max(max * 65)
    .transform((text) =>
      text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    )
    .pipe(z.array(z.string().max(64)).max(max))
    .describe(`comma-separated ids, at most ${max}`);
}

export const actorDto = z.object({ type: z.enum(actorTypes), id: z.string().nullable() });

export const observationDto = z.object({
  id: z.string().describe('observation id (pob_…)'),
  productId: z.string(),
  skuId: z.string().nullable().describe('null: the price holds for the whole product'),
  source: z.enum(observationSources),
  platform: platformSchema.nullable(),
  priceFen: z.number().int(),
  observedAt: z.string(),
  reference: z.string().nullable().describe('where it was seen: a link or a shop'),
  note: z.string().nullable(),
  createdBy: actorDto,
  createdAt: z.string(),
});
export type ObservationDto = z.infer<typeof observationDto>;

export const createObservationInput = z
  .object({
    productId: idSchema,
    skuId: idSchema.nullish().describe('omit or null for a price of the whole product'),
    source: z
      .enum(['platform', 'manual'])
      .default('manual')
      .describe('platform: read off a platform listing; manual: anything else typed by hand'),
    platform: platformSchema.nullish(),
    priceFen: fen,
    observedAt: instantSchema.optional().describe('when the price was seen; default now'),
    reference: z.string().trim().max(500).nullish(),
    note: z.string().trim().max(500).nullish(),
  })
  .refine((v) => v.source !== 'platform' || Boolean(v.platform), {
    message: 'a platform price names its platform',
    path: ['platform'],
  });
export type CreateObservationInput = z.infer<typeof createObservationInput>;

export const importObservationsInput = z.object({
  csv: z
    .string()
    .min(1)
    .max(2_000_000)
    .describe('the CSV text (UTF-8); headers 商品ID, SKU ID, 平台, 价格(元), 观测时间, 来源链接, 备注'),
});

export const importRowDto = z.object({
  line: z.number().int().describe('line in the file (the header is line 1)'),
  productId: z.string(),
  skuId: z.string().nullable(),
  status: z.enum(['taken', 'rejected']),
  observationId: z.string().nullable(),
  reasons: z.array(z.object({ column: z.string().nullable(), code: z.string(), message: z.string() })),
});
export type ImportRowDto = z.infer<typeof importRowDto>;

export const importReportDto = z.object({
  total: z.number().int(),
  taken: z.number().int(),
  rejected: z.number().int(),
  ignoredColumns: z.array(z.string()),
  rows: z.array(importRowDto),
});
export type ImportReportDto = z.infer<typeof importReportDto>;

export const listObservationsQuery = z.object({
  skuId: idSchema.optional().describe('this SKU’s prices and the whole product’s'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const pricePointDto = z.object({
  skuId: z.string().nullable().describe('null: holds for the whole product'),
  priceFen: z.number().int(),
  observedAt: z.string(),
  source: z
    .enum([...observationSources, 'session'])
    .describe('session: a past live session’s lowest paid unit price'),
  platform: platformSchema.nullable(),
  reference: z.string().nullable(),
  observationId: z.string().nullable(),
  sessionId: z.string().nullable(),
});
export type PricePointDto = z.infer<typeof pricePointDto>;

const checkFields = {
  livePriceFen: z.number().int(),
  lowest: pricePointDto.nullable().describe('the lowest price in the window; null when nothing was seen'),
  flagged: z.boolean().describe('the live price is above the lowest price seen in the window'),
  gapFen: z.number().int().nullable().describe('live price minus the lowest; negative when below'),
  gapBp: z.number().int().nullable().describe('the gap relative to the lowest, in basis points'),
};

export const priceHistoryDto = z.object({
  productId: z.string(),
  title: z.string(),
  days: z.number().int(),
  since: z.string(),
  until: z.string(),
  skus: z.array(
    z.object({
      skuId: z.string(),
      spec: z.string(),
      ...checkFields,
      points: z.array(pricePointDto).describe('observations and session prices in the window, oldest first'),
    }),
  ),
});
export type PriceHistoryDto = z.infer<typeof priceHistoryDto>;

export const lowestPriceCheckQuery = z.object({
  productIds: idListSchema(200).optional().describe('default: the catalogue (up to 200 products)'),
  days: daysSchema,
});

export const lowestPriceCheckDto = z.object({
  days: z.number().int(),
  items: z.array(
    z.object({
      productId: z.string(),
      title: z.string(),
      skuId: z.string(),
      spec: z.string(),
      ...checkFields,
    }),
  ),
});
export type LowestPriceCheckDto = z.infer<typeof lowestPriceCheckDto>;

/** An observation request body as a client writes it. */
export type CreateObservationBody = z.input<typeof createObservationInput>;
