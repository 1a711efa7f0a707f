import { z } from 'zod';

/** The envelope of every list answer: `{ items: [...] }`. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}

/** The type of a list answer of items `T`, as {@link listOf} shapes it. */
export type ListOf<T> = z.output<ReturnType<typeof listOf<z.ZodType<T>>>>;
