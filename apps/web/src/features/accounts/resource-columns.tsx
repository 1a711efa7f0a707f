import type { StaffDto as Staff } from '@livecloud/access/schemas';
import type {
  AnchorDto as Anchor,
  PlatformAccountDto as PlatformAccount,
  RoomDto as Room,
} from '@livecloud/schedule/schemas';
import { Avatar, Button, Flex, Switch, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { PlatformTag } from '../../components/status-tags';
import { shanghaiDateTime } from '../../lib/shanghai-time';
import { accountsApi, anchorsApi, roomsApi } from './accounts.api';
import type { ResourceKind, ResourceTarget } from './resource-modal';

/**
 * The columns of the account, room and anchor tables: each with an in-use switch (archive or
 * restore) and, for managers, an edit action.
 */
export function useResourceColumns({
  canManage,
  staff,
  onArchive,
  onEdit,
}: {
  canManage: boolean;
  /** The organisation's people, to name the member an anchor is linked to. */
  staff: Staff[];
  onArchive: (work: () => Promise<unknown>, archived: boolean) => void;
  onEdit: (target: ResourceTarget) => void;
}) {
  const { t } = useTranslation();
  const statusColumn = <T extends { id: string; archived: boolean }>(
    toggle: (item: T, archived: boolean) => Promise<unknown>,
  ) => ({
    key: 'status',
    title: t('schedule.accounts.inUse'),
    width: 110,
    render: (_: unknown, item: T) => (
      <Switch
        size="small"
        checked={!item.archived}
        disabled={!canManage}
        onChange={(on) => onArchive(() => toggle(item, !on), !on)}
        data-testid={`resource-active-${item.id}`}
      />
    ),
  });
  const editColumn = <T,>(kind: ResourceKind) => ({
    key: 'actions',
    title: t('common.actions'),
    width: 90,
    render: (_: unknown, item: T) => (
      <Button type="link" size="small" onClick={() => onEdit({ kind, item } as ResourceTarget)}>
        {t('schedule.accounts.editAction')}
      </Button>
    ),
  });
  const created = {
    key: 'created',
    title: t('schedule.accounts.createdAt'),
    width: 170,
    render: (_: unknown, item: { createdAt: string }) => shanghaiDateTime(item.createdAt),
  };

  const accountColumns: TableProps<PlatformAccount>['columns'] = [
    {
      key: 'platform',
      title: t('schedule.accounts.platform'),
      width: 120,
      render: (_, a) => <PlatformTag platform={a.platform} />,
    },
    {
      key: 'name',
      title: t('schedule.accounts.displayName'),
      render: (_, a) => (
        <Typography.Text strong={!a.archived} type={a.archived ? 'secondary' : undefined}>
          {a.displayName}
        </Typography.Text>
      ),
    },
    {
      key: 'handle',
      title: t('schedule.accounts.handle'),
      render: (_, a) => <span className="lc-mono">@{a.handle}</span>,
    },
    created,
    statusColumn<PlatformAccount>((a, archived) => accountsApi.update(a.id, { archived })),
    ...(canManage ? [editColumn<PlatformAccount>('account')] : []),
  ];
  const roomColumns: TableProps<Room>['columns'] = [
    {
      key: 'name',
      title: t('schedule.accounts.name'),
      render: (_, r) => (
        <Typography.Text strong={!r.archived} type={r.archived ? 'secondary' : undefined}>
          {r.name}
        </Typography.Text>
      ),
    },
    { key: 'location', title: t('schedule.accounts.location'), render: (_, r) => r.location ?? '—' },
    created,
    statusColumn<Room>((r, archived) => roomsApi.update(r.id, { archived })),
    ...(canManage ? [editColumn<Room>('room')] : []),
  ];
  const anchorColumns: TableProps<Anchor>['columns'] = [
    {
      key: 'name',
      title: t('schedule.accounts.name'),
      render: (_, a) => (
        <Flex align="center" gap={10}>
          <Avatar size={28} className={a.archived ? 'lc-avatar-muted' : 'lc-avatar'}>
            {a.name.slice(0, 1)}
          </Avatar>
          <Typography.Text strong={!a.archived} type={a.archived ? 'secondary' : undefined}>
            {a.name}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'member',
      title: t('schedule.accounts.member'),
      render: (_, a) => {
        if (!a.membershipId)
          return <Typography.Text type="secondary">{t('schedule.accounts.memberNone')}</Typography.Text>;
        const person = staff.find((s) => s.id === a.membershipId);
        return <Tag color="blue">{person ? person.name : t('schedule.accounts.memberLinked')}</Tag>;
      },
    },
    created,
    statusColumn<Anchor>((a, archived) => anchorsApi.update(a.id, { archived })),
    ...(canManage ? [editColumn<Anchor>('anchor')] : []),
  ];

  return { accountColumns, roomColumns, anchorColumns };
}
