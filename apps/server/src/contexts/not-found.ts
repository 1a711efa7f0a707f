import { AppError } from '@livecloud/core';

/** undefined for a not-found AppError, so a port can answer "no such record" as its contract says. */
export async function orUndefined<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not_found') return undefined;
    throw error;
  }
}
