/**
 * `@livecloud/db` — the records store: Kysely over PGlite or PostgreSQL ({@link openRecordsDb}),
 * the table types, and the migration runner. It knows no context: each context owns its
 * migrations and {@link migrateToLatest} runs the ordered list it is given (see there for how a
 * new context adds its own).
 *
 * @packageDocumentation
 */
export {
  openRecordsDb,
  type RecordsDb,
  type RecordsDbOptions,
  type RecordsEngine,
  type StoreHealth,
} from './client.js';
export { migrateToLatest, type MigrationReport, type RecordsMigration } from './migrate.js';
export { isUniqueViolation } from './db-errors.js';
export { PgliteDialect } from './pglite-dialect.js';
export type * from './schema.js';
export {
  sql,
  type ExpressionBuilder,
  type Kysely,
  type Transaction,
  type Selectable,
  type Insertable,
} from 'kysely';
