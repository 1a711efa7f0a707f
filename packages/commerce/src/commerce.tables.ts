import type { Database, DefaultTimestamp, Json, Kysely, Timestamp } from '@livecloud/db';
import type { ColumnType } from 'kysely';

/** A jsonb column: read as parsed JSON, written as a JSON string. */
type JsonColumn = Json;
type ActorType = 'user' | 'api_key' | 'system';

export type MerchantStatus = 'applied' | 'approved' | 'rejected' | 'suspended';
export type DepositKind = 'paid' | 'frozen' | 'unfrozen' | 'deducted' | 'refunded';
export type SubmissionStatus =
  | 'submitted'
  | 'shortlisted'
  | 'sample_requested'
  | 'sample_received'
  | 'qc_passed'
  | 'qc_failed'
  | 'approved'
  | 'warehoused'
  | 'rejected'
  | 'withdrawn';
export type SubmissionTarget = 'pool' | 'session';

export interface CategoryTable {
  id: string;
  org_id: string;
  parent_id: string | null;
  name: string;
  required_deposit_fen: ColumnType<number, number | undefined, number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface MerchantTable {
  id: string;
  org_id: string;
  company_name: string;
  licence_no: string;
  contact_name: string;
  contact_phone: string;
  contact_email: string | null;
  /** jsonb array of category ids the merchant sells in. */
  category_ids: JsonColumn;
  status: ColumnType<MerchantStatus, MerchantStatus | undefined, MerchantStatus>;
  status_reason: string | null;
  status_changed_at: DefaultTimestamp;
  applied_at: DefaultTimestamp;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

/** A portal login: one person (membership with role merchant) linked to one merchant. */
export interface MerchantUserTable {
  org_id: string;
  user_id: string;
  membership_id: string;
  merchant_id: string;
  created_at: DefaultTimestamp;
}

export interface MerchantInviteTable {
  id: string;
  org_id: string;
  email: string;
  company_name: string | null;
  token_hash: string;
  created_by_type: ActorType;
  created_by: string | null;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  merchant_id: string | null;
  revoked_at: Timestamp | null;
}

export interface DepositEntryTable {
  id: string;
  org_id: string;
  merchant_id: string;
  kind: DepositKind;
  amount_fen: number;
  reason: string;
  reference: string | null;
  actor_type: ActorType;
  actor_id: string | null;
  at: Timestamp;
}

export interface UploadTable {
  id: string;
  org_id: string;
  merchant_id: string | null;
  file_name: string;
  content_type: string;
  byte_size: number;
  sha256: string;
  storage_key: string;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface ProductTable {
  id: string;
  org_id: string;
  merchant_id: string;
  category_id: string;
  title: string;
  brand: string | null;
  claims: string | null;
  /** jsonb array of upload ids, in display order. */
  image_ids: JsonColumn;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface SkuTable {
  id: string;
  org_id: string;
  product_id: string;
  spec: string;
  list_price_fen: number;
  live_price_fen: number;
  cost_fen: number;
  commission_bp: number;
  stock: number;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface SubmissionTable {
  id: string;
  org_id: string;
  merchant_id: string;
  product_id: string;
  target: SubmissionTarget;
  session_ref: string | null;
  status: ColumnType<SubmissionStatus, SubmissionStatus | undefined, SubmissionStatus>;
  status_reason: string | null;
  note: string | null;
  status_changed_at: DefaultTimestamp;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface SubmissionEventTable {
  id: string;
  org_id: string;
  submission_id: string;
  from_status: SubmissionStatus | null;
  to_status: SubmissionStatus;
  reason: string | null;
  actor_type: ActorType;
  actor_id: string | null;
  at: Timestamp;
}

export interface QcTemplateTable {
  id: string;
  org_id: string;
  category_id: string;
  name: string;
  /** jsonb array of { key, label, required }. */
  items: JsonColumn;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface QcInspectionTable {
  id: string;
  org_id: string;
  submission_id: string;
  template_id: string;
  /** jsonb array of { key, label, required, passed, reason, photoIds }: a snapshot of the checklist. */
  results: JsonColumn;
  passed: boolean;
  summary: string | null;
  actor_type: ActorType;
  actor_id: string | null;
  at: Timestamp;
}

export interface WarehouseReceiptTable {
  id: string;
  org_id: string;
  submission_id: string;
  sku_id: string;
  quantity: number;
  location: string;
  note: string | null;
  actor_type: ActorType;
  actor_id: string | null;
  at: Timestamp;
}

export interface StockAllocationTable {
  id: string;
  org_id: string;
  sku_id: string;
  quantity: number;
  reference: string;
  actor_type: ActorType;
  actor_id: string | null;
  at: Timestamp;
  released_at: Timestamp | null;
}

export type ApprovalKind = 'deposit.refund' | 'deposit.deduct' | 'merchant.suspend';
export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';

/** A request waiting for a second person (maker-checker); decided once. */
export interface ApprovalTable {
  id: string;
  org_id: string;
  kind: ApprovalKind;
  status: ColumnType<ApprovalStatus, ApprovalStatus | undefined, ApprovalStatus>;
  merchant_id: string;
  amount_fen: number | null;
  reason: string;
  reference: string | null;
  requested_by_type: ActorType;
  requested_by: string | null;
  requested_at: Timestamp;
  decided_by_type: ActorType | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
  /** What the approved action made: the deposit entry's id. */
  result_id: string | null;
}

/** An organisation's approval threshold; no row means the default. */
export interface ApprovalPolicyTable {
  org_id: string;
  deposit_threshold_fen: number;
  updated_by: string | null;
  updated_at: DefaultTimestamp;
}

/** A paid order or refund that moved a SKU's stock (migration 0013); keyed by the event id. */
export interface StockSaleTable {
  org_id: string;
  event_id: string;
  kind: 'pay' | 'refund';
  sku_id: string;
  order_id: string;
  quantity: number;
  occurred_at: Timestamp;
  recorded_at: DefaultTimestamp;
}

/** The commerce context's tables, added to the shared schema with `withTables`. */
export type CommerceTables = {
  categories: CategoryTable;
  merchants: MerchantTable;
  merchant_users: MerchantUserTable;
  merchant_invites: MerchantInviteTable;
  deposit_entries: DepositEntryTable;
  uploads: UploadTable;
  products: ProductTable;
  skus: SkuTable;
  submissions: SubmissionTable;
  submission_events: SubmissionEventTable;
  qc_templates: QcTemplateTable;
  qc_inspections: QcInspectionTable;
  warehouse_receipts: WarehouseReceiptTable;
  stock_allocations: StockAllocationTable;
  stock_sales: StockSaleTable;
  approvals: ApprovalTable;
  approval_policies: ApprovalPolicyTable;
};

export type CommerceDatabase = Database & CommerceTables;
export type CommerceDb = Kysely<CommerceDatabase>;

/** The records store seen with the commerce tables. */
export function commerceDb(db: Kysely<Database>): CommerceDb {
  return db.withTables<CommerceTables>();
}
