import { z } from 'zod';
import { fenSchema } from './category.schema.js';

export const commissionBpSchema = z
  .number()
  .int()
  .min(0)
  .max(10_000)
  .describe('commission rate in basis points: 2000 = 20%');
export const stockSchema = z.number().int().min(0).max(100_000_000);

const skuFields = z.object({
  spec: z.string().trim().min(1).max(50).describe('规格, e.g. 500ml × 2'),
  listPriceFen: fenSchema.describe('原价 (list price), fen'),
  livePriceFen: fenSchema.describe('直播价 (live price), fen'),
  costFen: fenSchema.describe('成本 (cost / supply price), fen'),
  commissionBp: commissionBpSchema,
  stock: stockSchema.describe('stock the merchant can supply'),
});

export const skuInput = skuFields.refine((s) => s.livePriceFen <= s.listPriceFen, {
  message: 'the live price cannot be above the list price',
  path: ['livePriceFen'],
  params: { code: 'live_price_above_list' },
});
export type SkuInput = z.infer<typeof skuInput>;

export const updateSkuInput = skuFields
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'give a field to change');
export type UpdateSkuInput = z.infer<typeof updateSkuInput>;

const productFields = z.object({
  categoryId: z.string().min(1).max(64),
  title: z.string().trim().min(1).max(100),
  brand: z.string().trim().min(1).max(50).nullish(),
  claims: z.string().trim().max(2000).nullish().describe('卖点: what the anchor may claim about the product'),
  imageIds: z.array(z.string().min(1).max(64)).max(9).default([]),
});

export const createProductInput = productFields.extend({
  skus: z
    .array(skuInput)
    .min(1)
    .max(50)
    .refine((skus) => new Set(skus.map((s) => s.spec)).size === skus.length, {
      message: 'each SKU needs its own spec',
      params: { code: 'duplicate_spec' },
    }),
});
export type CreateProductInput = z.infer<typeof createProductInput>;

export const staffCreateProductInput = createProductInput.extend({ merchantId: z.string().min(1).max(64) });

export const updateProductInput = productFields
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'give a field to change');
export type UpdateProductInput = z.infer<typeof updateProductInput>;

export const skuDto = z.object({
  id: z.string(),
  productId: z.string(),
  spec: z.string(),
  listPriceFen: z.number().int(),
  livePriceFen: z.number().int(),
  costFen: z.number().int(),
  commissionBp: z.number().int(),
  stock: z.number().int(),
});
export type SkuDto = z.infer<typeof skuDto>;

export const productDto = z.object({
  id: z.string(),
  merchantId: z.string(),
  merchantName: z.string(),
  categoryId: z.string(),
  categoryPath: z.string(),
  title: z.string(),
  brand: z.string().nullable(),
  claims: z.string().nullable(),
  imageIds: z.array(z.string()),
  skus: z.array(skuDto),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProductDto = z.infer<typeof productDto>;

export const productListQuery = z.object({
  merchantId: z.string().max(64).optional(),
  categoryId: z.string().max(64).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ProductListQuery = z.infer<typeof productListQuery>;

/** A create-product request body as a client writes it. */
export type CreateProductBody = z.input<typeof createProductInput>;
