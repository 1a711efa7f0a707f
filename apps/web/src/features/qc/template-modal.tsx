import type { CategoryDto as Category, QcTemplateDto as QcTemplate } from '@livecloud/commerce/schemas';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { qcApi } from '../merchants/commerce.api';
import { commerceErrorMessage } from '../merchants/commerce-error';

interface TemplateForm {
  categoryId: string;
  name: string;
  items: { label: string; required: boolean }[];
}

/** Creates or edits the checklist of a category. */
export function TemplateModal({
  open,
  template,
  categories,
  onClose,
  onSaved,
}: {
  open: boolean;
  template: QcTemplate | null;
  categories: Category[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TemplateForm>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      template
        ? {
            categoryId: template.categoryId,
            name: template.name,
            items: template.items.map(({ label, required }) => ({ label, required })),
          }
        : { name: '', items: [{ label: '', required: true }] },
    );
  }, [open, template, form]);

  const save = async (values: TemplateForm) => {
    setSaving(true);
    const items = values.items.map((item) => ({ label: item.label.trim(), required: item.required }));
    try {
      if (template) await qcApi.updateTemplate(template.id, { name: values.name.trim(), items });
      else await qcApi.createTemplate({ categoryId: values.categoryId, name: values.name.trim(), items });
      void message.success(t('commerce.qc.templateSaved'));
      onSaved();
    } catch (cause) {
      void message.error(commerceErrorMessage(t, cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      width={640}
      title={template ? t('commerce.qc.editTemplate') : t('commerce.qc.addTemplate')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'template-submit' }}
      forceRender
    >
      <Form<TemplateForm> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item
          name="categoryId"
          label={t('commerce.field.category')}
          rules={[{ required: true, message: t('commerce.qc.categoryRequired') }]}
        >
          <Select
            disabled={template !== null}
            showSearch
            optionFilterProp="label"
            options={categories.map((c) => ({ value: c.id, label: c.path }))}
            data-testid="template-category"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('commerce.qc.templateName')}
          rules={[{ required: true, whitespace: true, message: t('commerce.qc.templateNameRequired') }]}
        >
          <Input maxLength={100} data-testid="template-name" />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item
                    name={[field.name, 'label']}
                    label={index === 0 ? t('commerce.qc.items') : undefined}
                    rules={[
                      { required: true, whitespace: true, message: t('commerce.qc.itemLabelRequired') },
                    ]}
                    style={{ flex: 1 }}
                  >
                    <Input
                      maxLength={100}
                      placeholder={t('commerce.qc.itemLabel')}
                      data-testid={`template-item-${index}`}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'required']}
                    valuePropName="checked"
                    label={index === 0 ? ' ' : undefined}
                  >
                    <Checkbox>{t('commerce.qc.required')}</Checkbox>
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    disabled={fields.length === 1}
                    onClick={() => remove(field.name)}
                    aria-label="remove"
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ label: '', required: true })}
                data-testid="template-add-item"
              >
                {t('commerce.qc.addItem')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
