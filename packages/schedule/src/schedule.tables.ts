import type { Database, DefaultTimestamp, Kysely, Timestamp } from '@livecloud/db';
import type { ColumnType } from 'kysely';
import type { MechanismType, Platform, SessionStatus } from '@livecloud/contracts/vocabulary';

/** A jsonb column: read as parsed JSON, written as a JSON string. */
type JsonColumn<T> = ColumnType<T, string, string>;
type JsonDefault<T> = ColumnType<T, string | undefined, string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export {
  mechanismTypes,
  platforms,
  sessionStatuses,
  type MechanismType,
  type Platform,
  type SessionStatus,
} from '@livecloud/contracts/vocabulary';

export type RoomTable = {
  id: string;
  org_id: string;
  name: string;
  location: string | null;
  archived_at: Timestamp | null;
  created_at: DefaultTimestamp;
};

export type AnchorTable = {
  id: string;
  org_id: string;
  name: string;
  membership_id: string | null;
  archived_at: Timestamp | null;
  created_at: DefaultTimestamp;
};

export type PlatformAccountTable = {
  id: string;
  org_id: string;
  platform: Platform;
  handle: string;
  display_name: string;
  archived_at: Timestamp | null;
  created_at: DefaultTimestamp;
};

export type RecurringScheduleTable = {
  id: string;
  org_id: string;
  title: string;
  account_id: string;
  room_id: string;
  anchor_ids: JsonColumn<string[]>;
  /** ISO days of the week, Monday 1 … Sunday 7. */
  days_of_week: JsonColumn<number[]>;
  /** Local wall-clock start, `HH:mm`, in `time_zone`. */
  start_time: string;
  duration_minutes: number;
  time_zone: string;
  starts_on: string;
  ends_on: string | null;
  created_at: DefaultTimestamp;
};

export type LiveSessionTable = {
  id: string;
  org_id: string;
  title: string;
  account_id: string;
  room_id: string;
  planned_start: Timestamp;
  planned_end: Timestamp;
  status: Defaulted<SessionStatus>;
  actual_start: Timestamp | null;
  actual_end: Timestamp | null;
  recurring_schedule_id: string | null;
  occurrence_date: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
};

export type LiveSessionAnchorTable = {
  org_id: string;
  session_id: string;
  anchor_id: string;
};

export type PoolRequirementTable = {
  id: string;
  org_id: string;
  session_id: string;
  position: number;
  categories: JsonColumn<string[]>;
  price_min_fen: number | null;
  price_max_fen: number | null;
  /** Minimum gross margin in basis points (2500 = 25 %), so no fractions are stored. */
  min_margin_bp: number | null;
  item_count: number;
  note: string | null;
};

export type LineupItemTable = {
  id: string;
  org_id: string;
  session_id: string;
  position: number;
  product_id: string;
  sku_id: string;
  explain_minutes: number;
  live_price_fen: number;
  mechanism: MechanismType;
  mechanism_params: JsonDefault<Record<string, unknown>>;
  stock_allocation: number;
  note: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
};

export type SopTemplateTable = {
  id: string;
  org_id: string;
  name: string;
  description: string | null;
  version: Defaulted<number>;
  is_default: Defaulted<boolean>;
  archived_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
};

export type SopTemplateTaskTable = {
  id: string;
  org_id: string;
  template_id: string;
  key: string;
  position: number;
  title: string;
  description: string | null;
  owner_role: string;
  due_day: number;
  /** Minutes after the session starts (migration 0011); null: the end of `due_day`. */
  due_offset_minutes: Defaulted<number | null>;
  depends_on: JsonDefault<string[]>;
};

export type SopRunTable = {
  id: string;
  org_id: string;
  template_id: string;
  template_version: number;
  name: string;
  room_id: string;
  session_id: Defaulted<string | null>;
  start_date: string;
  status: Defaulted<'active' | 'completed'>;
  created_at: DefaultTimestamp;
  completed_at: Timestamp | null;
};

export type SopRunTaskTable = {
  id: string;
  org_id: string;
  run_id: string;
  key: string;
  position: number;
  title: string;
  description: string | null;
  owner_role: string;
  due_date: string;
  due_at: Timestamp;
  assignee_membership_id: Defaulted<string | null>;
  assignee_anchor_id: Defaulted<string | null>;
  depends_on: JsonDefault<string[]>;
  done_at: Timestamp | null;
  done_by: string | null;
};

export type SopSeededOrgTable = {
  org_id: string;
  seeded_at: DefaultTimestamp;
};

/** The scheduling context's tables (migration 0004-schedule), added with `db.withTables`. */
export type ScheduleTables = {
  schedule_rooms: RoomTable;
  schedule_anchors: AnchorTable;
  platform_accounts: PlatformAccountTable;
  recurring_schedules: RecurringScheduleTable;
  live_sessions: LiveSessionTable;
  live_session_anchors: LiveSessionAnchorTable;
  session_pool_requirements: PoolRequirementTable;
  lineup_items: LineupItemTable;
  sop_templates: SopTemplateTable;
  sop_template_tasks: SopTemplateTaskTable;
  sop_runs: SopRunTable;
  sop_run_tasks: SopRunTaskTable;
  sop_seeded_orgs: SopSeededOrgTable;
};

/** The records store with the scheduling tables visible to Kysely. */
export function scheduleDb(db: Kysely<Database>): ScheduleDb {
  return db.withTables<ScheduleTables>();
}
export type ScheduleDb = Kysely<Database & ScheduleTables>;
