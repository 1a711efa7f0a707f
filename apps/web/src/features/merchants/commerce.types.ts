/** DTOs of the commerce API (merchants, deposits, products, submissions, QC, warehouse). Money is integer fen. */

export const merchantStatuses = ['applied', 'approved', 'rejected', 'suspended'] as const;
export type MerchantStatus = (typeof merchantStatuses)[number];

export interface Actor {
  type: 'user' | 'api_key' | 'system';
  id: string | null;
}

export interface DepositSummary {
  paidFen: number;
  deductedFen: number;
  refundedFen: number;
  frozenFen: number;
  balanceFen: number;
  availableFen: number;
}

export interface Merchant {
  id: string;
  companyName: string;
  licenceNo: string;
  contact: { name: string; phone: string; email: string | null };
  categoryIds: string[];
  status: MerchantStatus;
  statusReason: string | null;
  statusChangedAt: string;
  appliedAt: string;
  createdAt: string;
  allowedTransitions: MerchantStatus[];
  depositBalanceFen: number;
}

export interface MerchantDetail extends Merchant {
  deposit: DepositSummary;
  requiredDepositFen: number;
}

export const depositKinds = ['paid', 'frozen', 'unfrozen', 'deducted', 'refunded'] as const;
export type DepositKind = (typeof depositKinds)[number];

export interface DepositEntry {
  id: string;
  merchantId: string;
  kind: DepositKind;
  amountFen: number;
  reason: string;
  reference: string | null;
  actor: Actor;
  at: string;
  balanceAfterFen: number;
  availableAfterFen: number;
}

export interface DepositLedger {
  summary: DepositSummary;
  entries: DepositEntry[];
}

export interface Category {
  id: string;
  parentId: string | null;
  name: string;
  path: string;
  depth: number;
  requiredDepositFen: number;
  effectiveRequiredDepositFen: number;
  createdAt: string;
}

export type InviteStatus = 'open' | 'used' | 'expired' | 'revoked';

export interface MerchantInvite {
  id: string;
  email: string;
  companyName: string | null;
  status: InviteStatus;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
  merchantId: string | null;
}

export interface CreatedMerchantInvite extends MerchantInvite {
  token: string;
  applyPath: string;
}

export interface InviteCheck {
  orgName: string;
  email: string;
  companyName: string | null;
  expiresAt: string;
  categories: { id: string; path: string }[];
}

export interface MerchantApplication {
  companyName: string;
  licenceNo: string;
  contact: { name: string; phone: string; email?: string | null };
  categoryIds: string[];
}

export interface Sku {
  id: string;
  productId: string;
  spec: string;
  listPriceFen: number;
  livePriceFen: number;
  costFen: number;
  commissionBp: number;
  stock: number;
}

export type SkuInput = Omit<Sku, 'id' | 'productId'>;

export interface Product {
  id: string;
  merchantId: string;
  merchantName: string;
  categoryId: string;
  categoryPath: string;
  title: string;
  brand: string | null;
  claims: string | null;
  imageIds: string[];
  skus: Sku[];
  createdAt: string;
  updatedAt: string;
}

export interface ProductInput {
  categoryId: string;
  title: string;
  brand?: string | null;
  claims?: string | null;
  imageIds: string[];
  skus: SkuInput[];
}

export const submissionStatuses = [
  'submitted',
  'shortlisted',
  'sample_requested',
  'sample_received',
  'qc_passed',
  'qc_failed',
  'approved',
  'warehoused',
  'rejected',
  'withdrawn',
] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];
export type ActionTarget =
  'shortlisted' | 'sample_requested' | 'sample_received' | 'approved' | 'rejected' | 'withdrawn';
export type SubmissionTarget = 'pool' | 'session';

export interface Submission {
  id: string;
  merchantId: string;
  merchantName: string;
  productId: string;
  productTitle: string;
  categoryId: string;
  target: SubmissionTarget;
  sessionRef: string | null;
  status: SubmissionStatus;
  statusReason: string | null;
  note: string | null;
  statusChangedAt: string;
  createdAt: string;
  allowedTransitions: ActionTarget[];
}

export interface SubmissionEvent {
  id: string;
  from: SubmissionStatus | null;
  to: SubmissionStatus;
  reason: string | null;
  actor: Actor;
  at: string;
}

export interface QcItem {
  key: string;
  label: string;
  required: boolean;
}

export interface InspectionResult extends QcItem {
  passed: boolean;
  reason: string | null;
  photoIds: string[];
}

export interface Inspection {
  id: string;
  submissionId: string;
  templateId: string;
  passed: boolean;
  summary: string | null;
  results: InspectionResult[];
  actor: Actor;
  at: string;
}

export interface InspectionListItem extends Inspection {
  productTitle: string;
  merchantName: string;
}

export interface QcTemplate {
  id: string;
  categoryId: string;
  categoryPath: string;
  name: string;
  items: QcItem[];
  createdAt: string;
  updatedAt: string;
}

export interface Receipt {
  id: string;
  submissionId: string;
  skuId: string;
  spec: string;
  productTitle: string;
  quantity: number;
  location: string;
  note: string | null;
  actor: Actor;
  at: string;
}

export interface Stock {
  skuId: string;
  spec: string;
  productId: string;
  productTitle: string;
  merchantId: string;
  merchantName: string;
  receivedQty: number;
  allocatedQty: number;
  availableQty: number;
  locations: string[];
}

export interface SubmissionDetail extends Submission {
  product: Product;
  history: SubmissionEvent[];
  inspections: Inspection[];
  receipts: Receipt[];
  deposit: { requiredFen: number; balanceFen: number; sufficient: boolean };
}

export interface SubmissionList {
  items: Submission[];
  counts: Partial<Record<SubmissionStatus, number>>;
}

export interface ImportRow {
  line: number;
  title: string;
  spec: string | null;
  status: 'taken' | 'rejected';
  productId: string | null;
  submissionId: string | null;
  reasons: { column: string | null; code: string; message: string }[];
}

export interface ImportReport {
  total: number;
  taken: number;
  rejected: number;
  products: number;
  ignoredColumns: string[];
  rows: ImportRow[];
}

export interface ImportInput {
  target: SubmissionTarget;
  sessionRef?: string | null;
  csv: string;
}

export interface Upload {
  id: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  createdAt: string;
}
