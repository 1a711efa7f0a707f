import type {
  ActionTarget,
  ApprovalDto,
  CategoryDto,
  CreateInspectionBody,
  CreateMerchantInviteBody,
  CreateQcTemplateBody,
  CreateReceiptBody,
  CreatedMerchantInviteDto,
  DepositLedgerDto,
  ImportReportDto,
  InspectionDto,
  InspectionListItemDto,
  MerchantDetailDto,
  MerchantDto,
  MerchantInviteDto,
  QcTemplateDto,
  ReceiptDto,
  StaffImportBody,
  StockDto,
  SubmissionDetailDto,
  SubmissionListDto,
  UpdateQcTemplateBody,
  UploadDto,
  createCategoryInput,
  merchantTransitionInput,
  recordDepositInput,
  updateCategoryInput,
} from '@livecloud/commerce/schemas';
import type { ListOf } from '@livecloud/contracts';
import type { SubmissionStatus } from '@livecloud/contracts/vocabulary';
import type { z } from 'zod';
import { api } from '../../api/client';

const v1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

/** The staff side of commerce: merchants, deposits, categories, invites. */
export const merchantsApi = {
  list: (signal: AbortSignal) => api.get<ListOf<MerchantDto>>(`${v1}/merchants?limit=500`, { signal }),
  get: (merchantId: string, signal?: AbortSignal) =>
    api.get<MerchantDetailDto>(`${v1}/merchants/${id(merchantId)}`, { signal }),
  transition: (merchantId: string, to: z.input<typeof merchantTransitionInput>['to'], reason?: string) =>
    // A suspension answers 202 with the approval it waits on (isApproval tells them apart).
    api.post<MerchantDetailDto | ApprovalDto>(`${v1}/merchants/${id(merchantId)}/transition`, {
      to,
      ...(reason ? { reason } : {}),
    }),
  ledger: (merchantId: string, signal?: AbortSignal) =>
    api.get<DepositLedgerDto>(`${v1}/merchants/${id(merchantId)}/deposits`, { signal }),
  recordDeposit: (merchantId: string, entry: z.input<typeof recordDepositInput>) =>
    // A large refund or deduction answers 202 with the approval it waits on.
    api.post<DepositLedgerDto | ApprovalDto>(`${v1}/merchants/${id(merchantId)}/deposits`, entry),
  invites: (signal: AbortSignal) => api.get<ListOf<MerchantInviteDto>>(`${v1}/merchant-invites`, { signal }),
  invite: (input: CreateMerchantInviteBody) =>
    api.post<CreatedMerchantInviteDto>(`${v1}/merchant-invites`, input),
  revokeInvite: (inviteId: string) => api.delete<MerchantInviteDto>(`${v1}/merchant-invites/${id(inviteId)}`),
};

export const categoriesApi = {
  list: (signal: AbortSignal) => api.get<ListOf<CategoryDto>>(`${v1}/categories`, { signal }),
  create: (input: z.input<typeof createCategoryInput>) => api.post<CategoryDto>(`${v1}/categories`, input),
  update: (categoryId: string, input: z.input<typeof updateCategoryInput>) =>
    api.patch<CategoryDto>(`${v1}/categories/${id(categoryId)}`, input),
};

export const submissionsApi = {
  list: (status: SubmissionStatus | 'all', signal: AbortSignal) =>
    api.get<SubmissionListDto>(`${v1}/submissions?limit=500${status === 'all' ? '' : `&status=${status}`}`, {
      signal,
    }),
  get: (submissionId: string, signal?: AbortSignal) =>
    api.get<SubmissionDetailDto>(`${v1}/submissions/${id(submissionId)}`, { signal }),
  transition: (submissionId: string, to: ActionTarget, reason?: string) =>
    api.post<SubmissionDetailDto>(`${v1}/submissions/${id(submissionId)}/transition`, {
      to,
      ...(reason ? { reason } : {}),
    }),
  importCsv: (input: StaffImportBody) => api.post<ImportReportDto>(`${v1}/submissions/import`, input),
};

export const qcApi = {
  templates: (signal: AbortSignal) => api.get<ListOf<QcTemplateDto>>(`${v1}/qc/templates`, { signal }),
  createTemplate: (input: CreateQcTemplateBody) => api.post<QcTemplateDto>(`${v1}/qc/templates`, input),
  updateTemplate: (templateId: string, input: UpdateQcTemplateBody) =>
    api.patch<QcTemplateDto>(`${v1}/qc/templates/${id(templateId)}`, input),
  templateFor: (submissionId: string, signal?: AbortSignal) =>
    api.get<QcTemplateDto>(`${v1}/submissions/${id(submissionId)}/qc-template`, { signal }),
  inspections: (signal: AbortSignal) =>
    api.get<ListOf<InspectionListItemDto>>(`${v1}/qc/inspections?limit=500`, { signal }),
  inspect: (submissionId: string, input: CreateInspectionBody) =>
    api.post<InspectionDto>(`${v1}/submissions/${id(submissionId)}/inspections`, input),
  upload: (fileName: string, dataBase64: string) =>
    api.post<UploadDto>(`${v1}/uploads`, { fileName, dataBase64 }),
};

export const warehouseApi = {
  receipts: (signal: AbortSignal) =>
    api.get<ListOf<ReceiptDto>>(`${v1}/warehouse/receipts?limit=500`, { signal }),
  stock: (signal: AbortSignal) => api.get<ListOf<StockDto>>(`${v1}/warehouse/stock`, { signal }),
  receive: (submissionId: string, input: CreateReceiptBody) =>
    api.post<ListOf<ReceiptDto>>(`${v1}/submissions/${id(submissionId)}/receipts`, input),
};

/** Where the staff side reads an uploaded image (same-origin, with the session cookie). */
export const staffImageUrl = (uploadId: string) => `${v1}/uploads/${id(uploadId)}`;
