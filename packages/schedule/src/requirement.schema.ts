import { z } from 'zod';

const fen = z.number().int().min(0).max(100_000_000_00).describe('integer fen');

export const poolRequirementDto = z.object({
  id: z.string(),
  categories: z.array(z.string()).describe('product categories that satisfy this requirement'),
  priceMinFen: z.number().int().nullable(),
  priceMaxFen: z.number().int().nullable(),
  minMarginBp: z.number().int().nullable().describe('minimum gross margin in basis points: 2500 = 25 %'),
  count: z.number().int().describe('how many products of this kind the session needs'),
  note: z.string().nullable(),
});
export type PoolRequirementDto = z.infer<typeof poolRequirementDto>;

export const poolRequirementInput = z
  .object({
    categories: z.array(z.string().trim().min(1).max(50)).min(1).max(20),
    priceMinFen: fen.nullish(),
    priceMaxFen: fen.nullish(),
    minMarginBp: z.number().int().min(0).max(10_000).nullish(),
    count: z.number().int().min(1).max(500),
    note: z.string().trim().max(500).nullish(),
  })
  .refine((v) => v.priceMinFen == null || v.priceMaxFen == null || v.priceMaxFen >= v.priceMinFen, {
    message: 'priceMaxFen must not be below priceMinFen',
    path: ['priceMaxFen'],
  });

/** The whole set for a session; replaces what was there. */
export const putPoolRequirementsInput = z.object({ items: z.array(poolRequirementInput).max(50) });
export type PutPoolRequirementsInput = z.infer<typeof putPoolRequirementsInput>;

/** One pool requirement as a client writes it. */
export type PoolRequirementBody = z.input<typeof poolRequirementInput>;
