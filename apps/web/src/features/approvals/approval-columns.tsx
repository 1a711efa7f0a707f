import type { ApprovalDto as Approval } from '@livecloud/commerce/schemas';
import type { ApprovalStatus } from '@livecloud/contracts/vocabulary';
import { Button, Popconfirm, Space, Tag, Typography, type TableProps } from 'antd';
import type { TFunction } from 'i18next';
import { formatDateTime, formatFen } from '../../lib/format';
import { actorLabel } from '../merchants/use-staff-names';

const statusColors: Record<ApprovalStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  cancelled: 'default',
};

export interface ApprovalActions {
  /** The signed-in person, who may not decide their own requests. */
  userId: string | null;
  canDecide: boolean;
  canRequest: boolean;
  busyId: string | null;
  onApprove: (approval: Approval) => void;
  onReject: (approval: Approval) => void;
  onCancel: (approval: Approval) => void;
}

/** The approval queue's columns: what, for whom, how much, why, who asked, and what can be done now. */
export function approvalColumns(
  t: TFunction,
  names: ReadonlyMap<string, string>,
  actions: ApprovalActions,
): TableProps<Approval>['columns'] {
  const mine = (a: Approval) => a.requestedBy.type === 'user' && a.requestedBy.id === actions.userId;
  return [
    {
      key: 'at',
      title: t('approvals.field.requestedAt'),
      width: 160,
      render: (_, a) => (
        <>
          <div className="lc-nowrap">{formatDateTime(a.requestedAt)}</div>
          <Space size={4} wrap>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {actorLabel(t, a.requestedBy, names)}
            </Typography.Text>
            {mine(a) ? (
              <Tag color="blue" style={{ fontSize: 12 }}>
                {t('approvals.yours')}
              </Tag>
            ) : null}
          </Space>
        </>
      ),
    },
    {
      key: 'kind',
      title: t('approvals.field.kind'),
      width: 120,
      render: (_, a) => (
        <Tag color={a.kind === 'merchant.suspend' ? 'volcano' : 'blue'}>{t(`approvals.kind.${a.kind}`)}</Tag>
      ),
    },
    { key: 'merchant', title: t('approvals.field.merchant'), render: (_, a) => a.merchantName },
    {
      key: 'amount',
      title: t('approvals.field.amount'),
      align: 'right',
      width: 130,
      render: (_, a) =>
        a.amountFen === null ? (
          '—'
        ) : (
          <Typography.Text strong type="danger" className="lc-nowrap" data-testid={`approval-amount-${a.id}`}>
            {formatFen(a.amountFen)}
          </Typography.Text>
        ),
    },
    { key: 'reason', title: t('approvals.field.reason'), render: (_, a) => a.reason },
    {
      key: 'status',
      title: t('approvals.field.status'),
      width: 180,
      render: (_, a) => (
        <>
          <Tag color={statusColors[a.status]} data-testid={`approval-status-${a.id}`}>
            {t(`approvals.status.${a.status}`)}
          </Tag>
          {a.decidedBy && a.status !== 'cancelled' ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('approvals.decidedBy', {
                  name: actorLabel(t, a.decidedBy, names),
                  time: formatDateTime(a.decidedAt),
                })}
              </Typography.Text>
            </div>
          ) : null}
          {a.decisionReason ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.decisionReason}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      key: 'actions',
      title: t('approvals.field.decision'),
      width: 150,
      render: (_, a) => {
        if (a.status !== 'pending') return null;
        if (mine(a))
          return actions.canRequest ? (
            <Popconfirm title={t('approvals.cancelConfirm')} onConfirm={() => actions.onCancel(a)}>
              <Button size="small" loading={actions.busyId === a.id} data-testid={`approval-cancel-${a.id}`}>
                {t('approvals.cancel')}
              </Button>
            </Popconfirm>
          ) : null;
        return actions.canDecide ? (
          <Space size={8}>
            <Button
              size="small"
              type="primary"
              loading={actions.busyId === a.id}
              onClick={() => actions.onApprove(a)}
              data-testid={`approval-approve-${a.id}`}
            >
              {t('approvals.approve')}
            </Button>
            <Button
              size="small"
              danger
              disabled={actions.busyId === a.id}
              onClick={() => actions.onReject(a)}
              data-testid={`approval-reject-${a.id}`}
            >
              {t('approvals.reject')}
            </Button>
          </Space>
        ) : null;
      },
    },
  ];
}
