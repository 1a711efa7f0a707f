import { z } from 'zod';

export const fenSchema = z.number().int().min(0).max(1_000_000_000_00).describe('integer fen (分)');

export const categoryDto = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  path: z.string().describe('names from the root, joined with "/" (美妆/护肤)'),
  depth: z.number().int(),
  requiredDepositFen: fenSchema.describe('deposit this category itself requires'),
  effectiveRequiredDepositFen: fenSchema.describe(
    'the largest requirement on the way from the root: what applies',
  ),
  createdAt: z.string(),
});
export type CategoryDto = z.infer<typeof categoryDto>;

const categoryName = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .refine((v) => !v.includes('/'), 'a category name cannot contain "/"');

export const createCategoryInput = z.object({
  name: categoryName,
  parentId: z.string().min(1).max(64).nullish(),
  requiredDepositFen: fenSchema.default(0),
});
export type CreateCategoryInput = z.infer<typeof createCategoryInput>;

export const updateCategoryInput = z
  .object({ name: categoryName.optional(), requiredDepositFen: fenSchema.optional() })
  .refine(
    (v) => v.name !== undefined || v.requiredDepositFen !== undefined,
    'give name or requiredDepositFen',
  );
export type UpdateCategoryInput = z.infer<typeof updateCategoryInput>;
