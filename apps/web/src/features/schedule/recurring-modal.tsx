import type {
  ClashDto as Clash,
  RecurringScheduleDto as RecurringSchedule,
} from '@livecloud/schedule/schemas';
import { Alert, App, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resources } from '../accounts/accounts.api';
import { ConflictAlert } from './conflict-alert';
import { recurringApi } from './schedule.api';
import { clashesOf, schedulingErrorMessage } from '../../lib/scheduling-error';
import { addDays } from '../../lib/shanghai-time';

interface FormValues {
  title: string;
  roomId: string;
  accountId: string;
  anchorIds: string[];
  daysOfWeek: number[];
  startTime: string;
  durationMinutes: number;
  from: string;
  to: string;
}

export interface RecurringModalProps {
  open: boolean;
  today: string;
  resources: Resources;
  onClose: () => void;
  onGenerated: () => void;
}

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * A weekly rule (e.g. 周二、四、六 20:00 播 3 小时) and its sessions for a date range. All or
 * nothing: when one date clashes, the answer lists it and nothing is created; the rule stays,
 * so another range can be tried.
 */
export function RecurringModal({ open, today, resources, onClose, onGenerated }: RecurringModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [rule, setRule] = useState<RecurringSchedule | null>(null);
  const [clashes, setClashes] = useState<Clash[] | null>(null);

  const close = () => {
    setRule(null);
    setClashes(null);
    onClose();
  };

  const onSubmit = async (values: FormValues) => {
    setSaving(true);
    setClashes(null);
    try {
      const saved =
        rule ??
        (await recurringApi.create({
          title: values.title.trim(),
          roomId: values.roomId,
          accountId: values.accountId,
          anchorIds: values.anchorIds,
          daysOfWeek: values.daysOfWeek,
          startTime: values.startTime,
          durationMinutes: values.durationMinutes,
          startsOn: values.from,
        }));
      setRule(saved);
      const result = await recurringApi.generate(saved.id, { from: values.from, to: values.to });
      void message.success(
        t('schedule.recurring.generated', {
          created: result.created.length,
          skipped: result.skipped.length,
        }),
      );
      onGenerated();
      close();
    } catch (cause) {
      const found = clashesOf(cause);
      if (found) setClashes(found);
      else void message.error(schedulingErrorMessage(t, cause));
    } finally {
      setSaving(false);
    }
  };

  const live = <T extends { archived: boolean }>(items: T[]) => items.filter((item) => !item.archived);
  return (
    <Modal
      open={open}
      title={t('schedule.recurring.title')}
      okText={rule ? t('schedule.recurring.retry') : t('schedule.recurring.submit')}
      cancelText={t('common.cancel')}
      onCancel={close}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
      okButtonProps={{ 'data-testid': 'recurring-submit' }}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark
        style={{ marginTop: 16 }}
        initialValues={{
          daysOfWeek: [2, 4, 6],
          startTime: '20:00',
          durationMinutes: 180,
          from: today,
          to: addDays(today, 27),
          anchorIds: [],
        }}
        onFinish={(values) => void onSubmit(values)}
        disabled={saving}
      >
        {rule ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('schedule.recurring.ruleSaved')}
          />
        ) : null}
        <Form.Item
          name="title"
          label={t('schedule.schedule.sessionTitle')}
          rules={[{ required: true, whitespace: true, message: t('schedule.schedule.titleRequired') }]}
        >
          <Input
            maxLength={200}
            placeholder={t('schedule.recurring.titlePlaceholder')}
            disabled={rule !== null}
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
                disabled={rule !== null}
                options={live(resources.rooms).map((r) => ({ value: r.id, label: r.name }))}
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
                disabled={rule !== null}
                options={live(resources.accounts).map((a) => ({
                  value: a.id,
                  label: `${t(`schedule.platform.${a.platform}`)} · ${a.displayName}`,
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
            disabled={rule !== null}
            options={live(resources.anchors).map((a) => ({ value: a.id, label: a.name }))}
          />
        </Form.Item>
        <Form.Item
          name="daysOfWeek"
          label={t('schedule.recurring.days')}
          rules={[{ required: true, type: 'array', min: 1, message: t('schedule.recurring.daysRequired') }]}
        >
          <Checkbox.Group
            disabled={rule !== null}
            options={weekdays.map((d) => ({ value: d, label: t(`schedule.weekday.d${d}`) }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="startTime"
              label={t('schedule.schedule.start')}
              rules={[{ required: true, message: t('schedule.schedule.pick') }]}
            >
              <Input type="time" step={300} disabled={rule !== null} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="durationMinutes"
              label={t('schedule.recurring.duration')}
              rules={[{ required: true, message: t('schedule.schedule.pick') }]}
            >
              <InputNumber
                min={15}
                max={720}
                step={15}
                suffix={t('schedule.minutes')}
                style={{ width: '100%' }}
                disabled={rule !== null}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="from"
              label={t('schedule.recurring.from')}
              rules={[{ required: true, message: t('schedule.schedule.pick') }]}
            >
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="to"
              label={t('schedule.recurring.to')}
              rules={[{ required: true, message: t('schedule.schedule.pick') }]}
              extra={t('schedule.recurring.rangeHint')}
            >
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
        {clashes ? <ConflictAlert clashes={clashes} /> : null}
      </Form>
    </Modal>
  );
}
