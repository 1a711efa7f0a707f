import type { SessionDto as LiveSession } from '@livecloud/schedule/schemas';
import { Alert, App, Button, Form, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { schedulingErrorMessage } from '../../lib/scheduling-error';
import { shanghaiDateTime } from '../../lib/shanghai-time';
import { bigScreenPath } from '../big-screen/big-screen-paths';
import { sessionsApi } from './schedule.api';

/** A go-live refusal as the server sends it (`409 session_not_ready`). */
export interface NotReady {
  problems: { code: string; params: Record<string, unknown> }[];
  overridable: boolean;
}

/** The refusal's details when the error is one; null for any other failure. */
export function notReadyOf(cause: unknown): NotReady | null {
  if (!(cause instanceof ApiError) || cause.code !== 'session_not_ready') return null;
  const details = cause.details as Partial<NotReady> | undefined;
  return { problems: details?.problems ?? [], overridable: details?.overridable === true };
}

/** Goes live and opens the session's big screen at once. */
export function useGoLive(onChanged: (session: LiveSession) => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  return async (session: LiveSession, reason?: string): Promise<NotReady | null> => {
    try {
      const live = await sessionsApi.transition(session.id, 'live', reason ? { reason } : undefined);
      onChanged(live);
      void message.success(t('schedule.goLive.started'));
      void navigate(bigScreenPath(live.id));
      return null;
    } catch (cause) {
      const notReady = notReadyOf(cause);
      if (notReady === null) void message.error(schedulingErrorMessage(t, cause));
      return notReady;
    }
  };
}

/** Why the session cannot go live, each problem in words, and an override with a reason when allowed. */
export function GoLiveModal({
  session,
  notReady,
  onClose,
  onChanged,
}: {
  session: LiveSession | null;
  notReady: NotReady | null;
  onClose: () => void;
  onChanged: (session: LiveSession) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const goLive = useGoLive(onChanged);
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const open = session !== null && notReady !== null;

  const describe = (problem: NotReady['problems'][number]): string => {
    const p = problem.params;
    switch (problem.code) {
      case 'lineup_empty':
        return t('schedule.goLive.lineup_empty');
      case 'lineup_invalid':
        return t('schedule.goLive.lineup_invalid', { problems: Number(p['problems'] ?? 0) });
      case 'too_early': {
        const minutes = Number(p['minutesEarly'] ?? 0);
        const time = typeof p['plannedStart'] === 'string' ? shanghaiDateTime(p['plannedStart']) : '';
        return minutes >= 120
          ? t('schedule.goLive.too_early_hours', { hours: Math.round(minutes / 60), time })
          : t('schedule.goLive.too_early', { minutes, time });
      }
      default:
        return t('errors.generic');
    }
  };

  const onOverride = async ({ reason }: { reason: string }) => {
    if (session === null) return;
    setBusy(true);
    try {
      if ((await goLive(session, reason.trim())) === null) onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={session ? t('schedule.goLive.title', { title: session.title }) : null}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button
          key="lineup"
          onClick={() =>
            session && void navigate(`/before/lineups?session=${encodeURIComponent(session.id)}`)
          }
        >
          {t('schedule.goLive.openLineup')}
        </Button>,
        notReady?.overridable ? (
          <Button
            key="override"
            danger
            type="primary"
            loading={busy}
            onClick={() => form.submit()}
            data-testid="go-live-override"
          >
            {t('schedule.goLive.override')}
          </Button>
        ) : null,
      ]}
    >
      <Typography.Paragraph>{t('schedule.goLive.intro')}</Typography.Paragraph>
      <List
        size="small"
        bordered
        dataSource={notReady?.problems ?? []}
        renderItem={(problem) => (
          <List.Item data-testid={`go-live-problem-${problem.code}`}>{describe(problem)}</List.Item>
        )}
        style={{ marginBottom: 16 }}
        data-testid="go-live-problems"
      />
      {notReady?.overridable ? (
        <Form form={form} layout="vertical" onFinish={(values) => void onOverride(values)}>
          <Typography.Paragraph type="secondary">{t('schedule.goLive.overrideHint')}</Typography.Paragraph>
          <Form.Item
            name="reason"
            label={t('schedule.goLive.reason')}
            rules={[{ required: true, whitespace: true, message: t('schedule.goLive.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={500} data-testid="go-live-reason" />
          </Form.Item>
        </Form>
      ) : (
        <Alert type="warning" showIcon title={t('schedule.goLive.notPermitted')} />
      )}
    </Modal>
  );
}
