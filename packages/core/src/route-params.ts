import { z } from 'zod';

/** The `:id` path parameter of a route that addresses one record by its id. */
export const idParams = z.object({ id: z.string().min(1).max(64) });
