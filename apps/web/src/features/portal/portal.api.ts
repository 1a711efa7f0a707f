import type {
  CategoryDto,
  CreateProductBody,
  CreateSubmissionBody,
  DepositLedgerDto,
  ImportReportDto,
  InspectionListItemDto,
  InviteCheckDto,
  MerchantApplicationBody,
  MerchantApplyBody,
  MerchantApplyDto,
  MerchantDetailDto,
  ProductDto,
  PortalImportBody,
  SubmissionDetailDto,
  SubmissionListDto,
  UploadDto,
} from '@livecloud/commerce/schemas';
import type { ListOf } from '@livecloud/contracts';
import { api } from '../../api/client';

const v1 = '/api/v1/portal';
const id = (value: string) => encodeURIComponent(value);

/** The merchant portal: only the signed-in merchant's own records. */
export const portalApi = {
  merchant: (signal: AbortSignal) => api.get<MerchantDetailDto>(`${v1}/merchant`, { signal }),
  reapply: (input: MerchantApplicationBody) => api.post<MerchantDetailDto>(`${v1}/merchant/reapply`, input),
  deposits: (signal: AbortSignal) => api.get<DepositLedgerDto>(`${v1}/deposits`, { signal }),
  categories: (signal: AbortSignal) => api.get<ListOf<CategoryDto>>(`${v1}/categories`, { signal }),
  submissions: (signal: AbortSignal) => api.get<SubmissionListDto>(`${v1}/submissions?limit=500`, { signal }),
  submission: (submissionId: string, signal?: AbortSignal) =>
    api.get<SubmissionDetailDto>(`${v1}/submissions/${id(submissionId)}`, { signal }),
  createProduct: (input: CreateProductBody) => api.post<ProductDto>(`${v1}/products`, input),
  submit: (input: CreateSubmissionBody) => api.post<SubmissionDetailDto>(`${v1}/submissions`, input),
  withdraw: (submissionId: string, reason?: string) =>
    api.post<SubmissionDetailDto>(`${v1}/submissions/${id(submissionId)}/withdraw`, reason ? { reason } : {}),
  importCsv: (input: PortalImportBody) => api.post<ImportReportDto>(`${v1}/submissions/import`, input),
  inspections: (signal: AbortSignal) =>
    api.get<ListOf<InspectionListItemDto>>(`${v1}/inspections?limit=500`, { signal }),
  upload: (fileName: string, dataBase64: string) =>
    api.post<UploadDto>(`${v1}/uploads`, { fileName, dataBase64 }),
};

export const portalImageUrl = (uploadId: string) => `${v1}/uploads/${id(uploadId)}`;

/** The public side of onboarding: an invited merchant checks its invite and applies. */
export const applyApi = {
  check: (token: string, signal?: AbortSignal) =>
    api.post<InviteCheckDto>(
      '/api/v1/merchant-applications/check',
      { token },
      { allowUnauthorized: true, signal },
    ),
  apply: (input: MerchantApplyBody) =>
    api.post<MerchantApplyDto>('/api/v1/merchant-applications', input, {
      allowUnauthorized: true,
    }),
};
