import type { ApiKeyDto, StaffDto as Staff } from '@livecloud/access/schemas';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Form, List, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';
import { LoadError } from '../../components/load-error';
import { staffApi } from './settings.api';
import { settingsQueries } from './settings.queries';

export interface StaffOffboardModalProps {
  staff: Staff | null;
  /** Everyone in the organisation: the new owner of the service keys is picked among them. */
  everyone: readonly Staff[];
  onClose: () => void;
  onOffboarded: (staff: Staff) => void;
}

/**
 * Off-boards one person after showing what ends with them: their personal API keys are
 * revoked, and their service keys pass to another active member, picked here.
 */
export function StaffOffboardModal({ staff, everyone, onClose, onOffboarded }: StaffOffboardModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ serviceKeysTo?: string }>();
  const [submitting, setSubmitting] = useState(false);
  const keys = useQuery({ ...settingsQueries.staffKeys(staff?.id ?? ''), enabled: staff !== null });
  const owned = keys.data?.items ?? [];
  const personal = owned.filter((key) => key.kind === 'personal');
  const service = owned.filter((key) => key.kind === 'service');
  const heirs = everyone.filter((s) => s.status === 'active' && s.id !== staff?.id);

  const onSubmit = async ({ serviceKeysTo }: { serviceKeysTo?: string }) => {
    if (staff === null) return;
    setSubmitting(true);
    try {
      const done = await staffApi.offboard(staff.id, service.length > 0 ? { serviceKeysTo } : {});
      void message.success(
        t('settings.staff.offboardDoneKeys', {
          name: staff.name,
          revoked: done.keys.revoked.length,
          reassigned: done.keys.reassigned.length,
        }),
      );
      onOffboarded(done);
    } catch (cause) {
      void message.error(errorMessage(t, cause));
    } finally {
      setSubmitting(false);
    }
  };

  const keyList = (items: ApiKeyDto[], testId: string) => (
    <List
      size="small"
      dataSource={items}
      data-testid={testId}
      renderItem={(key) => (
        <List.Item>
          <Typography.Text>{key.name}</Typography.Text>
          <Tag>
            {key.purpose === 'admin'
              ? t('settings.apiKeys.purposeAdmin')
              : t('settings.apiKeys.purposeCollector')}
          </Tag>
        </List.Item>
      )}
    />
  );

  return (
    <Modal
      open={staff !== null}
      title={staff ? t('settings.staff.offboardConfirm', { name: staff.name }) : null}
      okText={t('settings.staff.offboard')}
      okButtonProps={{ danger: true, disabled: keys.isPending, 'data-testid': 'staff-offboard-confirm' }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={submitting}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('settings.staff.offboardConfirmDetail')}</Typography.Paragraph>
      {keys.error ? <LoadError error={keys.error} onRetry={() => void keys.refetch()} /> : null}
      {personal.length > 0 ? (
        <>
          <Typography.Text strong>
            {t('settings.staff.keysRevoked', { count: personal.length })}
          </Typography.Text>
          {keyList(personal, 'offboard-personal-keys')}
        </>
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void onSubmit(values)}
        data-testid="staff-offboard-form"
      >
        {service.length > 0 ? (
          <>
            <Typography.Text strong>
              {t('settings.staff.keysReassigned', { count: service.length })}
            </Typography.Text>
            {keyList(service, 'offboard-service-keys')}
            {heirs.length === 0 ? <Alert type="warning" showIcon title={t('settings.staff.noHeir')} /> : null}
            <Form.Item
              name="serviceKeysTo"
              label={t('settings.staff.newKeyOwner')}
              rules={[{ required: true, message: t('settings.staff.newKeyOwnerRequired') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={heirs.map((s) => ({ value: s.id, label: `${s.name}（${s.email}）` }))}
                data-testid="staff-offboard-heir"
              />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
