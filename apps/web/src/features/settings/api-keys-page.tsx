import type { ApiKeyDto as ApiKey } from '@livecloud/access/schemas';
import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Popconfirm, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { sourceLabel } from '../../i18n/labels';
import { formatDateTime } from '../../lib/format';
import { ApiKeyCreateModal } from './api-key-create-modal';
import { ApiKeyOriginsModal } from './api-key-origins-modal';
import { ApiKeyOwnerCell, ApiKeyOwnerModal } from './api-key-owner';
import { apiKeysApi } from './settings.api';
import { settingsQueries } from './settings.queries';

/** API keys for collectors and admin scripts: list, create (secret shown once), revoke. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data, error, isFetching: loading, refetch } = useQuery(settingsQueries.apiKeys());
  const [creating, setCreating] = useState(false);
  const [revokingId, setRevokingId] = useState<string | null>(null);
  const [editingOrigins, setEditingOrigins] = useState<ApiKey | null>(null);
  const [handingOver, setHandingOver] = useState<ApiKey | null>(null);

  const put = (key: ApiKey) =>
    queryClient.setQueryData(settingsQueries.apiKeys().queryKey, (previous) => {
      const items = previous?.items ?? [];
      return {
        items: items.some((item) => item.id === key.id)
          ? items.map((item) => (item.id === key.id ? key : item))
          : [key, ...items],
      };
    });

  const onRevoke = async (key: ApiKey) => {
    setRevokingId(key.id);
    try {
      put(await apiKeysApi.revoke(key.id));
      void message.success(t('settings.apiKeys.revokedDone', { name: key.name }));
    } catch (cause) {
      void message.error(errorMessage(t, cause));
    } finally {
      setRevokingId(null);
    }
  };

  const columns: TableProps<ApiKey>['columns'] = [
    {
      key: 'name',
      title: t('settings.apiKeys.name'),
      render: (_, key) => (
        <span>
          <KeyOutlined className="lc-input-icon" style={{ marginInlineEnd: 8 }} />
          <Typography.Text
            strong={key.revokedAt === null}
            type={key.revokedAt === null ? undefined : 'secondary'}
          >
            {key.name}
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'purpose',
      title: t('settings.apiKeys.purpose'),
      width: 120,
      render: (_, key) =>
        key.purpose === 'admin' ? (
          <Tag color="purple">{t('settings.apiKeys.purposeAdmin')}</Tag>
        ) : (
          <Tag color="cyan">{t('settings.apiKeys.purposeCollector')}</Tag>
        ),
    },
    {
      key: 'owner',
      title: t('settings.apiKeys.owner'),
      render: (_, key) => <ApiKeyOwnerCell apiKey={key} onHandOver={setHandingOver} />,
    },
    {
      key: 'source',
      title: t('settings.apiKeys.source'),
      width: 140,
      render: (_, key) =>
        key.source ? sourceLabel(t, key.source) : <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      key: 'allowedOrigins',
      title: t('settings.apiKeys.allowedOrigins'),
      width: 220,
      render: (_, key) => {
        if (key.purpose === 'admin') {
          return <Typography.Text type="secondary">{t('settings.apiKeys.adminNoBrowser')}</Typography.Text>;
        }
        if (key.allowedOrigins.length === 0) {
          return <Typography.Text type="secondary">{t('settings.apiKeys.serverOnly')}</Typography.Text>;
        }
        return (
          <span data-testid={`api-key-origins-${key.id}`}>
            {key.allowedOrigins.map((origin) => (
              <Tag key={origin} className="lc-mono">
                {origin === '*' ? t('settings.apiKeys.anyOrigin') : origin}
              </Tag>
            ))}
          </span>
        );
      },
    },
    {
      key: 'prefix',
      title: t('settings.apiKeys.prefix'),
      width: 170,
      render: (_, key) => <Typography.Text code className="lc-mono">{`${key.prefix}…`}</Typography.Text>,
    },
    {
      key: 'createdAt',
      title: t('settings.apiKeys.createdAt'),
      width: 160,
      render: (_, key) => formatDateTime(key.createdAt),
    },
    {
      key: 'lastUsedAt',
      title: t('settings.apiKeys.lastUsedAt'),
      width: 160,
      render: (_, key) =>
        key.lastUsedAt ? (
          formatDateTime(key.lastUsedAt)
        ) : (
          <Typography.Text type="secondary">{t('common.never')}</Typography.Text>
        ),
    },
    {
      key: 'status',
      title: t('settings.apiKeys.status'),
      width: 110,
      render: (_, key) =>
        key.revokedAt === null ? (
          <Badge
            status="success"
            text={t('settings.apiKeys.active')}
            data-testid={`api-key-status-${key.id}`}
          />
        ) : (
          <Tooltip title={t('settings.apiKeys.revokedAt', { time: formatDateTime(key.revokedAt) })}>
            <Badge
              status="default"
              text={t('settings.apiKeys.revoked')}
              data-testid={`api-key-status-${key.id}`}
            />
          </Tooltip>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 160,
      render: (_, key) =>
        key.revokedAt === null ? (
          <span>
            {key.purpose === 'collector' ? (
              <Button
                type="link"
                size="small"
                onClick={() => setEditingOrigins(key)}
                data-testid={`api-key-edit-origins-${key.id}`}
              >
                {t('settings.apiKeys.editOrigins')}
              </Button>
            ) : null}
            <Popconfirm
              title={t('settings.apiKeys.revokeConfirm', { name: key.name })}
              description={t('settings.apiKeys.revokeConfirmDetail')}
              okText={t('settings.apiKeys.revoke')}
              okButtonProps={{ danger: true, 'data-testid': 'api-key-revoke-confirm' }}
              cancelText={t('common.cancel')}
              onConfirm={() => void onRevoke(key)}
            >
              <Button
                type="link"
                size="small"
                danger
                loading={revokingId === key.id}
                data-testid={`api-key-revoke-${key.id}`}
              >
                {t('settings.apiKeys.revoke')}
              </Button>
            </Popconfirm>
          </span>
        ) : null,
    },
  ];

  return (
    <div data-testid="page-settings-api-keys">
      <PageHeader
        title={t('settings.apiKeys.title')}
        subtitle={t('settings.apiKeys.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="api-key-create"
          >
            {t('settings.apiKeys.create')}
          </Button>
        }
      />
      <Card className="lc-card">
        {error && !data ? (
          <LoadError error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<ApiKey>
            rowKey="id"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            pagination={{
              pageSize: 20,
              hideOnSinglePage: true,
              showTotal: (total) => t('common.total', { count: total }),
            }}
            locale={{ emptyText: t('settings.apiKeys.empty') }}
            scroll={{ x: 'max-content' }}
            data-testid="api-keys-table"
          />
        )}
      </Card>
      <ApiKeyCreateModal open={creating} onClose={() => setCreating(false)} onCreated={put} />
      <ApiKeyOriginsModal apiKey={editingOrigins} onClose={() => setEditingOrigins(null)} onSaved={put} />
      <ApiKeyOwnerModal
        apiKey={handingOver}
        onClose={() => setHandingOver(null)}
        onSaved={(key) => {
          put(key);
          setHandingOver(null);
        }}
      />
    </div>
  );
}
