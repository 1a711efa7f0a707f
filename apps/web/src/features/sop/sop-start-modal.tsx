import type {
  RoomDto as Room,
  SopRunDto as SopRun,
  SopTemplateDto as SopTemplate,
} from '@livecloud/schedule/schemas';
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schedulingErrorMessage } from '../../lib/scheduling-error';
import { sopApi } from './sop.api';

interface FormValues {
  templateId: string;
  roomId: string;
  startDate: string;
  name?: string;
}

export interface SopStartModalProps {
  open: boolean;
  today: string;
  templates: SopTemplate[];
  rooms: Room[];
  onClose: () => void;
  onStarted: (run: SopRun) => void;
}

/** Starts a checklist for a room: the template's tasks are copied with due dates from day 0. */
export function SopStartModal({ open, today, templates, rooms, onClose, onStarted }: SopStartModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);

  const onSubmit = async (values: FormValues) => {
    setSaving(true);
    try {
      const run = await sopApi.start({
        templateId: values.templateId,
        roomId: values.roomId,
        startDate: values.startDate,
        ...(values.name?.trim() ? { name: values.name.trim() } : {}),
      });
      void message.success(t('schedule.sop.started'));
      onStarted(run);
    } catch (cause) {
      void message.error(schedulingErrorMessage(t, cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('schedule.sop.startTitle')}
      okText={t('schedule.sop.start')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'sop-start-submit' }}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark
        style={{ marginTop: 16 }}
        initialValues={{ templateId: templates[0]?.id, startDate: today }}
        onFinish={(values) => void onSubmit(values)}
      >
        <Form.Item name="templateId" label={t('schedule.sop.template')} rules={[{ required: true }]}>
          <Select
            options={templates.map((tpl) => ({ value: tpl.id, label: `${tpl.name} · v${tpl.version}` }))}
          />
        </Form.Item>
        <Form.Item
          name="roomId"
          label={t('schedule.resource.room')}
          rules={[{ required: true, message: t('schedule.schedule.pick') }]}
        >
          <Select
            options={rooms.filter((r) => !r.archived).map((r) => ({ value: r.id, label: r.name }))}
            data-testid="sop-start-room"
          />
        </Form.Item>
        <Form.Item
          name="startDate"
          label={t('schedule.sop.startDate')}
          rules={[{ required: true }]}
          extra={t('schedule.sop.startDateHint')}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item name="name" label={t('schedule.sop.runName')}>
          <Input maxLength={100} placeholder={t('schedule.sop.runNamePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
