import type { Migration } from 'kysely';
import * as m0001 from './0001-access.js';

/** Every migration in order; names sort lexically, so keep the number prefix. */
export const migrations: Record<string, Migration> = {
  '0001-access': m0001,
};
