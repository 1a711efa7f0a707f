import { api } from '../../api/client';
import type { ListResponse } from '../../api/types';
import type {
  Category,
  DepositLedger,
  ImportInput,
  ImportReport,
  InspectionListItem,
  InviteCheck,
  MerchantApplication,
  MerchantDetail,
  Product,
  ProductInput,
  SubmissionDetail,
  SubmissionList,
  SubmissionTarget,
  Upload,
} from '../merchants/commerce.types';

const v1 = '/api/v1/portal';
const id = (value: string) => encodeURIComponent(value);

/** The merchant portal: only the signed-in merchant's own records. */
export const portalApi = {
  merchant: (signal: AbortSignal) => api.get<MerchantDetail>(`${v1}/merchant`, { signal }),
  reapply: (input: MerchantApplication) => api.post<MerchantDetail>(`${v1}/merchant/reapply`, input),
  deposits: (signal: AbortSignal) => api.get<DepositLedger>(`${v1}/deposits`, { signal }),
  categories: (signal: AbortSignal) => api.get<ListResponse<Category>>(`${v1}/categories`, { signal }),
  submissions: (signal: AbortSignal) => api.get<SubmissionList>(`${v1}/submissions?limit=500`, { signal }),
  submission: (submissionId: string, signal?: AbortSignal) =>
    api.get<SubmissionDetail>(`${v1}/submissions/${id(submissionId)}`, { signal }),
  createProduct: (input: ProductInput) => api.post<Product>(`${v1}/products`, input),
  submit: (input: {
    productId: string;
    target: SubmissionTarget;
    sessionRef?: string | null;
    note?: string | null;
  }) => api.post<SubmissionDetail>(`${v1}/submissions`, input),
  withdraw: (submissionId: string, reason?: string) =>
    api.post<SubmissionDetail>(`${v1}/submissions/${id(submissionId)}/withdraw`, reason ? { reason } : {}),
  importCsv: (input: ImportInput) => api.post<ImportReport>(`${v1}/submissions/import`, input),
  inspections: (signal: AbortSignal) =>
    api.get<ListResponse<InspectionListItem>>(`${v1}/inspections?limit=500`, { signal }),
  upload: (fileName: string, dataBase64: string) =>
    api.post<Upload>(`${v1}/uploads`, { fileName, dataBase64 }),
};

export const portalImageUrl = (uploadId: string) => `${v1}/uploads/${id(uploadId)}`;

/** The public side of onboarding: an invited merchant checks its invite and applies. */
export const applyApi = {
  check: (token: string) =>
    api.post<InviteCheck>('/api/v1/merchant-applications/check', { token }, { allowUnauthorized: true }),
  apply: (input: MerchantApplication & { token: string; account: { name: string; password: string } }) =>
    api.post<{ merchant: { id: string }; email: string }>('/api/v1/merchant-applications', input, {
      allowUnauthorized: true,
    }),
};
