import type { MerchantInviteDto as MerchantInvite } from '@livecloud/commerce/schemas';
import { App, Button, Popconfirm, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { merchantsApi } from './commerce.api';
import { commerceErrorMessage } from './commerce-error';
import { InviteStatusTag } from '../../components/status-tags';

/** Invitations sent to merchants, and withdrawing one that is still open. */
export function InvitesTab({
  invites,
  loading,
  onChanged,
}: {
  invites: MerchantInvite[];
  loading: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  const revoke = async (invite: MerchantInvite) => {
    try {
      await merchantsApi.revokeInvite(invite.id);
      void message.success(t('commerce.invites.revoked'));
      onChanged();
    } catch (cause) {
      void message.error(commerceErrorMessage(t, cause));
    }
  };

  const columns: TableProps<MerchantInvite>['columns'] = [
    { key: 'email', title: t('commerce.field.email'), dataIndex: 'email' },
    { key: 'company', title: t('commerce.field.company'), render: (_, i) => i.companyName ?? '—' },
    {
      key: 'status',
      title: t('commerce.field.status'),
      width: 100,
      render: (_, i) => <InviteStatusTag status={i.status} />,
    },
    {
      key: 'created',
      title: t('settings.apiKeys.createdAt'),
      width: 160,
      render: (_, i) => formatDateTime(i.createdAt),
    },
    {
      key: 'expires',
      title: t('commerce.invites.expiresAt'),
      width: 160,
      render: (_, i) => formatDateTime(i.expiresAt),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      render: (_, i) =>
        i.status === 'open' ? (
          <Popconfirm
            title={t('commerce.invites.revokeConfirm', { email: i.email })}
            onConfirm={() => void revoke(i)}
            okButtonProps={{ danger: true }}
          >
            <Button type="link" size="small" danger>
              {t('commerce.invites.revoke')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <Table<MerchantInvite>
      rowKey="id"
      columns={columns}
      dataSource={invites}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('commerce.invites.empty') }}
      scroll={{ x: 'max-content' }}
      data-testid="invite-table"
    />
  );
}
