import type { ApprovalDto as Approval } from '@livecloud/commerce/schemas';
import { approvalStatuses, type ApprovalStatus } from '@livecloud/contracts/vocabulary';
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Segmented, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../auth/session-context';
import { commerceErrorMessage } from '../merchants/commerce-error';
import { ReasonModal } from '../merchants/reason-modal';
import { useStaffNames } from '../merchants/use-staff-names';
import { approvalColumns } from './approval-columns';
import { ApprovalPolicyCard } from './approval-policy-card';
import { approvalsApi } from './approvals.api';
import { approvalQueries, approvalsKey } from './approvals.queries';

type Filter = ApprovalStatus | 'all';
type Deciding = { approval: Approval; verb: 'approve' | 'reject' };

/** 待审批: requests that wait for a second person, with approve, reject and withdraw. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can, session } = useSession();
  const queryClient = useQueryClient();
  const names = useStaffNames();
  const [filter, setFilter] = useState<Filter>('pending');
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const list = useQuery(approvalQueries.list(filter));

  const settle = async (approval: Approval, work: () => Promise<Approval>, done: string) => {
    setBusyId(approval.id);
    try {
      await work();
      void message.success(done);
      setDeciding(null);
    } catch (cause) {
      void message.error(commerceErrorMessage(t, cause));
    } finally {
      setBusyId(null);
      void queryClient.invalidateQueries({ queryKey: approvalsKey });
      void queryClient.invalidateQueries({ queryKey: ['commerce'] });
    }
  };

  const columns = approvalColumns(t, names, {
    userId: session?.user.id ?? null,
    canDecide: can('commerce:approve'),
    canRequest: can('commerce:manage'),
    busyId,
    onApprove: (approval) => setDeciding({ approval, verb: 'approve' }),
    onReject: (approval) => setDeciding({ approval, verb: 'reject' }),
    onCancel: (approval) =>
      void settle(approval, () => approvalsApi.cancel(approval.id), t('approvals.cancelled')),
  });

  const titleOf = (d: Deciding) =>
    t(d.verb === 'approve' ? 'approvals.approveTitle' : 'approvals.rejectTitle', {
      merchant: d.approval.merchantName,
      kind: t(`approvals.kind.${d.approval.kind}`),
    });

  return (
    <div data-testid="page-before-approvals">
      <PageHeader title={t('approvals.title')} subtitle={t('approvals.subtitle')} />
      <ApprovalPolicyCard />
      <Card className="lc-card">
        <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              ...approvalStatuses.map((s) => ({ value: s, label: t(`approvals.status.${s}`) })),
              { value: 'all', label: t('common.all') },
            ]}
            data-testid="approval-filter"
          />
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching}>
            {t('common.refresh')}
          </Button>
        </Flex>
        {list.error && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Approval>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching && !list.data}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t('approvals.empty') }}
            data-testid="approval-table"
          />
        )}
      </Card>
      <ReasonModal
        open={deciding !== null}
        title={deciding ? titleOf(deciding) : ''}
        required={deciding?.verb === 'reject'}
        okText={deciding?.verb === 'reject' ? t('approvals.reject') : t('approvals.approve')}
        danger={deciding?.verb === 'reject'}
        onClose={() => setDeciding(null)}
        onSubmit={async (reason) => {
          if (!deciding) return;
          const { approval, verb } = deciding;
          if (verb === 'approve')
            await settle(approval, () => approvalsApi.approve(approval.id, reason), t('approvals.approved'));
          else
            await settle(
              approval,
              () => approvalsApi.reject(approval.id, reason ?? ''),
              t('approvals.rejected'),
            );
        }}
      />
    </div>
  );
}
