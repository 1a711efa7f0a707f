import { z } from 'zod';
import { actorDto } from './deposit.schema.js';

export const createReceiptInput = z.object({
  lines: z
    .array(
      z.object({
        skuId: z.string().min(1).max(64),
        quantity: z.number().int().min(1).max(10_000_000),
        location: z.string().trim().min(1).max(50).describe('库位, e.g. A-03-2'),
      }),
    )
    .min(1)
    .max(50),
  note: z.string().trim().max(500).nullish(),
});
export type CreateReceiptInput = z.infer<typeof createReceiptInput>;

export const receiptDto = z.object({
  id: z.string(),
  submissionId: z.string(),
  skuId: z.string(),
  spec: z.string(),
  productTitle: z.string(),
  quantity: z.number().int(),
  location: z.string(),
  note: z.string().nullable(),
  actor: actorDto,
  at: z.string(),
});
export type ReceiptDto = z.infer<typeof receiptDto>;

export const receiptListQuery = z.object({
  submissionId: z.string().max(64).optional(),
  skuId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ReceiptListQuery = z.infer<typeof receiptListQuery>;

export const stockDto = z.object({
  skuId: z.string(),
  spec: z.string(),
  productId: z.string(),
  productTitle: z.string(),
  merchantId: z.string(),
  merchantName: z.string(),
  receivedQty: z.number().int(),
  allocatedQty: z.number().int().describe('reserved: held by line-ups'),
  soldQty: z.number().int().describe('paid orders minus refunds'),
  availableQty: z.number().int().describe('received − reserved − sold: what a line-up can still draw on'),
  locations: z.array(z.string()),
});
export type StockDto = z.infer<typeof stockDto>;

export interface AllocateStockInput {
  skuId: string;
  quantity: number;
  /** What holds the stock, e.g. a line-up item id. */
  reference: string;
}

export interface StockAllocationDto {
  id: string;
  skuId: string;
  quantity: number;
  reference: string;
  at: string;
  releasedAt: string | null;
}

/** A receive-stock request body as a client writes it. */
export type CreateReceiptBody = z.input<typeof createReceiptInput>;
