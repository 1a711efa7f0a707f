import type { approvalsZhCN } from './approvals.zh-cn';

/** Approvals (two-person approval) in English. */
export const approvalsEnUS: typeof approvalsZhCN = {
  title: 'Approvals',
  subtitle:
    'Large deposit refunds and deductions and merchant suspensions need two people: one submits, another colleague with approval rights checks and approves before it runs. Both are in the audit log.',
  policyTitle: 'Approval threshold',
  policyText:
    'A refund or deduction of {{amount}} or more needs approval; suspending a merchant always does.',
  policyZero: 'Every refund and deduction needs approval; suspending a merchant always does.',
  policyDefault: '(default)',
  policyEdit: 'Change threshold',
  policyModalTitle: 'Change the approval threshold',
  policyLabel: 'Refunds and deductions of this amount or more need approval',
  policyHint: 'Enter 0 to require approval for every one.',
  policySaved: 'Approval threshold set to {{amount}}',
  status: { pending: 'Pending', approved: 'Approved', rejected: 'Rejected', cancelled: 'Withdrawn' },
  kind: {
    deposit: { refund: 'Deposit refund', deduct: 'Deposit deduction' },
    merchant: { suspend: 'Suspension' },
  },
  field: {
    requestedAt: 'Submitted · by',
    kind: 'Request',
    merchant: 'Merchant',
    amount: 'Amount',
    reason: 'Reason',
    status: 'Status',
    decision: 'Decision',
  },
  decidedBy: '{{name}} at {{time}}',
  approve: 'Approve',
  reject: 'Reject',
  cancel: 'Withdraw',
  yours: 'Yours',
  approveTitle: 'Approve the {{kind}} for “{{merchant}}”',
  rejectTitle: 'Reject the {{kind}} for “{{merchant}}”',
  cancelConfirm: 'Withdraw this request?',
  approved: 'Approved: the action has run',
  rejected: 'Rejected',
  cancelled: 'Withdrawn',
  empty: 'No approval requests match',
  pendingOfMerchant: 'Waiting for another colleague to approve: {{items}}',
  openQueue: 'Open approvals',
  submitted: '{{kind}} submitted for approval: it runs once another colleague approves it',
};
