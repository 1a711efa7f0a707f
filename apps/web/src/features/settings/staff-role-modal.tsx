import type { StaffDto as Staff } from '@livecloud/access/schemas';
import type { Role } from '@livecloud/contracts/vocabulary';
import { App, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';
import { roleLabel } from '../../i18n/labels';
import { roleOptions } from './role-options';
import { staffApi } from './settings.api';

export interface StaffRoleModalProps {
  staff: Staff | null;
  onClose: () => void;
  onChanged: (staff: Staff) => void;
}

/** Changes one staff member's role. */
export function StaffRoleModal({ staff, onClose, onChanged }: StaffRoleModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ role: Role }>();
  const [submitting, setSubmitting] = useState(false);

  const onSubmit = async ({ role }: { role: Role }) => {
    if (staff === null) return;
    if (role === staff.role) {
      onClose();
      return;
    }
    setSubmitting(true);
    try {
      const updated = await staffApi.update(staff.id, { role });
      void message.success(
        t('settings.staff.roleChanged', { name: updated.name, role: roleLabel(t, updated.role) }),
      );
      onChanged(updated);
    } catch (cause) {
      void message.error(errorMessage(t, cause));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={staff !== null}
      title={staff ? t('settings.staff.changeRoleTitle', { name: staff.name }) : null}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={submitting}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'staff-role-submit' }}
    >
      {staff ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ role: staff.role }}
          onFinish={(values) => void onSubmit(values)}
          style={{ marginTop: 16 }}
          data-testid="staff-role-form"
        >
          <Form.Item
            name="role"
            label={t('settings.staff.role')}
            rules={[{ required: true, message: t('settings.staff.roleRequired') }]}
          >
            <Select options={roleOptions(t)} data-testid="staff-role-select" />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
