import { sql, type Kysely } from '@livecloud/db';

/** Organisations, people, memberships with roles, login sessions, API keys and the audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organisations (
      id text primary key,
      name text not null check (length(name) between 1 and 200),
      slug text not null unique,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table users (
      id text primary key,
      email text not null,
      name text not null,
      password_hash text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index users_email_key on users (lower(email))`.execute(db);
  await sql`
    create table memberships (
      id text primary key,
      org_id text not null references organisations(id),
      user_id text not null references users(id),
      role text not null,
      status text not null default 'active' check (status in ('active', 'offboarded')),
      created_at timestamptz not null default now(),
      offboarded_at timestamptz,
      unique (org_id, user_id)
    )`.execute(db);
  await sql`create index memberships_user_idx on memberships (user_id)`.execute(db);
  await sql`
    create table login_sessions (
      id text primary key,
      token_hash text not null unique,
      user_id text not null references users(id),
      org_id text not null references organisations(id),
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null,
      expires_at timestamptz not null,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index login_sessions_user_idx on login_sessions (user_id, org_id)`.execute(db);
  await sql`
    create table api_keys (
      id text primary key,
      org_id text not null references organisations(id),
      name text not null,
      purpose text not null check (purpose in ('collector', 'admin')),
      source text,
      prefix text not null,
      secret_hash text not null unique,
      created_by text,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index api_keys_org_idx on api_keys (org_id)`.execute(db);
  await sql`
    create table audit_log (
      id text primary key,
      org_id text not null references organisations(id),
      actor_type text not null check (actor_type in ('user', 'api_key', 'system')),
      actor_id text,
      action text not null,
      target_type text not null,
      target_id text,
      details jsonb not null default '{}'::jsonb,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index audit_log_org_at_idx on audit_log (org_id, at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_log', 'api_keys', 'login_sessions', 'memberships', 'users', 'organisations']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
