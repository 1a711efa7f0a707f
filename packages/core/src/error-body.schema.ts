import { z } from 'zod';

/** The uniform error body, as a schema for the OpenAPI document. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('stable machine-readable code, snake_case'),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .describe('Error');

/** Error responses every authenticated route may give, for route schemas. */
export const commonErrorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
} as const;
