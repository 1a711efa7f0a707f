import type { StaffDto as Staff } from '@livecloud/access/schemas';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { SearchOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  App,
  Avatar,
  Button,
  Card,
  Flex,
  Input,
  Popconfirm,
  Segmented,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableProps,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { roleLabel } from '../../i18n/labels';
import { formatDateTime } from '../../lib/format';
import { useCurrentSession, useSession } from '../auth/session-context';
import { staffApi } from './settings.api';
import { settingsQueries } from './settings.queries';
import { StaffOnboardModal } from './staff-onboard-modal';
import { StaffRoleModal } from './staff-role-modal';

type StatusFilter = 'all' | Staff['status'];

function upsert(list: Staff[] | undefined, staff: Staff): Staff[] {
  const items = list ?? [];
  return items.some((item) => item.id === staff.id)
    ? items.map((item) => (item.id === staff.id ? staff : item))
    : [staff, ...items];
}

/** Staff on- and off-boarding, and role changes. */
export function StaffPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useCurrentSession();
  const { can } = useSession();
  const canManage = can('staff:manage');
  const queryClient = useQueryClient();
  const { data, error, isFetching: loading, refetch } = useQuery(settingsQueries.staff());
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [onboarding, setOnboarding] = useState(false);
  const [editing, setEditing] = useState<Staff | null>(null);
  const [offboardingId, setOffboardingId] = useState<string | null>(null);

  const replace = (staff: Staff) =>
    queryClient.setQueryData(
      settingsQueries.staff().queryKey,
      (previous) => previous && { items: upsert(previous.items, staff) },
    );

  const onOffboard = async (staff: Staff) => {
    setOffboardingId(staff.id);
    try {
      replace(await staffApi.offboard(staff.id));
      void message.success(t('staff.offboardDone', { name: staff.name }));
    } catch (cause) {
      void message.error(errorMessage(t, cause));
    } finally {
      setOffboardingId(null);
    }
  };

  const rows = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return (data?.items ?? []).filter(
      (staff) =>
        (status === 'all' || staff.status === status) &&
        (needle === '' ||
          staff.name.toLowerCase().includes(needle) ||
          staff.email.toLowerCase().includes(needle)),
    );
  }, [data, query, status]);

  const columns: TableProps<Staff>['columns'] = [
    {
      key: 'name',
      title: t('staff.name'),
      render: (_, staff) => (
        <Flex align="center" gap={10} className="lc-nowrap">
          <Avatar size={32} className={staff.status === 'active' ? 'lc-avatar' : 'lc-avatar-muted'}>
            {staff.name.slice(0, 1).toUpperCase()}
          </Avatar>
          <Typography.Text
            strong={staff.status === 'active'}
            type={staff.status === 'active' ? undefined : 'secondary'}
          >
            {staff.name}
          </Typography.Text>
          {staff.userId === session.user.id ? <Tag color="blue">{t('staff.you')}</Tag> : null}
        </Flex>
      ),
    },
    { key: 'email', dataIndex: 'email', title: t('staff.email') },
    {
      key: 'role',
      title: t('staff.role'),
      width: 140,
      render: (_, staff) => <Tag data-testid={`staff-role-${staff.id}`}>{roleLabel(t, staff.role)}</Tag>,
    },
    {
      key: 'status',
      title: t('staff.status'),
      width: 120,
      render: (_, staff) =>
        staff.status === 'active' ? (
          <Tag color="success" data-testid={`staff-status-${staff.id}`}>
            {t('staff.active')}
          </Tag>
        ) : (
          <Tooltip title={t('staff.offboardedAt', { time: formatDateTime(staff.offboardedAt) })}>
            <Tag data-testid={`staff-status-${staff.id}`}>{t('staff.offboarded')}</Tag>
          </Tooltip>
        ),
    },
    {
      key: 'joined',
      title: t('staff.joined'),
      width: 170,
      sorter: (a, b) => a.createdAt.localeCompare(b.createdAt),
      render: (_, staff) => <span className="lc-nowrap">{formatDateTime(staff.createdAt)}</span>,
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 200,
            render: (_: unknown, staff: Staff) => {
              const self = staff.userId === session.user.id;
              const disabled = staff.status !== 'active' || self;
              const hint = self ? t('staff.selfHint') : undefined;
              return (
                <Space size={4}>
                  <Tooltip title={hint}>
                    <Button
                      type="link"
                      size="small"
                      disabled={disabled}
                      onClick={() => setEditing(staff)}
                      data-testid={`staff-change-role-${staff.id}`}
                    >
                      {t('staff.changeRole')}
                    </Button>
                  </Tooltip>
                  <Popconfirm
                    title={t('staff.offboardConfirm', { name: staff.name })}
                    description={t('staff.offboardConfirmDetail')}
                    okText={t('staff.offboard')}
                    okButtonProps={{ danger: true, 'data-testid': 'staff-offboard-confirm' }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => void onOffboard(staff)}
                    disabled={disabled}
                  >
                    <Tooltip title={hint}>
                      <Button
                        type="link"
                        size="small"
                        danger
                        disabled={disabled}
                        loading={offboardingId === staff.id}
                        data-testid={`staff-offboard-${staff.id}`}
                      >
                        {t('staff.offboard')}
                      </Button>
                    </Tooltip>
                  </Popconfirm>
                </Space>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <div data-testid="page-settings-staff">
      <PageHeader
        title={t('staff.title')}
        subtitle={t('staff.subtitle')}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              onClick={() => setOnboarding(true)}
              data-testid="staff-onboard"
            >
              {t('staff.onboard')}
            </Button>
          ) : null
        }
      />
      <Card className="lc-card">
        {error && !data ? (
          <LoadError error={error} onRetry={() => void refetch()} />
        ) : (
          <>
            <Flex justify="space-between" gap={12} wrap style={{ marginBottom: 16 }}>
              <Input
                allowClear
                prefix={<SearchOutlined className="lc-input-icon" />}
                placeholder={t('staff.searchPlaceholder')}
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                style={{ maxWidth: 280 }}
                data-testid="staff-search"
              />
              <Segmented<StatusFilter>
                value={status}
                onChange={setStatus}
                options={[
                  { value: 'all', label: t('common.all') },
                  { value: 'active', label: t('staff.active') },
                  { value: 'offboarded', label: t('staff.offboarded') },
                ]}
                data-testid="staff-status-filter"
              />
            </Flex>
            <Table<Staff>
              rowKey="id"
              columns={columns}
              dataSource={rows}
              loading={loading}
              pagination={{
                pageSize: 20,
                hideOnSinglePage: true,
                showTotal: (total) => t('common.total', { count: total }),
              }}
              locale={{ emptyText: t('staff.empty') }}
              scroll={{ x: 'max-content' }}
              data-testid="staff-table"
            />
          </>
        )}
      </Card>
      <StaffOnboardModal
        open={onboarding}
        onClose={() => setOnboarding(false)}
        onOnboarded={(staff) => {
          replace(staff);
          setOnboarding(false);
        }}
      />
      <StaffRoleModal
        staff={editing}
        onClose={() => setEditing(null)}
        onChanged={(staff) => {
          replace(staff);
          setEditing(null);
        }}
      />
    </div>
  );
}
