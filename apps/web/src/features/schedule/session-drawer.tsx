import { type SessionStatus } from '@livecloud/contracts/vocabulary';
import type { SessionDto as LiveSession } from '@livecloud/schedule/schemas';
import { DeleteOutlined, EditOutlined, OrderedListOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Flex, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { GoLiveModal, useGoLive, type NotReady } from './go-live-modal';
import { sessionsApi } from './schedule.api';
import { schedulingErrorMessage } from '../../lib/scheduling-error';
import { shanghaiDateTime } from '../../lib/shanghai-time';
import { PlatformTag } from '../../components/status-tags';
import { SessionStatusTag } from '../../components/status-tags';

const nextStatus: Record<SessionStatus, SessionStatus | null> = {
  planned: 'live',
  live: 'ended',
  ended: 'reviewed',
  reviewed: null,
};

export interface SessionDrawerProps {
  session: LiveSession | null;
  canManage: boolean;
  onClose: () => void;
  onEdit: (session: LiveSession) => void;
  onChanged: (session: LiveSession | null) => void;
}

/** One session: who, where, when, its status path, and the way to its line-up. */
export function SessionDrawer({ session, canManage, onClose, onEdit, onChanged }: SessionDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [notReady, setNotReady] = useState<NotReady | null>(null);
  const goLive = useGoLive((live) => onChanged(live));

  const run = async (work: () => Promise<LiveSession | null>, done: string) => {
    setBusy(true);
    try {
      onChanged(await work());
      void message.success(done);
    } catch (cause) {
      void message.error(schedulingErrorMessage(t, cause));
    } finally {
      setBusy(false);
    }
  };

  const next = session ? nextStatus[session.status] : null;
  return (
    <Drawer
      open={session !== null}
      onClose={onClose}
      size={440}
      title={session?.title}
      data-testid="session-drawer"
      extra={session ? <SessionStatusTag status={session.status} /> : null}
    >
      {session ? (
        <Flex vertical gap={20}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('schedule.schedule.when')}>
              {shanghaiDateTime(session.plannedStart)} – {shanghaiDateTime(session.plannedEnd)}
            </Descriptions.Item>
            <Descriptions.Item label={t('schedule.resource.room')}>{session.room.name}</Descriptions.Item>
            <Descriptions.Item label={t('schedule.resource.account')}>
              <Space size={6}>
                <PlatformTag platform={session.account.platform} />
                {session.account.displayName}
                <span className="lc-mono" style={{ color: '#8c8c8c' }}>
                  @{session.account.handle}
                </span>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('schedule.resource.anchor')}>
              {session.anchors.map((a) => (
                <Tag key={a.id}>{a.name}</Tag>
              ))}
            </Descriptions.Item>
            {session.actualStart ? (
              <Descriptions.Item label={t('schedule.schedule.actual')}>
                {shanghaiDateTime(session.actualStart)} –{' '}
                {session.actualEnd ? shanghaiDateTime(session.actualEnd) : '…'}
              </Descriptions.Item>
            ) : null}
            {session.recurringScheduleId ? (
              <Descriptions.Item label={t('schedule.schedule.recurringRule')}>
                {t('schedule.schedule.fromRecurring')}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Flex gap={8} wrap>
            <Button
              icon={<OrderedListOutlined />}
              onClick={() => void navigate(`/before/lineups?session=${encodeURIComponent(session.id)}`)}
              data-testid="session-open-lineup"
            >
              {t('schedule.schedule.openLineup')}
            </Button>
            {canManage && next ? (
              <Popconfirm
                title={t('schedule.schedule.transitionConfirm', {
                  action: t(`schedule.transition.${next}`),
                })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => {
                  if (next === 'live') {
                    setBusy(true);
                    void goLive(session)
                      .then(setNotReady)
                      .finally(() => setBusy(false));
                    return;
                  }
                  void run(
                    () => sessionsApi.transition(session.id, next),
                    t('schedule.schedule.transitioned', { status: t(`schedule.status.${next}`) }),
                  );
                }}
              >
                <Button type="primary" loading={busy} data-testid="session-transition">
                  {t(`schedule.transition.${next}`)}
                </Button>
              </Popconfirm>
            ) : null}
            {canManage && session.status === 'planned' ? (
              <>
                <Button icon={<EditOutlined />} onClick={() => onEdit(session)} data-testid="session-edit">
                  {t('schedule.schedule.edit')}
                </Button>
                <Popconfirm
                  title={t('schedule.schedule.deleteConfirm')}
                  description={t('schedule.schedule.deleteDetail')}
                  okText={t('schedule.schedule.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    void run(
                      async () => (await sessionsApi.remove(session.id), null),
                      t('schedule.schedule.deleted'),
                    )
                  }
                >
                  <Button danger icon={<DeleteOutlined />} loading={busy}>
                    {t('schedule.schedule.delete')}
                  </Button>
                </Popconfirm>
              </>
            ) : null}
          </Flex>
        </Flex>
      ) : null}
      <GoLiveModal
        session={session}
        notReady={notReady}
        onClose={() => setNotReady(null)}
        onChanged={(live) => onChanged(live)}
      />
    </Drawer>
  );
}
