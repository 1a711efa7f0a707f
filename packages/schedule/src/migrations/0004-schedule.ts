import { sql, type Kysely } from 'kysely';

const platforms = `'douyin', 'kuaishou', 'taobao', 'xiaohongshu', 'wechat_channels'`;
const localDate = `'^\\d{4}-\\d{2}-\\d{2}$'`;

/**
 * Scheduling (SPEC §3, before the live): rooms, anchors and platform accounts, live sessions
 * with their anchors, recurring schedules, product-pool requirements, line-ups and SOP
 * checklists. Every child row carries `org_id` and points at its parent through
 * `(org_id, id)`, so the store itself refuses a session that books another organisation's room.
 * Local calendar dates are `YYYY-MM-DD` text: the drivers would turn a `date` into a Date at
 * the server's midnight.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table schedule_rooms (
      id text primary key,
      org_id text not null references organisations(id),
      name text not null check (length(name) between 1 and 100),
      location text,
      archived_at timestamptz,
      created_at timestamptz not null default now(),
      unique (org_id, id)
    )`.execute(db);
  await sql`create unique index schedule_rooms_name_key on schedule_rooms (org_id, lower(name))`.execute(db);

  await sql`
    create table schedule_anchors (
      id text primary key,
      org_id text not null references organisations(id),
      name text not null check (length(name) between 1 and 100),
      membership_id text references memberships(id),
      archived_at timestamptz,
      created_at timestamptz not null default now(),
      unique (org_id, id)
    )`.execute(db);
  await sql`create unique index schedule_anchors_member_key on schedule_anchors (org_id, membership_id) where membership_id is not null`.execute(
    db,
  );

  await sql`
    create table platform_accounts (
      id text primary key,
      org_id text not null references organisations(id),
      platform text not null check (platform in (${sql.raw(platforms)})),
      handle text not null check (length(handle) between 1 and 100),
      display_name text not null check (length(display_name) between 1 and 100),
      archived_at timestamptz,
      created_at timestamptz not null default now(),
      unique (org_id, id)
    )`.execute(db);
  await sql`create unique index platform_accounts_handle_key on platform_accounts (org_id, platform, lower(handle))`.execute(
    db,
  );

  await sql`
    create table recurring_schedules (
      id text primary key,
      org_id text not null references organisations(id),
      title text not null,
      account_id text not null,
      room_id text not null,
      anchor_ids jsonb not null,
      days_of_week jsonb not null,
      start_time text not null check (start_time ~ '^([01]\\d|2[0-3]):[0-5]\\d$'),
      duration_minutes integer not null check (duration_minutes between 15 and 720),
      time_zone text not null,
      starts_on text not null check (starts_on ~ ${sql.raw(localDate)}),
      ends_on text check (ends_on ~ ${sql.raw(localDate)}),
      created_at timestamptz not null default now(),
      unique (org_id, id),
      foreign key (org_id, account_id) references platform_accounts (org_id, id),
      foreign key (org_id, room_id) references schedule_rooms (org_id, id)
    )`.execute(db);

  await sql`
    create table live_sessions (
      id text primary key,
      org_id text not null references organisations(id),
      title text not null check (length(title) between 1 and 200),
      account_id text not null,
      room_id text not null,
      planned_start timestamptz not null,
      planned_end timestamptz not null,
      status text not null default 'planned' check (status in ('planned', 'live', 'ended', 'reviewed')),
      actual_start timestamptz,
      actual_end timestamptz,
      recurring_schedule_id text,
      occurrence_date text check (occurrence_date ~ ${sql.raw(localDate)}),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (planned_end > planned_start),
      unique (org_id, id),
      unique (recurring_schedule_id, occurrence_date),
      foreign key (org_id, account_id) references platform_accounts (org_id, id),
      foreign key (org_id, room_id) references schedule_rooms (org_id, id),
      foreign key (org_id, recurring_schedule_id) references recurring_schedules (org_id, id)
    )`.execute(db);
  await sql`create index live_sessions_org_start_idx on live_sessions (org_id, planned_start)`.execute(db);
  await sql`create index live_sessions_room_idx on live_sessions (org_id, room_id, planned_start)`.execute(
    db,
  );
  await sql`create index live_sessions_account_idx on live_sessions (org_id, account_id, planned_start)`.execute(
    db,
  );

  await sql`
    create table live_session_anchors (
      org_id text not null,
      session_id text not null,
      anchor_id text not null,
      primary key (session_id, anchor_id),
      foreign key (org_id, session_id) references live_sessions (org_id, id) on delete cascade,
      foreign key (org_id, anchor_id) references schedule_anchors (org_id, id)
    )`.execute(db);
  await sql`create index live_session_anchors_anchor_idx on live_session_anchors (org_id, anchor_id)`.execute(
    db,
  );

  await sql`
    create table session_pool_requirements (
      id text primary key,
      org_id text not null,
      session_id text not null,
      position integer not null,
      categories jsonb not null,
      price_min_fen bigint check (price_min_fen >= 0),
      price_max_fen bigint check (price_max_fen >= 0),
      min_margin_bp integer check (min_margin_bp between 0 and 10000),
      item_count integer not null check (item_count between 1 and 500),
      note text,
      foreign key (org_id, session_id) references live_sessions (org_id, id) on delete cascade
    )`.execute(db);
  await sql`create index session_pool_requirements_session_idx on session_pool_requirements (org_id, session_id, position)`.execute(
    db,
  );

  await sql`
    create table lineup_items (
      id text primary key,
      org_id text not null,
      session_id text not null,
      position integer not null check (position >= 1),
      product_id text not null,
      sku_id text not null,
      explain_minutes integer not null check (explain_minutes between 1 and 600),
      live_price_fen bigint not null check (live_price_fen >= 0),
      mechanism text not null check (mechanism in ('none', 'coupon', 'gift', 'flash_sale', 'giveaway')),
      mechanism_params jsonb not null default '{}'::jsonb,
      stock_allocation integer not null check (stock_allocation >= 0),
      note text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (session_id, position) deferrable initially immediate,
      foreign key (org_id, session_id) references live_sessions (org_id, id) on delete cascade
    )`.execute(db);
  await sql`create index lineup_items_session_idx on lineup_items (org_id, session_id, position)`.execute(db);

  await sql`
    create table sop_templates (
      id text primary key,
      org_id text not null references organisations(id),
      name text not null check (length(name) between 1 and 100),
      description text,
      version integer not null default 1,
      is_default boolean not null default false,
      archived_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (org_id, id)
    )`.execute(db);
  await sql`
    create table sop_template_tasks (
      id text primary key,
      org_id text not null,
      template_id text not null,
      key text not null,
      position integer not null,
      title text not null,
      description text,
      owner_role text not null,
      due_day integer not null check (due_day between 0 and 365),
      depends_on jsonb not null default '[]'::jsonb,
      unique (template_id, key),
      foreign key (org_id, template_id) references sop_templates (org_id, id) on delete cascade
    )`.execute(db);
  await sql`
    create table sop_runs (
      id text primary key,
      org_id text not null references organisations(id),
      template_id text not null,
      template_version integer not null,
      name text not null,
      room_id text not null,
      start_date text not null check (start_date ~ ${sql.raw(localDate)}),
      status text not null default 'active' check (status in ('active', 'completed')),
      created_at timestamptz not null default now(),
      completed_at timestamptz,
      unique (org_id, id),
      foreign key (org_id, template_id) references sop_templates (org_id, id),
      foreign key (org_id, room_id) references schedule_rooms (org_id, id)
    )`.execute(db);
  await sql`create index sop_runs_org_idx on sop_runs (org_id, created_at desc)`.execute(db);
  await sql`
    create table sop_run_tasks (
      id text primary key,
      org_id text not null,
      run_id text not null,
      key text not null,
      position integer not null,
      title text not null,
      description text,
      owner_role text not null,
      due_date text not null check (due_date ~ ${sql.raw(localDate)}),
      depends_on jsonb not null default '[]'::jsonb,
      done_at timestamptz,
      done_by text,
      unique (run_id, key),
      foreign key (org_id, run_id) references sop_runs (org_id, id) on delete cascade
    )`.execute(db);
  await sql`create index sop_run_tasks_run_idx on sop_run_tasks (org_id, run_id, position)`.execute(db);
  await sql`
    create table sop_seeded_orgs (
      org_id text primary key references organisations(id),
      seeded_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'sop_seeded_orgs',
    'sop_run_tasks',
    'sop_runs',
    'sop_template_tasks',
    'sop_templates',
    'lineup_items',
    'session_pool_requirements',
    'live_session_anchors',
    'live_sessions',
    'recurring_schedules',
    'platform_accounts',
    'schedule_anchors',
    'schedule_rooms',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
