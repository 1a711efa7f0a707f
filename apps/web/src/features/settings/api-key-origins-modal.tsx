import type { ApiKeyDto as ApiKey } from '@livecloud/access/schemas';
import { App, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';
import { AllowedOriginsField } from './api-key-origins-field';
import { apiKeysApi } from './settings.api';

export interface ApiKeyOriginsModalProps {
  /** The collector key whose origins are edited; null when closed. */
  apiKey: ApiKey | null;
  onClose: () => void;
  onSaved: (key: ApiKey) => void;
}

/** Replaces the web origins whose pages may use a collector key. */
export function ApiKeyOriginsModal({ apiKey, onClose, onSaved }: ApiKeyOriginsModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ allowedOrigins: string[] }>();
  const [saving, setSaving] = useState(false);

  const onSubmit = async (values: { allowedOrigins?: string[] }) => {
    if (!apiKey) return;
    setSaving(true);
    try {
      const saved = await apiKeysApi.update(apiKey.id, { allowedOrigins: values.allowedOrigins ?? [] });
      onSaved(saved);
      void message.success(t('settings.apiKeys.originsSaved', { name: apiKey.name }));
      onClose();
    } catch (cause) {
      void message.error(errorMessage(t, cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={apiKey !== null}
      title={apiKey ? t('settings.apiKeys.editOriginsTitle', { name: apiKey.name }) : null}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'api-key-origins-submit' }}
    >
      <Form<{ allowedOrigins: string[] }>
        form={form}
        layout="vertical"
        initialValues={{ allowedOrigins: apiKey?.allowedOrigins ?? [] }}
        onFinish={(values) => void onSubmit(values)}
        style={{ marginTop: 16 }}
        data-testid="api-key-origins-form"
      >
        <AllowedOriginsField />
      </Form>
    </Modal>
  );
}
