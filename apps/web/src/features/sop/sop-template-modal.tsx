import { roles as roleCodes } from '@livecloud/contracts/vocabulary';
import type {
  SopTemplateBody as SopTemplateInput,
  SopTemplateDto as SopTemplate,
} from '@livecloud/schedule/schemas';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../../i18n/labels';
import { schedulingErrorMessage } from '../../lib/scheduling-error';
import { sopApi } from './sop.api';

type FormValues = SopTemplateInput;

export interface SopTemplateModalProps {
  /** `null` closed; `'new'` a new template; a template to edit it (a new version). */
  target: SopTemplate | 'new' | null;
  onClose: () => void;
  onSaved: (template: SopTemplate) => void;
}

/** Edits a checklist template: tasks with an owner role, a due day and the tasks they wait for. */
export function SopTemplateModal({ target, onClose, onSaved }: SopTemplateModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const editing = target !== null && target !== 'new' ? target : null;
  const tasks = Form.useWatch('tasks', form);
  const keys = (tasks ?? [])
    .map((task) => task?.key)
    .filter((key): key is string => typeof key === 'string' && key !== '');

  const initialValues = useMemo(
    (): Partial<FormValues> =>
      editing
        ? { name: editing.name, description: editing.description, tasks: editing.tasks }
        : {
            name: '',
            tasks: [{ key: 'task_1', title: '', ownerRole: 'operator', dueDay: 0, dependsOn: [] }],
          },
    [editing],
  );

  const onSubmit = async (values: FormValues) => {
    const input: SopTemplateInput = {
      name: values.name.trim(),
      description: values.description?.trim() || null,
      tasks: values.tasks.map((task) => ({
        ...task,
        title: task.title.trim(),
        description: task.description?.trim() || null,
        dependsOn: task.dependsOn ?? [],
      })),
    };
    setSaving(true);
    try {
      const saved = editing
        ? await sopApi.updateTemplate(editing.id, input)
        : await sopApi.createTemplate(input);
      void message.success(
        editing ? t('schedule.sop.templateSaved', { version: saved.version }) : t('common.saved'),
      );
      onSaved(saved);
    } catch (cause) {
      void message.error(schedulingErrorMessage(t, cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={editing ? t('schedule.sop.editTemplate') : t('schedule.sop.newTemplate')}
      width={960}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
    >
      {editing ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('schedule.sop.versionNote', { version: editing.version, next: editing.version + 1 })}
        </Typography.Paragraph>
      ) : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={initialValues}
        onFinish={(values) => void onSubmit(values)}
      >
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item
              name="name"
              label={t('schedule.sop.templateName')}
              rules={[{ required: true, whitespace: true, message: t('schedule.sop.templateName') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="description" label={t('schedule.sop.description')}>
              <Input maxLength={1000} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="tasks">
          {(fields, { add, remove }) => (
            <>
              <Row gutter={8} className="lc-sop-editor-head">
                <Col span={3}>{t('schedule.sop.key')}</Col>
                <Col span={6}>{t('schedule.sop.taskTitle')}</Col>
                <Col span={4}>{t('schedule.sop.owner')}</Col>
                <Col span={3}>{t('schedule.sop.dueDay')}</Col>
                <Col span={7}>{t('schedule.sop.dependsOn')}</Col>
              </Row>
              {fields.map((field) => {
                const own = tasks?.[field.name]?.key;
                return (
                  <Row key={field.key} gutter={8}>
                    <Col span={3}>
                      <Form.Item
                        name={[field.name, 'key']}
                        rules={[
                          {
                            required: true,
                            pattern: /^[a-z0-9_-]{1,40}$/,
                            message: t('schedule.sop.keyRule'),
                          },
                        ]}
                      >
                        <Input className="lc-mono" />
                      </Form.Item>
                    </Col>
                    <Col span={6}>
                      <Form.Item
                        name={[field.name, 'title']}
                        rules={[{ required: true, whitespace: true, message: t('schedule.sop.taskTitle') }]}
                      >
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[field.name, 'ownerRole']} rules={[{ required: true }]}>
                        <Select
                          options={roleCodes
                            .filter((r) => r !== 'merchant' && r !== 'partner')
                            .map((r) => ({ value: r, label: roleLabel(t, r) }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[field.name, 'dueDay']} rules={[{ required: true }]}>
                        <InputNumber min={0} max={365} precision={0} prefix="D" style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={7}>
                      <Form.Item name={[field.name, 'dependsOn']}>
                        <Select
                          mode="multiple"
                          maxTagCount="responsive"
                          options={keys.filter((k) => k !== own).map((k) => ({ value: k, label: k }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={1}>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        disabled={fields.length === 1}
                        aria-label={t('schedule.lineups.remove')}
                      />
                    </Col>
                  </Row>
                );
              })}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() =>
                  add({
                    key: `task_${fields.length + 1}`,
                    title: '',
                    ownerRole: 'operator',
                    dueDay: 0,
                    dependsOn: [],
                  })
                }
              >
                {t('schedule.sop.addTask')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
