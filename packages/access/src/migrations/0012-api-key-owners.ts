import { sql, type Kysely } from '@livecloud/db';

/**
 * Who answers for a key (docs/access.md, "API keys"). A personal key belongs to the person who
 * made it and ends with their membership; a service key is the organisation's, has an owner who
 * is shown, and passes to another person when its owner is off-boarded. Keys that a person made
 * before this migration stay personal; keys made by the system or by another key become service
 * keys without an owner.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table api_keys
      add column kind text not null default 'personal' check (kind in ('personal', 'service')),
      add column owner_id text`.execute(db);
  await sql`
    update api_keys
       set kind = case when created_by like 'usr\_%' then 'personal' else 'service' end,
           owner_id = case when created_by like 'usr\_%' then created_by end`.execute(db);
  await sql`create index api_keys_owner on api_keys (org_id, owner_id) where revoked_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists api_keys_owner`.execute(db);
  await sql`alter table api_keys drop column if exists owner_id, drop column if exists kind`.execute(db);
}
