import type { ApprovalDto, ApprovalPolicyDto } from '@livecloud/commerce/schemas';
import type { ListOf } from '@livecloud/contracts';
import type { ApprovalStatus } from '@livecloud/contracts/vocabulary';
import { api } from '../../api/client';

const v1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

/**
 * Whether a staff action came back as a pending approval (202) rather than done: the server
 * answers a large refund, a deduction or a suspension with the approval it is waiting on.
 */
export function isApproval(value: unknown): value is ApprovalDto {
  return (
    typeof value === 'object' &&
    value !== null &&
    'kind' in value &&
    'requestedBy' in value &&
    'status' in value
  );
}

/** Two-person approval: the queue, decisions, the organisation's threshold. */
export const approvalsApi = {
  list: (status: ApprovalStatus | 'all', signal?: AbortSignal, merchantId?: string) => {
    const params = new URLSearchParams({ limit: '200' });
    if (status !== 'all') params.set('status', status);
    if (merchantId) params.set('merchantId', merchantId);
    return api.get<ListOf<ApprovalDto>>(`${v1}/approvals?${params.toString()}`, { signal });
  },
  approve: (approvalId: string, reason?: string) =>
    api.post<ApprovalDto>(`${v1}/approvals/${id(approvalId)}/approve`, reason ? { reason } : {}),
  reject: (approvalId: string, reason: string) =>
    api.post<ApprovalDto>(`${v1}/approvals/${id(approvalId)}/reject`, { reason }),
  cancel: (approvalId: string) => api.post<ApprovalDto>(`${v1}/approvals/${id(approvalId)}/cancel`),
  policy: (signal?: AbortSignal) => api.get<ApprovalPolicyDto>(`${v1}/approvals/policy`, { signal }),
  setPolicy: (depositThresholdFen: number) =>
    api.put<ApprovalPolicyDto>(`${v1}/approvals/policy`, { depositThresholdFen }),
};
