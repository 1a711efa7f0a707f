import { apiKeyPurposes, eventSources } from '@livecloud/contracts/vocabulary';
import { z } from 'zod';

export { eventSources };

export const apiKeyDto = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.enum(apiKeyPurposes),
  source: z.string().nullable(),
  prefix: z.string().describe('the first characters of the secret, to recognise it'),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKeyDto = z.infer<typeof apiKeyDto>;

export const createdApiKeyDto = apiKeyDto.extend({
  secret: z.string().describe('shown once; store it now'),
});
export type CreatedApiKeyDto = z.infer<typeof createdApiKeyDto>;

export const createApiKeyInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    purpose: z.enum(apiKeyPurposes),
    source: z.enum(eventSources).optional(),
  })
  .refine((v) => v.purpose !== 'collector' || v.source !== undefined, {
    message: 'a collector key names its source',
    path: ['source'],
  })
  .refine((v) => v.purpose !== 'admin' || v.source === undefined, {
    message: 'an admin key has no source',
    path: ['source'],
  });
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

/** A create-key request body as a client writes it. */
export type CreateApiKeyBody = z.input<typeof createApiKeyInput>;
