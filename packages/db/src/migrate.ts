import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';

/**
 * One migration of the records store, owned by the context whose tables it makes.
 *
 * The `name` is recorded in `lc_migrations` once the migration has run, so it never changes,
 * and neither does the migration's SQL. Names start with a number (`0006-audience`) so that the
 * whole list sorts by name in the order it runs.
 */
export interface RecordsMigration extends Migration {
  readonly name: string;
}

export interface MigrationReport {
  applied: string[];
  total: number;
}

/**
 * Brings the records store to the newest schema: runs, in the order given, each of `migrations`
 * that the store has not run yet. Safe to call on every start.
 *
 * This package knows no context. Each context keeps its migrations next to its tables
 * (`src/migrations/NNNN-name.ts`, exporting `up` and `down`), lists them as
 * {@link RecordsMigration}s in `src/<context>.migrations.ts` and exports that list from its
 * `index.ts`; the server's `records-migrations.ts` concatenates every context's list in the one
 * order this function runs. A new context takes the next free number and appends its list
 * there. A list whose names do not sort in the order given, or that names a migration twice,
 * is refused before anything runs, and so is a store that ran a migration the list lacks.
 */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  migrations: readonly RecordsMigration[],
): Promise<MigrationReport> {
  const byName = inOrder(migrations);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(byName) },
    migrationTableName: 'lc_migrations',
    migrationLockTableName: 'lc_migrations_lock',
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const cause = result.error instanceof Error ? result.error.message : JSON.stringify(result.error);
    throw new Error(`migration ${failed ?? '(unknown)'} failed: ${cause}`, { cause: result.error });
  }
  return {
    applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    total: migrations.length,
  };
}

// Kysely runs migrations sorted by name (a plain string sort), so the given order must be that order.
function inOrder(migrations: readonly RecordsMigration[]): Record<string, Migration> {
  const byName: Record<string, Migration> = {};
  let previous: string | undefined;
  for (const migration of migrations) {
    const { name } = migration;
    if (previous !== undefined && !(previous < name)) {
      throw new Error(
        name === previous
          ? `records migration ${name} is listed twice`
          : `records migration ${name} is listed after ${previous}: names must sort in the order they run`,
      );
    }
    byName[name] = migration;
    previous = name;
  }
  return byName;
}
