import { sql, type Kysely } from '@livecloud/db';

/**
 * A pending dead letter is identified by (organisation, event id, reason) where the event has
 * an id: a client re-sending the same bad event finds its letter instead of adding one each
 * time. Pending copies kept before this are folded into the earliest.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    delete from dead_letters later using dead_letters earlier
    where later.org_id = earlier.org_id and later.event_id = earlier.event_id
      and later.reason = earlier.reason and later.status = 'new' and earlier.status = 'new'
      and later.id > earlier.id`.execute(db);
  await sql`
    create unique index dead_letters_identity_idx on dead_letters (org_id, event_id, reason)
    where event_id is not null and status = 'new'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists dead_letters_identity_idx`.execute(db);
}
