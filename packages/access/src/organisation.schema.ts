import { z } from 'zod';

export const organisationDto = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  createdAt: z.string().describe('ISO 8601'),
});
export type OrganisationDto = z.infer<typeof organisationDto>;

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'lower-case letters, digits and inner hyphens, up to 64');

export const createOrganisationInput = z.object({
  name: z.string().trim().min(1).max(200),
  slug: slugSchema.optional(),
});
export type CreateOrganisationInput = z.infer<typeof createOrganisationInput>;

export const renameOrganisationInput = z.object({ name: z.string().trim().min(1).max(200) });
