import type { SubmissionStatus } from '@livecloud/contracts/vocabulary';
import { keepPreviousData, queryOptions, skipToken } from '@tanstack/react-query';
import { categoriesApi, merchantsApi, qcApi, submissionsApi, warehouseApi } from './commerce.api';

/**
 * Query keys of the staff side of commerce, one branch per resource. A submission moving on
 * (shortlist, QC, approval, receipt) makes every `submissionsKey` stale: lists and details.
 */
export const submissionsKey = ['commerce', 'submissions'] as const;
/** Every list of submissions (any status), not the details. */
export const submissionListsKey = [...submissionsKey, 'list'] as const;
export const submissionDetailKey = [...submissionsKey, 'detail'] as const;
export const warehouseKey = ['commerce', 'warehouse'] as const;

export const commerceQueries = {
  merchants: () =>
    queryOptions({
      queryKey: ['commerce', 'merchants', 'list'],
      queryFn: ({ signal }) => merchantsApi.list(signal),
    }),
  merchant: (merchantId: string | null) =>
    queryOptions({
      queryKey: ['commerce', 'merchants', 'detail', merchantId],
      queryFn: merchantId ? ({ signal }) => merchantsApi.get(merchantId, signal) : skipToken,
    }),
  ledger: (merchantId: string | null) =>
    queryOptions({
      queryKey: ['commerce', 'deposits', merchantId],
      queryFn: merchantId ? ({ signal }) => merchantsApi.ledger(merchantId, signal) : skipToken,
    }),
  invites: () =>
    queryOptions({
      queryKey: ['commerce', 'invites'],
      queryFn: ({ signal }) => merchantsApi.invites(signal),
    }),
  categories: () =>
    queryOptions({
      queryKey: ['commerce', 'categories'],
      queryFn: ({ signal }) => categoriesApi.list(signal),
    }),
  /** Submissions in one status (or all); the previous filter's rows stay while the next load. */
  submissions: (status: SubmissionStatus | 'all') =>
    queryOptions({
      queryKey: [...submissionListsKey, status],
      queryFn: ({ signal }) => submissionsApi.list(status, signal),
      placeholderData: keepPreviousData,
    }),
  submission: (submissionId: string | null) =>
    queryOptions({
      queryKey: [...submissionDetailKey, submissionId],
      queryFn: submissionId ? ({ signal }) => submissionsApi.get(submissionId, signal) : skipToken,
    }),
  qcTemplates: () =>
    queryOptions({
      queryKey: ['commerce', 'qc', 'templates'],
      queryFn: ({ signal }) => qcApi.templates(signal),
    }),
  /** The checklist that applies to one submission (by its category). */
  qcTemplateFor: (submissionId: string | null) =>
    queryOptions({
      queryKey: ['commerce', 'qc', 'templates', 'for', submissionId],
      queryFn: submissionId ? ({ signal }) => qcApi.templateFor(submissionId, signal) : skipToken,
    }),
  inspections: () =>
    queryOptions({
      queryKey: ['commerce', 'qc', 'inspections'],
      queryFn: ({ signal }) => qcApi.inspections(signal),
    }),
  receipts: () =>
    queryOptions({
      queryKey: [...warehouseKey, 'receipts'],
      queryFn: ({ signal }) => warehouseApi.receipts(signal),
    }),
  stock: () =>
    queryOptions({
      queryKey: [...warehouseKey, 'stock'],
      queryFn: ({ signal }) => warehouseApi.stock(signal),
    }),
};
