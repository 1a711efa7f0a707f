import { apiKeyKinds, apiKeyPurposes, eventSources, normaliseOrigin } from '@livecloud/contracts/vocabulary';
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
  kind: z
    .enum(apiKeyKinds)
    .describe('personal: ends with its owner; service: passed on when its owner leaves'),
  owner: z
    .object({
      userId: z.string(),
      name: z.string(),
      active: z.boolean().describe('false once the owner has left the organisation'),
    })
    .nullable()
    .describe('who answers for the key; null for a service key the system made'),
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
    kind: z
      .enum(apiKeyKinds)
      .default('personal')
      .describe('personal (default) ends when you leave; service is the organisation’s and gets a new owner'),
    ownerId: z
      .string()
      .max(40)
      .optional()
      .describe('a service key’s owner (a user id of an active member); defaults to you'),
  })
  .refine((v) => v.kind === 'service' || v.ownerId === undefined, {
    message: 'only a service key names another owner',
    path: ['ownerId'],
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
/** A parsed create-key request; `kind` may be left out by callers in code (personal). */
export type CreateApiKeyInput = Omit<z.infer<typeof createApiKeyInput>, 'kind'> & {
  kind?: z.infer<typeof createApiKeyInput>['kind'];
};

/** A create-key request body as a client writes it. */
export type CreateApiKeyBody = z.input<typeof createApiKeyInput>;

export const updateApiKeyInput = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    allowedOrigins: allowedOriginsSchema.optional(),
    ownerId: z
      .string()
      .max(40)
      .optional()
      .describe('a service key’s new owner (a user id of an active member)'),
  })
  .refine((v) => v.name !== undefined || v.allowedOrigins !== undefined || v.ownerId !== undefined, {
    message: 'name, allowedOrigins or ownerId',
  });
export type UpdateApiKeyInput = z.infer<typeof updateApiKeyInput>;

/** An update-key request body as a client writes it. */
export type UpdateApiKeyBody = z.input<typeof updateApiKeyInput>;
