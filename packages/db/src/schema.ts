import type { ColumnType } from 'kysely';

/** A timestamptz column: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json = ColumnType<unknown, string, string>;

export interface OrganisationTable {
  id: string;
  name: string;
  slug: string;
  created_at: DefaultTimestamp;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: DefaultTimestamp;
}

export interface MembershipTable {
  id: string;
  org_id: string;
  user_id: string;
  role: string;
  status: ColumnType<'active' | 'offboarded', 'active' | 'offboarded' | undefined, 'active' | 'offboarded'>;
  created_at: DefaultTimestamp;
  offboarded_at: Timestamp | null;
}

export interface LoginSessionTable {
  id: string;
  token_hash: string;
  user_id: string;
  org_id: string;
  csrf_token: string;
  created_at: DefaultTimestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface ApiKeyTable {
  id: string;
  org_id: string;
  name: string;
  purpose: 'collector' | 'admin';
  source: string | null;
  prefix: string;
  secret_hash: string;
  created_by: string | null;
  created_at: DefaultTimestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  /** The web origins a collector key may be used from, a JSON array of origins. */
  allowed_origins: ColumnType<unknown, string | undefined, string>;
  /** personal: ends with its owner's membership; service: the organisation's, passed on at off-boarding. */
  kind: ColumnType<'personal' | 'service', 'personal' | 'service' | undefined, 'personal' | 'service'>;
  /** The person who answers for the key (a user id), null for a service key the system made. */
  owner_id: string | null;
}

export interface AuditLogTable {
  id: string;
  org_id: string;
  actor_type: 'user' | 'api_key' | 'system';
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  details: Json;
  at: DefaultTimestamp;
}

export type DeadLetterStatus = 'new' | 'replayed' | 'discarded';
export type DeadLetterFormat = 'native' | 'segment';

/** An event the collector could not accept, kept for inspection and replay. */
export interface DeadLetterTable {
  id: string;
  org_id: string;
  received_at: Timestamp;
  /** The event's source, or the collector key's when the event named none. */
  source: string | null;
  /** The API key that sent it. */
  key_id: string | null;
  /** Which entry point's mapping to re-run on replay. */
  format: ColumnType<DeadLetterFormat, DeadLetterFormat | undefined, DeadLetterFormat>;
  /** The client's event id, when the payload carried one. */
  event_id: string | null;
  reason: string;
  issues: ColumnType<unknown, string | undefined, string>;
  /** The original item as JSON, when it parsed. */
  payload: ColumnType<unknown, string | null, string | null>;
  /** The original item as text, when it did not parse or cannot be held as jsonb. */
  payload_text: string | null;
  status: ColumnType<DeadLetterStatus, DeadLetterStatus | undefined, DeadLetterStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  replayed_at: Timestamp | null;
  replay_result: ColumnType<unknown, string | null | undefined, string | null>;
  /** The item as first received, once it has been edited (null until then). */
  original_payload: ColumnType<unknown, string | null | undefined, string | null>;
  original_payload_text: ColumnType<string | null, string | null | undefined, string | null>;
  edited_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Who edited it: a user or API key id. */
  edited_by: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: DefaultTimestamp;
}

/** Every table of the records store, as Kysely sees it. */
export interface Database {
  organisations: OrganisationTable;
  users: UserTable;
  memberships: MembershipTable;
  login_sessions: LoginSessionTable;
  api_keys: ApiKeyTable;
  audit_log: AuditLogTable;
  dead_letters: DeadLetterTable;
}
