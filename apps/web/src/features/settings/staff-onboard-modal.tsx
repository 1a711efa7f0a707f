import type { OnboardStaffBody as StaffOnboardInput, StaffDto as Staff } from '@livecloud/access/schemas';
import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';
import { staffApi } from './settings.api';
import { roleOptions } from './role-options';

const minPasswordLength = 10;
// No look-alikes (0/O, 1/l/I) so the password survives being read out or retyped.
const passwordAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

function generatePassword(length = 16): string {
  const bytes = crypto.getRandomValues(new Uint32Array(length));
  return Array.from(bytes, (value) => passwordAlphabet[value % passwordAlphabet.length]).join('');
}

export interface StaffOnboardModalProps {
  open: boolean;
  onClose: () => void;
  onOnboarded: (staff: Staff) => void;
}

/** The on-boarding form: email, name, role and an initial password. */
export function StaffOnboardModal({ open, onClose, onOnboarded }: StaffOnboardModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<StaffOnboardInput>();
  const [submitting, setSubmitting] = useState(false);

  const onSubmit = async (values: StaffOnboardInput) => {
    setSubmitting(true);
    try {
      const staff = await staffApi.onboard({
        ...values,
        email: values.email.trim(),
        name: values.name.trim(),
      });
      void message.success(t('settings.staff.onboarded', { name: staff.name }));
      onOnboarded(staff);
    } catch (cause) {
      void message.error(errorMessage(t, cause));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('settings.staff.onboardTitle')}
      okText={t('settings.staff.onboard')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={submitting}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'staff-onboard-submit' }}
    >
      <Form<StaffOnboardInput>
        form={form}
        layout="vertical"
        requiredMark
        onFinish={(values) => void onSubmit(values)}
        initialValues={{ role: 'operator' }}
        style={{ marginTop: 16 }}
        data-testid="staff-onboard-form"
      >
        <Form.Item
          name="email"
          label={t('settings.staff.email')}
          rules={[
            { required: true, whitespace: true, message: t('settings.staff.emailRequired') },
            { type: 'email', message: t('settings.staff.emailInvalid') },
          ]}
        >
          <Input autoComplete="off" placeholder="name@company.com" data-testid="staff-email" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('settings.staff.name')}
          rules={[{ required: true, whitespace: true, message: t('settings.staff.nameRequired') }]}
        >
          <Input autoComplete="off" maxLength={80} data-testid="staff-name" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('settings.staff.role')}
          rules={[{ required: true, message: t('settings.staff.roleRequired') }]}
        >
          <Select options={roleOptions(t)} data-testid="staff-role" />
        </Form.Item>
        <Form.Item label={t('settings.staff.password')} required extra={t('settings.staff.passwordHint')}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="password"
              noStyle
              rules={[
                { required: true, message: t('settings.staff.passwordRequired') },
                { min: minPasswordLength, message: t('settings.staff.passwordTooShort') },
              ]}
            >
              <Input.Password autoComplete="new-password" data-testid="staff-password" />
            </Form.Item>
            <Button
              onClick={() => form.setFieldsValue({ password: generatePassword() })}
              data-testid="staff-generate-password"
            >
              {t('settings.staff.generatePassword')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}
