import type { ApprovalStatus } from '@livecloud/contracts/vocabulary';
import { keepPreviousData, queryOptions, skipToken } from '@tanstack/react-query';
import { approvalsApi } from './approvals.api';

/** Every approval list; a decision makes them all stale (and the merchant it touched). */
export const approvalsKey = ['approvals'] as const;

export const approvalQueries = {
  list: (status: ApprovalStatus | 'all') =>
    queryOptions({
      queryKey: [...approvalsKey, 'list', status],
      queryFn: ({ signal }) => approvalsApi.list(status, signal),
      placeholderData: keepPreviousData,
    }),
  /** What one merchant has waiting, for its drawer. */
  pendingOf: (merchantId: string | null) =>
    queryOptions({
      queryKey: [...approvalsKey, 'pending-of', merchantId],
      queryFn: merchantId ? ({ signal }) => approvalsApi.list('pending', signal, merchantId) : skipToken,
    }),
  policy: () =>
    queryOptions({
      queryKey: [...approvalsKey, 'policy'],
      queryFn: ({ signal }) => approvalsApi.policy(signal),
    }),
};
