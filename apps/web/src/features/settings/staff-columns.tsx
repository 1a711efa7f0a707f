import type { StaffDto as Staff } from '@livecloud/access/schemas';
import { Avatar, Button, Flex, Space, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../../i18n/labels';
import { formatDateTime } from '../../lib/format';

/** The staff table's columns; managers also get Change role and Off-board (never for themselves). */
export function useStaffColumns({
  selfUserId,
  canManage,
  onChangeRole,
  onOffboard,
}: {
  selfUserId: string;
  canManage: boolean;
  onChangeRole: (staff: Staff) => void;
  onOffboard: (staff: Staff) => void;
}): TableProps<Staff>['columns'] {
  const { t } = useTranslation();
  return [
    {
      key: 'name',
      title: t('settings.staff.name'),
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
          {staff.userId === selfUserId ? <Tag color="blue">{t('settings.staff.you')}</Tag> : null}
        </Flex>
      ),
    },
    { key: 'email', dataIndex: 'email', title: t('settings.staff.email') },
    {
      key: 'role',
      title: t('settings.staff.role'),
      width: 140,
      render: (_, staff) => <Tag data-testid={`staff-role-${staff.id}`}>{roleLabel(t, staff.role)}</Tag>,
    },
    {
      key: 'status',
      title: t('settings.staff.status'),
      width: 120,
      render: (_, staff) =>
        staff.status === 'active' ? (
          <Tag color="success" data-testid={`staff-status-${staff.id}`}>
            {t('settings.staff.active')}
          </Tag>
        ) : (
          <Tooltip title={t('settings.staff.offboardedAt', { time: formatDateTime(staff.offboardedAt) })}>
            <Tag data-testid={`staff-status-${staff.id}`}>{t('settings.staff.offboarded')}</Tag>
          </Tooltip>
        ),
    },
    {
      key: 'joined',
      title: t('settings.staff.joined'),
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
              const self = staff.userId === selfUserId;
              const disabled = staff.status !== 'active' || self;
              const hint = self ? t('settings.staff.selfHint') : undefined;
              return (
                <Space size={4}>
                  <Tooltip title={hint}>
                    <Button
                      type="link"
                      size="small"
                      disabled={disabled}
                      onClick={() => onChangeRole(staff)}
                      data-testid={`staff-change-role-${staff.id}`}
                    >
                      {t('settings.staff.changeRole')}
                    </Button>
                  </Tooltip>
                  <Tooltip title={hint}>
                    <Button
                      type="link"
                      size="small"
                      danger
                      disabled={disabled}
                      onClick={() => onOffboard(staff)}
                      data-testid={`staff-offboard-${staff.id}`}
                    >
                      {t('settings.staff.offboard')}
                    </Button>
                  </Tooltip>
                </Space>
              );
            },
          },
        ]
      : []),
  ];
}
