import { sql, type Kysely } from '@livecloud/db';

/**
 * The web origins a collector key may be used from (CORS, docs/events.md). Existing keys get
 * none: a key that worked from servers keeps working there and is not opened to browsers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table api_keys
      add column allowed_origins jsonb not null default '[]'::jsonb
      check (jsonb_typeof(allowed_origins) = 'array')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table api_keys drop column if exists allowed_origins`.execute(db);
}
