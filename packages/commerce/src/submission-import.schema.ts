import { z } from 'zod';
import { sessionRefSchema, targetSchema } from './submission.schema.js';

const importFields = z.object({
  target: targetSchema,
  sessionRef: sessionRefSchema.nullish(),
  csv: z
    .string()
    .min(1)
    .max(2_000_000)
    .describe(
      'the CSV text (UTF-8); headers 商品名称, 品牌, 类目, 规格, 原价, 直播价, 成本, 佣金比例, 库存, 卖点',
    ),
});
const targetRule = {
  check: (v: { target: string; sessionRef?: string | null | undefined }) =>
    (v.target === 'session') === Boolean(v.sessionRef),
  message: 'a session submission names its session, a pool submission names none',
};

export const portalImportInput = importFields.refine(targetRule.check, {
  message: targetRule.message,
  path: ['sessionRef'],
  params: { code: 'session_target_mismatch' },
});
export type PortalImportInput = z.infer<typeof portalImportInput>;

export const staffImportInput = importFields
  .extend({ merchantId: z.string().min(1).max(64) })
  .refine(targetRule.check, {
    message: targetRule.message,
    path: ['sessionRef'],
    params: { code: 'session_target_mismatch' },
  });

export const importRowDto = z.object({
  line: z.number().int().describe('line in the file (the header is line 1)'),
  title: z.string(),
  spec: z.string().nullable(),
  status: z.enum(['taken', 'rejected']),
  productId: z.string().nullable(),
  submissionId: z.string().nullable(),
  reasons: z.array(z.object({ column: z.string().nullable(), code: z.string(), message: z.string() })),
});
export type ImportRowDto = z.infer<typeof importRowDto>;

export const importReportDto = z.object({
  total: z.number().int(),
  taken: z.number().int(),
  rejected: z.number().int(),
  products: z
    .number()
    .int()
    .describe(
      'products created: rows with the same name, brand and category become one product with several SKUs',
    ),
  ignoredColumns: z.array(z.string()),
  rows: z.array(importRowDto),
});
export type ImportReportDto = z.infer<typeof importReportDto>;

/** A portal CSV import request body as a client writes it. */
export type PortalImportBody = z.input<typeof portalImportInput>;
/** A staff CSV import request body (for one merchant) as a client writes it. */
export type StaffImportBody = z.input<typeof staffImportInput>;
