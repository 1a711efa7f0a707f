import { CheckCircleFilled, MinusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { permissionLabel, roleLabel } from '../../i18n/labels';
import { zhCN } from '../../i18n/zh-cn';
import { useCurrentSession } from '../auth/session-context';
import { settingsQueries } from './settings.queries';

interface PermissionRow {
  key: string;
  permission: string;
  area: string;
  /** How many rows the area cell spans (0 for all but the first row of an area). */
  areaSpan: number;
  granted: Record<string, boolean>;
}

type AreaKey = keyof typeof zhCN.settings.rolesPage.area;

function isAreaKey(value: string): value is AreaKey {
  return Object.hasOwn(zhCN.settings.rolesPage.area, value);
}

/** The read-only matrix of which role holds which permission, from `GET /api/v1/roles`. */
export function RolesPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const { data, error, isFetching: loading, refetch } = useQuery(settingsQueries.roles());

  const rows = useMemo<PermissionRow[]>(() => {
    if (!data) return [];
    const areaOf = (permission: string) => permission.split(':')[0] ?? permission;
    // Keep the server's order of areas, with each area's permissions together.
    const areas = [...new Set(data.permissions.map(areaOf))];
    const ordered = areas.flatMap((area) =>
      data.permissions.filter((permission) => areaOf(permission) === area),
    );
    return ordered.map((permission, index) => {
      const area = areaOf(permission);
      const first = index === 0 || areaOf(ordered[index - 1] ?? '') !== area;
      return {
        key: permission,
        permission,
        area,
        areaSpan: first ? ordered.filter((other) => areaOf(other) === area).length : 0,
        granted: Object.fromEntries(
          data.roles.map(({ role, permissions }) => [role, permissions.includes(permission)]),
        ),
      };
    });
  }, [data]);

  const columns: TableProps<PermissionRow>['columns'] = [
    {
      key: 'area',
      title: '',
      width: 108,
      fixed: 'left',
      onCell: (row) => ({ rowSpan: row.areaSpan }),
      render: (_, row) => (
        <Typography.Text strong>
          {isAreaKey(row.area) ? t(`settings.rolesPage.area.${row.area}`) : row.area}
        </Typography.Text>
      ),
    },
    {
      key: 'permission',
      title: t('settings.rolesPage.permission'),
      width: 220,
      fixed: 'left',
      render: (_, row) => {
        const label = permissionLabel(t, row.permission);
        return (
          <div>
            <div>{label ?? row.permission}</div>
            {label ? (
              <Typography.Text type="secondary" className="lc-mono" style={{ fontSize: 12 }}>
                {row.permission}
              </Typography.Text>
            ) : null}
          </div>
        );
      },
    },
    ...(data?.roles ?? []).map(({ role }) => ({
      key: role,
      align: 'center' as const,
      width: 78,
      className: role === session.role ? 'lc-col-current' : undefined,
      title: (
        <Flex vertical align="center" gap={2}>
          <span>{roleLabel(t, role)}</span>
          {role === session.role ? (
            <Tag color="blue" style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px' }}>
              {t('settings.rolesPage.yourRole')}
            </Tag>
          ) : (
            <Typography.Text type="secondary" className="lc-mono" style={{ fontSize: 11, fontWeight: 400 }}>
              {role}
            </Typography.Text>
          )}
        </Flex>
      ),
      render: (_: unknown, row: PermissionRow) =>
        row.granted[role] ? (
          <Tooltip title={t('settings.rolesPage.granted')}>
            <CheckCircleFilled
              className="lc-check"
              aria-label={t('settings.rolesPage.granted')}
              data-testid={`grant-${role}-${row.permission}`}
            />
          </Tooltip>
        ) : (
          <MinusOutlined className="lc-no-check" aria-label={t('settings.rolesPage.notGranted')} />
        ),
    })),
  ];

  return (
    <div data-testid="page-settings-roles">
      <PageHeader title={t('settings.rolesPage.title')} subtitle={t('settings.rolesPage.subtitle')} />
      <Card className="lc-card">
        {error && !data ? (
          <LoadError error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<PermissionRow>
            rowKey="key"
            columns={columns}
            dataSource={rows}
            loading={loading}
            pagination={false}
            bordered
            size="small"
            tableLayout="fixed"
            scroll={{ x: 1100 }}
            data-testid="roles-matrix"
          />
        )}
      </Card>
    </div>
  );
}
