import type { CategoryDto as Category } from '@livecloud/commerce/schemas';
import { type MerchantStatus } from '@livecloud/contracts/vocabulary';
import {
  App,
  Alert,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Flex,
  Popconfirm,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LoadError } from '../../components/load-error';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../auth/session-context';
import { isApproval } from '../approvals/approvals.api';
import { PendingApprovalsAlert } from '../approvals/pending-approvals-alert';
import { approvalsKey } from '../approvals/approvals.queries';
import { merchantsApi } from './commerce.api';
import { commerceQueries } from './commerce.queries';
import { commerceErrorMessage } from './commerce-error';
import { DepositEntryModal } from './deposit-entry-modal';
import { DepositPanel } from './deposit-panel';
import { ReasonModal } from './reason-modal';
import { MerchantStatusTag } from '../../components/status-tags';
import { useStaffNames } from './use-staff-names';

type Move = 'approved' | 'rejected' | 'suspended';

/** One merchant: details, review actions the status allows, and the deposit ledger. */
export function MerchantDrawer({
  merchantId,
  categories,
  onClose,
  onChanged,
}: {
  merchantId: string | null;
  categories: Category[];
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const canManage = can('commerce:manage');
  const names = useStaffNames();
  const queryClient = useQueryClient();
  const merchantQuery = commerceQueries.merchant(merchantId);
  const merchant = useQuery(merchantQuery);
  const ledger = useQuery(commerceQueries.ledger(merchantId));
  const reloadMerchant = () => void queryClient.invalidateQueries({ queryKey: merchantQuery.queryKey });
  const [asking, setAsking] = useState<Move | null>(null);
  const [recording, setRecording] = useState(false);
  const [busy, setBusy] = useState(false);
  const m = merchant.data;

  const move = async (to: Move, reason?: string) => {
    if (!m) return;
    setBusy(true);
    try {
      const next = await merchantsApi.transition(m.id, to, reason);
      if (isApproval(next)) {
        void message.info(t('approvals.submitted', { kind: t(`approvals.kind.${next.kind}`) }));
        void queryClient.invalidateQueries({ queryKey: approvalsKey });
        setAsking(null);
        return;
      }
      queryClient.setQueryData(merchantQuery.queryKey, next);
      void message.success(t('commerce.merchants.transitionDone', { name: next.companyName }));
      setAsking(null);
      onChanged();
    } catch (cause) {
      reloadMerchant();
      void message.error(commerceErrorMessage(t, cause));
    } finally {
      setBusy(false);
    }
  };

  const actionLabel = (to: MerchantStatus) =>
    to === 'approved' && m?.status === 'suspended'
      ? t('commerce.merchantAction.reinstate')
      : t(`commerce.merchantAction.${to as Move}`);
  const categoryPaths = (m?.categoryIds ?? []).map((id) => categories.find((c) => c.id === id)?.path ?? id);

  const actions =
    canManage && m
      ? m.allowedTransitions.map((to) =>
          to === 'approved' ? (
            <Popconfirm
              key={to}
              title={`${actionLabel(to)}「${m.companyName}」？`}
              onConfirm={() => void move('approved')}
              okButtonProps={{ 'data-testid': 'merchant-approve-confirm' }}
            >
              <Button type="primary" loading={busy} data-testid="merchant-action-approved">
                {actionLabel(to)}
              </Button>
            </Popconfirm>
          ) : (
            <Button
              key={to}
              danger
              loading={busy}
              onClick={() => setAsking(to as Move)}
              data-testid={`merchant-action-${to}`}
            >
              {actionLabel(to)}
            </Button>
          ),
        )
      : [];

  return (
    <Drawer
      open={merchantId !== null}
      onClose={onClose}
      size={820}
      destroyOnHidden
      title={
        m ? (
          <Flex align="center" gap={8}>
            <span>{m.companyName}</span>
            <MerchantStatusTag status={m.status} />
          </Flex>
        ) : (
          t('commerce.common.detail')
        )
      }
      extra={<Space>{actions}</Space>}
      data-testid="merchant-drawer"
    >
      {merchant.error && !m ? (
        <LoadError error={merchant.error} onRetry={() => void merchant.refetch()} />
      ) : null}
      {m ? (
        <>
          <PendingApprovalsAlert merchantId={m.id} />
          {m.statusReason && (m.status === 'rejected' || m.status === 'suspended') ? (
            <Alert
              type={m.status === 'rejected' ? 'error' : 'warning'}
              showIcon
              title={t('commerce.merchants.statusReason', { reason: m.statusReason })}
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <Descriptions
            title={t('commerce.merchants.contactTitle')}
            size="small"
            column={2}
            bordered
            items={[
              {
                key: 'licence',
                label: t('commerce.field.licence'),
                children: <span className="lc-mono">{m.licenceNo}</span>,
              },
              { key: 'applied', label: t('commerce.field.appliedAt'), children: formatDateTime(m.appliedAt) },
              { key: 'contact', label: t('commerce.field.contact'), children: m.contact.name },
              { key: 'phone', label: t('commerce.field.phone'), children: m.contact.phone },
              { key: 'email', label: t('commerce.field.email'), children: m.contact.email ?? '—' },
              {
                key: 'status',
                label: t('commerce.field.status'),
                children: <MerchantStatusTag status={m.status} />,
              },
              {
                key: 'categories',
                label: t('commerce.field.categories'),
                span: 2,
                children: categoryPaths.map((path) => <Tag key={path}>{path}</Tag>),
              },
            ]}
          />
          <Divider titlePlacement="start" style={{ marginTop: 28 }}>
            {t('commerce.merchants.depositTitle')}
          </Divider>
          <DepositPanel
            ledger={ledger.data}
            requiredFen={m.requiredDepositFen}
            names={names}
            onRecord={canManage ? () => setRecording(true) : undefined}
          />
        </>
      ) : null}
      {m ? (
        <>
          <ReasonModal
            open={asking !== null}
            title={t('commerce.merchants.reasonTitle', {
              action: asking ? actionLabel(asking) : '',
              name: m.companyName,
            })}
            okText={asking ? actionLabel(asking) : ''}
            required
            danger
            onSubmit={(reason) => (asking ? move(asking, reason) : Promise.resolve())}
            onClose={() => setAsking(null)}
          />
          <DepositEntryModal
            merchantId={m.id}
            open={recording}
            onClose={() => setRecording(false)}
            onRecorded={(next) => {
              queryClient.setQueryData(commerceQueries.ledger(m.id).queryKey, next);
              setRecording(false);
              reloadMerchant();
              onChanged();
            }}
            onSubmitted={() => {
              setRecording(false);
              void queryClient.invalidateQueries({ queryKey: approvalsKey });
            }}
          />
        </>
      ) : null}
      {!m && !merchant.error ? (
        <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
      ) : null}
    </Drawer>
  );
}
