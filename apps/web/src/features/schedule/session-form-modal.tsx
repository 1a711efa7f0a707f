import type {
  ClashDto as Clash,
  CreateSessionBody as SessionInput,
  SessionDto as LiveSession,
} from '@livecloud/schedule/schemas';
import { App, Col, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resources } from '../accounts/accounts.api';
import { PlatformTag } from '../../components/status-tags';
import { ConflictAlert } from './conflict-alert';
import { sessionsApi } from './schedule.api';
import { clashesOf, schedulingErrorMessage } from '../../lib/scheduling-error';
import { addDays, fromShanghai, parseClock, shanghaiDate, shanghaiTime } from '../../lib/shanghai-time';

export interface SessionDraft {
  date: string;
  start: string;
  end: string;
  roomId?: string;
  anchorIds?: string[];
  accountId?: string;
}

interface FormValues {
  title: string;
  accountId: string;
  roomId: string;
  anchorIds: string[];
  date: string;
  start: string;
  end: string;
}

export interface SessionFormModalProps {
  /** A new session's defaults, or the session being edited; null keeps the modal closed. */
  target: { draft: SessionDraft } | { session: LiveSession } | null;
  resources: Resources;
  onClose: () => void;
  onSaved: (session: LiveSession) => void;
}

/** The times a form describes; an end at or before the start is on the next day. */
function windowOf(
  values: Pick<FormValues, 'date' | 'start' | 'end'>,
): { plannedStart: string; plannedEnd: string } | null {
  const start = parseClock(values.start);
  const end = parseClock(values.end);
  if (start === null || end === null || !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) return null;
  const endDate = end <= start ? addDays(values.date, 1) : values.date;
  return {
    plannedStart: new Date(fromShanghai(values.date, start)).toISOString(),
    plannedEnd: new Date(fromShanghai(endDate, end)).toISOString(),
  };
}

/** Plan a session or change one; a refused booking shows its clashes in place. */
export function SessionFormModal({ target, resources, onClose, onSaved }: SessionFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [clashes, setClashes] = useState<Clash[] | null>(null);
  const editing = target && 'session' in target ? target.session : null;
  const start = Form.useWatch('start', form);
  const end = Form.useWatch('end', form);
  const overnight = typeof start === 'string' && typeof end === 'string' && end !== '' && end <= start;

  const initialValues = useMemo((): Partial<FormValues> => {
    if (!target) return {};
    if ('draft' in target) return { title: '', anchorIds: [], ...target.draft };
    const s = target.session;
    return {
      title: s.title,
      accountId: s.account.id,
      roomId: s.room.id,
      anchorIds: s.anchors.map((a) => a.id),
      date: shanghaiDate(Date.parse(s.plannedStart)),
      start: shanghaiTime(Date.parse(s.plannedStart)),
      end: shanghaiTime(Date.parse(s.plannedEnd)),
    };
  }, [target]);

  useEffect(() => {
    if (target) setClashes(null);
  }, [target]);

  const onSubmit = async (values: FormValues) => {
    const window = windowOf(values);
    if (!window) return;
    const input: SessionInput = {
      title: values.title.trim(),
      accountId: values.accountId,
      roomId: values.roomId,
      anchorIds: values.anchorIds,
      ...window,
    };
    setSaving(true);
    setClashes(null);
    try {
      const saved = editing ? await sessionsApi.update(editing.id, input) : await sessionsApi.create(input);
      void message.success(
        editing ? t('schedule.schedule.updated') : t('schedule.schedule.created', { title: saved.title }),
      );
      onSaved(saved);
    } catch (cause) {
      const found = clashesOf(cause);
      if (found) setClashes(found);
      else void message.error(schedulingErrorMessage(t, cause));
    } finally {
      setSaving(false);
    }
  };

  const active = <T extends { archived: boolean; id: string }>(items: T[], keep: string[] = []) =>
    items.filter((item) => !item.archived || keep.includes(item.id));

  return (
    <Modal
      open={target !== null}
      title={editing ? t('schedule.schedule.editTitle') : t('schedule.schedule.newTitle')}
      okText={editing ? t('common.save') : t('schedule.schedule.create')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
      width={620}
      okButtonProps={{ 'data-testid': 'session-submit' }}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={initialValues}
        onFinish={(values) => void onSubmit(values)}
        style={{ marginTop: 16 }}
        data-testid="session-form"
      >
        <Form.Item
          name="title"
          label={t('schedule.schedule.sessionTitle')}
          rules={[{ required: true, whitespace: true, message: t('schedule.schedule.titleRequired') }]}
        >
          <Input
            maxLength={200}
            placeholder={t('schedule.schedule.titlePlaceholder')}
            data-testid="session-title"
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="roomId"
              label={t('schedule.resource.room')}
              rules={[{ required: true, message: t('schedule.schedule.pick') }]}
            >
              <Select
                data-testid="session-room"
                options={active(resources.rooms, editing ? [editing.room.id] : []).map((r) => ({
                  value: r.id,
                  label: r.name,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="accountId"
              label={t('schedule.resource.account')}
              rules={[{ required: true, message: t('schedule.schedule.pick') }]}
            >
              <Select
                data-testid="session-account"
                options={active(resources.accounts, editing ? [editing.account.id] : []).map((a) => ({
                  value: a.id,
                  label: (
                    <span>
                      <PlatformTag platform={a.platform} /> {a.displayName}
                    </span>
                  ),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="anchorIds"
          label={t('schedule.resource.anchor')}
          rules={[{ required: true, type: 'array', min: 1, message: t('schedule.schedule.anchorRequired') }]}
        >
          <Select
            mode="multiple"
            data-testid="session-anchors"
            options={active(resources.anchors, editing ? editing.anchors.map((a) => a.id) : []).map((a) => ({
              value: a.id,
              label: a.name,
            }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item
              name="date"
              label={t('schedule.schedule.date')}
              rules={[{ required: true, message: t('schedule.schedule.pick') }]}
            >
              <Input type="date" data-testid="session-date" />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item
              name="start"
              label={t('schedule.schedule.start')}
              rules={[{ required: true, message: t('schedule.schedule.pick') }]}
            >
              <Input type="time" step={300} data-testid="session-start" />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item
              name="end"
              label={t('schedule.schedule.end')}
              rules={[{ required: true, message: t('schedule.schedule.pick') }]}
              extra={overnight ? t('schedule.schedule.nextDay') : undefined}
            >
              <Input type="time" step={300} data-testid="session-end" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('schedule.schedule.timeZoneNote')}
        </Typography.Paragraph>
        {clashes ? <ConflictAlert clashes={clashes} /> : null}
      </Form>
    </Modal>
  );
}
