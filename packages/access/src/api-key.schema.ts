import { apiKeyPurposes, eventSources, normaliseOrigin } from '@livecloud/contracts/vocabulary';
import { z } from 'zod';

export { eventSources, normaliseOrigin };

/** Most origins one key may list. */
export const maxAllowedOrigins = 50;

const originSchema = z
  .string()
  .max(200)
  .refine((v) => normaliseOrigin(v) !== null, {
    message: 'must be an origin such as https://shop.example.com (scheme, host, optional port), or *',
  })
  .transform((v) => normaliseOrigin(v) ?? v);

const allowedOriginsSchema = z
  .array(originSchema)
  .max(maxAllowedOrigins)
  .transform((origins) => [...new Set(origins)])
  .describe('web origins whose pages may use the key (CORS); * for any; collector keys only');

export const apiKeyDto = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.enum(apiKeyPurposes),
  source: z.string().nullable(),
  prefix: z.string().describe('the first characters of the secret, to recognise it'),
  allowedOrigins: z.array(z.string()).describe('web origins whose pages may use the key; * for any'),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKeyDto = z.infer<typeof apiKeyDto>;

export const createdApiKeyDto = apiKeyDto.extend({
  secret: z.string().describe('shown once; store it now'),
});
export type CreatedApiKeyDto = z.infer<typeof createdApiKeyDto>;

const adminNotForBrowser = {
  message: 'an admin key is never used from a browser, so it lists no origins',
  path: ['allowedOrigins'],
};

export const createApiKeyInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    purpose: z.enum(apiKeyPurposes),
    source: z.enum(eventSources).optional(),
    allowedOrigins: allowedOriginsSchema.optional(),
  })
  .refine((v) => v.purpose !== 'collector' || v.source !== undefined, {
    message: 'a collector key names its source',
    path: ['source'],
  })
  .refine((v) => v.purpose !== 'admin' || v.source === undefined, {
    message: 'an admin key has no source',
    path: ['source'],
  })
  .refine((v) => v.purpose !== 'admin' || (v.allowedOrigins ?? []).length === 0, adminNotForBrowser);
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

/** A create-key request body as a client writes it. */
export type CreateApiKeyBody = z.input<typeof createApiKeyInput>;

export const updateApiKeyInput = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    allowedOrigins: allowedOriginsSchema.optional(),
  })
  .refine((v) => v.name !== undefined || v.allowedOrigins !== undefined, {
    message: 'name or allowedOrigins',
  });
export type UpdateApiKeyInput = z.infer<typeof updateApiKeyInput>;

/** An update-key request body as a client writes it. */
export type UpdateApiKeyBody = z.input<typeof updateApiKeyInput>;
