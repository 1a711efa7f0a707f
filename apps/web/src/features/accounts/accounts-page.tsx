import { platforms } from '@livecloud/contracts/vocabulary';
import { ApartmentOutlined, HomeOutlined, PlusOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Row, Statistic, Table, Tabs, Tag, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../auth/session-context';
import { schedulingErrorMessage } from '../../lib/scheduling-error';
import { settingsQueries } from '../settings/settings.queries';
import { resourcesQuery } from './accounts.queries';
import { platformColor } from '../../components/status-tags';
import { useResourceColumns } from './resource-columns';
import { ResourceModal, type ResourceKind, type ResourceTarget } from './resource-modal';

/** 账号矩阵: the organisation's platform accounts, live rooms and anchors. */
export function AccountsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const canManage = can('commerce:manage');
  const queryClient = useQueryClient();
  const { data, error, isFetching: loading, refetch } = useQuery(resourcesQuery());
  const reload = () => void queryClient.invalidateQueries({ queryKey: resourcesQuery().queryKey });
  const staff = useQuery({ ...settingsQueries.staff(), enabled: can('staff:read') });
  const [tab, setTab] = useState<ResourceKind>('account');
  const [target, setTarget] = useState<ResourceTarget | null>(null);
  const anchorStaff = useMemo(
    () => (staff.data?.items ?? []).filter((s) => s.role === 'anchor' && s.status === 'active'),
    [staff.data],
  );

  const archive = async (work: () => Promise<unknown>, archived: boolean) => {
    try {
      await work();
      void message.success(archived ? t('schedule.accounts.archived') : t('schedule.accounts.restored'));
      reload();
    } catch (cause) {
      void message.error(schedulingErrorMessage(t, cause));
    }
  };

  const { accountColumns, roomColumns, anchorColumns } = useResourceColumns({
    canManage,
    staff: staff.data?.items ?? [],
    onArchive: (work, archived) => void archive(work, archived),
    onEdit: setTarget,
  });

  const activeAccounts = data?.accounts.filter((a) => !a.archived) ?? [];
  const table = <T extends { id: string }>(
    columns: TableProps<T>['columns'],
    rows: T[],
    kind: ResourceKind,
  ) => (
    <Table<T>
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t(`schedule.accounts.empty.${kind}`) }}
      scroll={{ x: 'max-content' }}
      data-testid={`resource-table-${kind}`}
    />
  );

  return (
    <div data-testid="page-matrix-accounts">
      <PageHeader
        title={t('schedule.accounts.title')}
        subtitle={t('schedule.accounts.subtitle')}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setTarget({ kind: tab, item: null })}
              data-testid="resource-add"
            >
              {t(`schedule.accounts.add.${tab}`)}
            </Button>
          ) : null
        }
      />
      {error && !data ? (
        <Card className="lc-card">
          <LoadError error={error} onRetry={() => void refetch()} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}>
              <Card className="lc-card">
                <Statistic
                  title={t('schedule.accounts.tabs.account')}
                  value={activeAccounts.length}
                  prefix={<ApartmentOutlined />}
                />
                <Flex gap={6} wrap style={{ marginTop: 12 }}>
                  {platforms.map((p) => {
                    const count = activeAccounts.filter((a) => a.platform === p).length;
                    return count > 0 ? (
                      <Tag key={p} color={platformColor[p]}>
                        {t(`schedule.platform.${p}`)} {count}
                      </Tag>
                    ) : null;
                  })}
                </Flex>
              </Card>
            </Col>
            <Col xs={12} md={8}>
              <Card className="lc-card">
                <Statistic
                  title={t('schedule.accounts.tabs.room')}
                  value={data?.rooms.filter((r) => !r.archived).length ?? 0}
                  prefix={<HomeOutlined />}
                />
              </Card>
            </Col>
            <Col xs={12} md={8}>
              <Card className="lc-card">
                <Statistic
                  title={t('schedule.accounts.tabs.anchor')}
                  value={data?.anchors.filter((a) => !a.archived).length ?? 0}
                  prefix={<UserOutlined />}
                />
              </Card>
            </Col>
          </Row>
          <Card className="lc-card">
            <Tabs
              activeKey={tab}
              onChange={(key) => setTab(key as ResourceKind)}
              items={[
                {
                  key: 'account',
                  label: t('schedule.accounts.tabs.account'),
                  children: table(accountColumns, data?.accounts ?? [], 'account'),
                },
                {
                  key: 'room',
                  label: t('schedule.accounts.tabs.room'),
                  children: table(roomColumns, data?.rooms ?? [], 'room'),
                },
                {
                  key: 'anchor',
                  label: t('schedule.accounts.tabs.anchor'),
                  children: table(anchorColumns, data?.anchors ?? [], 'anchor'),
                },
              ]}
            />
          </Card>
        </Flex>
      )}
      <ResourceModal
        target={target}
        anchorStaff={anchorStaff}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          reload();
        }}
      />
    </div>
  );
}
