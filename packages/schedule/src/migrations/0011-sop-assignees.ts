import { sql, type Kysely } from 'kysely';

/**
 * SOP tasks get an assignee and an instant they are due (issue 12). A template task may be due
 * some minutes after its session starts; a run started for a session turns that into `due_at`.
 * A run task is assigned to a staff member or to one of the session's anchors, never both.
 * Runs from before this migration are due at the end of their local due date (Asia/Shanghai,
 * which has kept UTC+8 all year since 1991).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table sop_template_tasks
      add column due_offset_minutes integer check (due_offset_minutes between -43200 and 525600)`.execute(db);
  await sql`
    alter table sop_runs
      add column session_id text,
      add foreign key (org_id, session_id) references live_sessions (org_id, id)`.execute(db);
  await sql`
    alter table sop_run_tasks
      add column assignee_membership_id text references memberships(id),
      add column assignee_anchor_id text,
      add column due_at timestamptz,
      add foreign key (org_id, assignee_anchor_id) references schedule_anchors (org_id, id),
      add check (assignee_membership_id is null or assignee_anchor_id is null)`.execute(db);
  await sql`
    update sop_run_tasks
       set due_at = ((due_date::date + 1)::timestamp - interval '8 hours') at time zone 'UTC'`.execute(db);
  await sql`alter table sop_run_tasks alter column due_at set not null`.execute(db);
  await sql`create index sop_run_tasks_anchor_idx on sop_run_tasks (org_id, assignee_anchor_id) where assignee_anchor_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists sop_run_tasks_anchor_idx`.execute(db);
  await sql`
    alter table sop_run_tasks
      drop column if exists due_at,
      drop column if exists assignee_anchor_id,
      drop column if exists assignee_membership_id`.execute(db);
  await sql`alter table sop_runs drop column if exists session_id`.execute(db);
  await sql`alter table sop_template_tasks drop column if exists due_offset_minutes`.execute(db);
}
