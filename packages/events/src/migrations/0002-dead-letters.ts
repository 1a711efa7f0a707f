import { sql, type Kysely } from '@livecloud/db';

/**
 * Events the collector could not accept (SPEC §5: never silently dropped). The original
 * payload is kept as JSON when it parsed, or as text when it did not (a broken NDJSON line,
 * or JSON that PostgreSQL cannot hold, e.g. a \u0000 escape), so that it can be replayed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table dead_letters (
      id text primary key,
      org_id text not null references organisations(id),
      received_at timestamptz not null,
      source text,
      key_id text,
      format text not null default 'native' check (format in ('native', 'segment')),
      event_id text,
      reason text not null,
      issues jsonb not null default '[]'::jsonb,
      payload jsonb,
      payload_text text,
      status text not null default 'new' check (status in ('new', 'replayed', 'discarded')),
      attempts integer not null default 0,
      replayed_at timestamptz,
      replay_result jsonb,
      updated_at timestamptz not null default now(),
      check (payload is not null or payload_text is not null)
    )`.execute(db);
  await sql`create index dead_letters_org_status_idx on dead_letters (org_id, status, id desc)`.execute(db);
  await sql`create index dead_letters_org_id_idx on dead_letters (org_id, id desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists dead_letters`.execute(db);
}
