import { sql, type Kysely } from '@livecloud/db';

/**
 * A dead letter can be corrected before it is replayed: the item as first received is kept
 * beside the edited one, with who edited it and when.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table dead_letters
      add column original_payload jsonb,
      add column original_payload_text text,
      add column edited_at timestamptz,
      add column edited_by text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table dead_letters
      drop column if exists original_payload,
      drop column if exists original_payload_text,
      drop column if exists edited_at,
      drop column if exists edited_by`.execute(db);
}
