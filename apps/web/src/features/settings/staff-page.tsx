import type { StaffDto as Staff } from '@livecloud/access/schemas';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { SearchOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Segmented, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useCurrentSession, useSession } from '../auth/session-context';
import { settingsQueries } from './settings.queries';
import { useStaffColumns } from './staff-columns';
import { StaffOffboardModal } from './staff-offboard-modal';
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
  const session = useCurrentSession();
  const { can } = useSession();
  const canManage = can('staff:manage');
  const queryClient = useQueryClient();
  const { data, error, isFetching: loading, refetch } = useQuery(settingsQueries.staff());
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [onboarding, setOnboarding] = useState(false);
  const [editing, setEditing] = useState<Staff | null>(null);
  const [offboarding, setOffboarding] = useState<Staff | null>(null);

  const replace = (staff: Staff) =>
    queryClient.setQueryData(
      settingsQueries.staff().queryKey,
      (previous) => previous && { items: upsert(previous.items, staff) },
    );

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

  const columns = useStaffColumns({
    selfUserId: session.user.id,
    canManage,
    onChangeRole: setEditing,
    onOffboard: setOffboarding,
  });

  return (
    <div data-testid="page-settings-staff">
      <PageHeader
        title={t('settings.staff.title')}
        subtitle={t('settings.staff.subtitle')}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              onClick={() => setOnboarding(true)}
              data-testid="staff-onboard"
            >
              {t('settings.staff.onboard')}
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
                placeholder={t('settings.staff.searchPlaceholder')}
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
                  { value: 'active', label: t('settings.staff.active') },
                  { value: 'offboarded', label: t('settings.staff.offboarded') },
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
              locale={{ emptyText: t('settings.staff.empty') }}
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
      <StaffOffboardModal
        staff={offboarding}
        everyone={data?.items ?? []}
        onClose={() => setOffboarding(null)}
        onOffboarded={(staff) => {
          replace(staff);
          setOffboarding(null);
          void queryClient.invalidateQueries({ queryKey: settingsQueries.apiKeys().queryKey });
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
