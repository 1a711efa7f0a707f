import type { Migration } from 'kysely';
import * as m0001 from './0001-access.js';
import * as m0002 from './0002-dead-letters.js';
import * as m0003 from './0003-commerce.js';
import * as m0004 from './0004-schedule.js';
import * as m0005 from './0005-selection.js';

/** Every migration in order; names sort lexically, so keep the number prefix. */
export const migrations: Record<string, Migration> = {
  '0001-access': m0001,
  '0002-dead-letters': m0002,
  '0003-commerce': m0003,
  '0004-schedule': m0004,
  '0005-selection': m0005,
};
