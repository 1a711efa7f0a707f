export {
  openRecordsDb,
  type RecordsDb,
  type RecordsDbOptions,
  type RecordsEngine,
  type StoreHealth,
} from './client.js';
export { migrateToLatest, type MigrationReport, type RecordsMigration } from './migrate.js';
export { PgliteDialect } from './pglite-dialect.js';
export type * from './schema.js';
export { sql, type Kysely, type Transaction, type Selectable, type Insertable } from 'kysely';
