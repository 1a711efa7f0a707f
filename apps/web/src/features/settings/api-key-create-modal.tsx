import type {
  ApiKeyDto as ApiKey,
  CreateApiKeyBody as ApiKeyCreateInput,
  CreatedApiKeyDto as CreatedApiKey,
} from '@livecloud/access/schemas';
import { eventSources as apiKeySources } from '@livecloud/contracts/vocabulary';
import { Alert, App, Button, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';
import { sourceLabel } from '../../i18n/labels';
import { AllowedOriginsField } from './api-key-origins-field';
import { apiKeysApi } from './settings.api';

export interface ApiKeyCreateModalProps {
  open: boolean;
  onClose: () => void;
  onCreated: (key: ApiKey) => void;
}

/** Creates a key, then shows its secret exactly once. */
export function ApiKeyCreateModal({ open, onClose, onCreated }: ApiKeyCreateModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ApiKeyCreateInput>();
  const purpose = Form.useWatch('purpose', form);
  const kind = Form.useWatch('kind', form);
  const [submitting, setSubmitting] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  const close = () => {
    // Forget the secret as soon as the dialog goes away.
    setCreated(null);
    onClose();
  };

  const onSubmit = async (values: ApiKeyCreateInput) => {
    setSubmitting(true);
    try {
      const input: ApiKeyCreateInput =
        values.purpose === 'collector'
          ? {
              name: values.name.trim(),
              purpose: 'collector',
              source: values.source,
              allowedOrigins: values.allowedOrigins ?? [],
              kind: values.kind ?? 'personal',
            }
          : { name: values.name.trim(), purpose: 'admin', kind: values.kind ?? 'personal' };
      const key = await apiKeysApi.create(input);
      setCreated(key);
      const { secret: _secret, ...listed } = key;
      onCreated(listed);
    } catch (cause) {
      void message.error(errorMessage(t, cause));
    } finally {
      setSubmitting(false);
    }
  };

  if (created) {
    return (
      <Modal
        open={open}
        title={t('settings.apiKeys.createdTitle')}
        onCancel={close}
        mask={{ closable: false }}
        keyboard={false}
        destroyOnHidden
        footer={
          <Button type="primary" onClick={close} data-testid="api-key-secret-done">
            {t('settings.apiKeys.secretSaved')}
          </Button>
        }
      >
        <div data-testid="api-key-created">
          <Alert
            type="warning"
            showIcon
            title={t('settings.apiKeys.secretWarning')}
            style={{ margin: '16px 0' }}
          />
          <Typography.Text type="secondary">
            {created.name} · {t('settings.apiKeys.secretLabel')}
          </Typography.Text>
          <div className="lc-secret-box">
            <Typography.Text
              className="lc-mono"
              copyable={{ text: created.secret, tooltips: [t('common.copy'), t('common.copied')] }}
              data-testid="api-key-secret"
            >
              {created.secret}
            </Typography.Text>
          </div>
        </div>
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title={t('settings.apiKeys.createTitle')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onCancel={close}
      onOk={() => form.submit()}
      confirmLoading={submitting}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'api-key-create-submit' }}
    >
      <Form<ApiKeyCreateInput>
        form={form}
        layout="vertical"
        initialValues={{ purpose: 'collector', kind: 'personal' }}
        onFinish={(values) => void onSubmit(values)}
        style={{ marginTop: 16 }}
        data-testid="api-key-create-form"
      >
        <Form.Item
          name="name"
          label={t('settings.apiKeys.name')}
          rules={[{ required: true, whitespace: true, message: t('settings.apiKeys.nameRequired') }]}
        >
          <Input
            maxLength={80}
            placeholder={t('settings.apiKeys.namePlaceholder')}
            autoComplete="off"
            data-testid="api-key-name"
          />
        </Form.Item>
        <Form.Item
          name="purpose"
          label={t('settings.apiKeys.purpose')}
          extra={
            purpose === 'admin'
              ? t('settings.apiKeys.purposeAdminHint')
              : t('settings.apiKeys.purposeCollectorHint')
          }
        >
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="api-key-purpose">
            <Radio.Button value="collector">{t('settings.apiKeys.purposeCollector')}</Radio.Button>
            <Radio.Button value="admin">{t('settings.apiKeys.purposeAdmin')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('settings.apiKeys.kind')}
          extra={
            kind === 'service'
              ? t('settings.apiKeys.kindServiceHint')
              : t('settings.apiKeys.kindPersonalHint')
          }
        >
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="api-key-kind">
            <Radio.Button value="personal">{t('settings.apiKeys.kindPersonal')}</Radio.Button>
            <Radio.Button value="service">{t('settings.apiKeys.kindService')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        {purpose === 'admin' ? null : (
          <>
            <Form.Item
              name="source"
              label={t('settings.apiKeys.source')}
              rules={[{ required: true, message: t('settings.apiKeys.sourceRequired') }]}
            >
              <Select
                placeholder={t('settings.apiKeys.sourceRequired')}
                options={apiKeySources.map((source) => ({
                  value: source,
                  label: (
                    <Space size={8}>
                      <span>{sourceLabel(t, source)}</span>
                      <Typography.Text type="secondary" className="lc-mono" style={{ fontSize: 12 }}>
                        {source}
                      </Typography.Text>
                    </Space>
                  ),
                }))}
                data-testid="api-key-source"
              />
            </Form.Item>
            <AllowedOriginsField />
          </>
        )}
      </Form>
    </Modal>
  );
}
