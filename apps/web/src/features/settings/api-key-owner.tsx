import type { ApiKeyDto as ApiKey } from '@livecloud/access/schemas';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Form, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';
import { apiKeysApi } from './settings.api';
import { settingsQueries } from './settings.queries';

/** Whose a key is: personal or service, its owner, and for a working service key a hand-over link. */
export function ApiKeyOwnerCell({
  apiKey,
  onHandOver,
}: {
  apiKey: ApiKey;
  onHandOver: (key: ApiKey) => void;
}) {
  const { t } = useTranslation();
  const owner = apiKey.owner;
  return (
    <Space size={4} className="lc-nowrap" data-testid={`api-key-owner-${apiKey.id}`}>
      <Tag color={apiKey.kind === 'service' ? 'geekblue' : 'default'}>
        {apiKey.kind === 'service' ? t('settings.apiKeys.kindService') : t('settings.apiKeys.kindPersonal')}
      </Tag>
      <Typography.Text type={owner && owner.active ? undefined : 'secondary'}>
        {owner ? owner.name : t('settings.apiKeys.ownerSystem')}
      </Typography.Text>
      {owner && !owner.active ? <Tag color="red">{t('settings.apiKeys.ownerLeft')}</Tag> : null}
      {apiKey.kind === 'service' && apiKey.revokedAt === null ? (
        <Button
          type="link"
          size="small"
          onClick={() => onHandOver(apiKey)}
          data-testid={`api-key-hand-over-${apiKey.id}`}
        >
          {t('settings.apiKeys.changeOwner')}
        </Button>
      ) : null}
    </Space>
  );
}

/** Gives a service key another owner among the active members. */
export function ApiKeyOwnerModal({
  apiKey,
  onClose,
  onSaved,
}: {
  apiKey: ApiKey | null;
  onClose: () => void;
  onSaved: (key: ApiKey) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ ownerId: string }>();
  const [saving, setSaving] = useState(false);
  const staff = useQuery({ ...settingsQueries.staff(), enabled: apiKey !== null });
  const options = (staff.data?.items ?? [])
    .filter((s) => s.status === 'active')
    .map((s) => ({ value: s.userId, label: `${s.name}（${s.email}）` }));

  const onSubmit = async ({ ownerId }: { ownerId: string }) => {
    if (apiKey === null) return;
    setSaving(true);
    try {
      const saved = await apiKeysApi.update(apiKey.id, { ownerId });
      void message.success(
        t('settings.apiKeys.ownerChanged', { name: saved.name, owner: saved.owner?.name ?? '' }),
      );
      onSaved(saved);
    } catch (cause) {
      void message.error(errorMessage(t, cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={apiKey !== null}
      title={apiKey ? t('settings.apiKeys.changeOwnerTitle', { name: apiKey.name }) : null}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'api-key-owner-submit' }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ ownerId: apiKey?.owner?.userId }}
        onFinish={(values) => void onSubmit(values)}
        style={{ marginTop: 16 }}
      >
        <Form.Item
          name="ownerId"
          label={t('settings.apiKeys.owner')}
          rules={[{ required: true, message: t('settings.staff.newKeyOwnerRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={staff.isPending}
            options={options}
            data-testid="api-key-owner-select"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
