import { api } from '../../api/client';
import type { ListResponse } from '../../api/types';
import type {
  ActionTarget,
  Category,
  CreatedMerchantInvite,
  DepositKind,
  DepositLedger,
  ImportInput,
  ImportReport,
  InspectionListItem,
  Inspection,
  Merchant,
  MerchantDetail,
  MerchantInvite,
  QcItem,
  QcTemplate,
  Receipt,
  Stock,
  SubmissionDetail,
  SubmissionList,
  SubmissionStatus,
  Upload,
} from './commerce.types';

const v1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

/** The staff side of commerce: merchants, deposits, categories, invites. */
export const merchantsApi = {
  list: (signal: AbortSignal) => api.get<ListResponse<Merchant>>(`${v1}/merchants?limit=500`, { signal }),
  get: (merchantId: string, signal?: AbortSignal) =>
    api.get<MerchantDetail>(`${v1}/merchants/${id(merchantId)}`, { signal }),
  transition: (merchantId: string, to: 'approved' | 'rejected' | 'suspended', reason?: string) =>
    api.post<MerchantDetail>(`${v1}/merchants/${id(merchantId)}/transition`, {
      to,
      ...(reason ? { reason } : {}),
    }),
  ledger: (merchantId: string, signal?: AbortSignal) =>
    api.get<DepositLedger>(`${v1}/merchants/${id(merchantId)}/deposits`, { signal }),
  recordDeposit: (
    merchantId: string,
    entry: { kind: DepositKind; amountFen: number; reason: string; reference?: string | null },
  ) => api.post<DepositLedger>(`${v1}/merchants/${id(merchantId)}/deposits`, entry),
  invites: (signal: AbortSignal) =>
    api.get<ListResponse<MerchantInvite>>(`${v1}/merchant-invites`, { signal }),
  invite: (input: { email: string; companyName?: string | null; validDays: number }) =>
    api.post<CreatedMerchantInvite>(`${v1}/merchant-invites`, input),
  revokeInvite: (inviteId: string) => api.delete<MerchantInvite>(`${v1}/merchant-invites/${id(inviteId)}`),
};

export const categoriesApi = {
  list: (signal: AbortSignal) => api.get<ListResponse<Category>>(`${v1}/categories`, { signal }),
  create: (input: { name: string; parentId?: string | null; requiredDepositFen: number }) =>
    api.post<Category>(`${v1}/categories`, input),
  update: (categoryId: string, input: { name?: string; requiredDepositFen?: number }) =>
    api.patch<Category>(`${v1}/categories/${id(categoryId)}`, input),
};

export const submissionsApi = {
  list: (status: SubmissionStatus | 'all', signal: AbortSignal) =>
    api.get<SubmissionList>(`${v1}/submissions?limit=500${status === 'all' ? '' : `&status=${status}`}`, {
      signal,
    }),
  get: (submissionId: string, signal?: AbortSignal) =>
    api.get<SubmissionDetail>(`${v1}/submissions/${id(submissionId)}`, { signal }),
  transition: (submissionId: string, to: ActionTarget, reason?: string) =>
    api.post<SubmissionDetail>(`${v1}/submissions/${id(submissionId)}/transition`, {
      to,
      ...(reason ? { reason } : {}),
    }),
  importCsv: (input: ImportInput & { merchantId: string }) =>
    api.post<ImportReport>(`${v1}/submissions/import`, input),
};

export const qcApi = {
  templates: (signal: AbortSignal) => api.get<ListResponse<QcTemplate>>(`${v1}/qc/templates`, { signal }),
  createTemplate: (input: { categoryId: string; name: string; items: Omit<QcItem, 'key'>[] }) =>
    api.post<QcTemplate>(`${v1}/qc/templates`, input),
  updateTemplate: (templateId: string, input: { name?: string; items?: Omit<QcItem, 'key'>[] }) =>
    api.patch<QcTemplate>(`${v1}/qc/templates/${id(templateId)}`, input),
  templateFor: (submissionId: string, signal?: AbortSignal) =>
    api.get<QcTemplate>(`${v1}/submissions/${id(submissionId)}/qc-template`, { signal }),
  inspections: (signal: AbortSignal) =>
    api.get<ListResponse<InspectionListItem>>(`${v1}/qc/inspections?limit=500`, { signal }),
  inspect: (
    submissionId: string,
    input: {
      results: { key: string; passed: boolean; reason?: string | null; photoIds: string[] }[];
      summary?: string | null;
    },
  ) => api.post<Inspection>(`${v1}/submissions/${id(submissionId)}/inspections`, input),
  upload: (fileName: string, dataBase64: string) =>
    api.post<Upload>(`${v1}/uploads`, { fileName, dataBase64 }),
};

export const warehouseApi = {
  receipts: (signal: AbortSignal) =>
    api.get<ListResponse<Receipt>>(`${v1}/warehouse/receipts?limit=500`, { signal }),
  stock: (signal: AbortSignal) => api.get<ListResponse<Stock>>(`${v1}/warehouse/stock`, { signal }),
  receive: (
    submissionId: string,
    input: { lines: { skuId: string; quantity: number; location: string }[]; note?: string | null },
  ) => api.post<ListResponse<Receipt>>(`${v1}/submissions/${id(submissionId)}/receipts`, input),
};

/** Where the staff side reads an uploaded image (same-origin, with the session cookie). */
export const staffImageUrl = (uploadId: string) => `${v1}/uploads/${id(uploadId)}`;
