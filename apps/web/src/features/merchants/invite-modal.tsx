import type { CreatedMerchantInviteDto as CreatedMerchantInvite } from '@livecloud/commerce/schemas';
import { App, Alert, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { merchantsApi } from './commerce.api';
import { commerceErrorMessage } from './commerce-error';

interface InviteForm {
  email: string;
  companyName?: string;
  validDays: number;
}

/** Creates a single-use apply link for a merchant contact and shows it once. */
export function InviteModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<InviteForm>();
  const [submitting, setSubmitting] = useState(false);
  const [created, setCreated] = useState<CreatedMerchantInvite | null>(null);

  const close = () => {
    setCreated(null);
    onClose();
  };

  const submit = async (values: InviteForm) => {
    setSubmitting(true);
    try {
      const invite = await merchantsApi.invite({
        email: values.email.trim(),
        companyName: values.companyName?.trim() || null,
        validDays: values.validDays,
      });
      setCreated(invite);
      onCreated();
    } catch (cause) {
      void message.error(commerceErrorMessage(t, cause));
    } finally {
      setSubmitting(false);
    }
  };

  const link = created ? `${window.location.origin}${created.applyPath}` : '';
  return (
    <Modal
      open={open}
      title={created ? t('commerce.invites.createdTitle') : t('commerce.invites.title')}
      okText={created ? t('common.close') : t('commerce.invites.create')}
      cancelText={t('common.cancel')}
      cancelButtonProps={created ? { style: { display: 'none' } } : {}}
      onOk={() => (created ? close() : form.submit())}
      onCancel={close}
      confirmLoading={submitting}
      destroyOnHidden
      okButtonProps={{ 'data-testid': created ? 'invite-close' : 'invite-submit' }}
    >
      {created ? (
        <>
          <Alert
            type="success"
            showIcon
            title={t('commerce.invites.createdLead', { email: created.email })}
            style={{ marginBottom: 16 }}
          />
          <Typography.Text type="secondary">{t('commerce.invites.link')}</Typography.Text>
          <Typography.Paragraph
            copyable={{ text: link }}
            className="lc-mono"
            style={{ wordBreak: 'break-all', marginTop: 4 }}
            data-testid="invite-link"
          >
            {link}
          </Typography.Paragraph>
        </>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('commerce.invites.lead')}</Typography.Paragraph>
          <Form<InviteForm>
            form={form}
            layout="vertical"
            initialValues={{ validDays: 7 }}
            onFinish={(values) => void submit(values)}
            preserve={false}
          >
            <Form.Item
              name="email"
              label={t('commerce.invites.email')}
              rules={[
                { required: true, message: t('commerce.invites.emailRequired') },
                { type: 'email', message: t('auth.emailInvalid') },
              ]}
            >
              <Input placeholder="contact@supplier.com" data-testid="invite-email" />
            </Form.Item>
            <Form.Item name="companyName" label={t('commerce.invites.company')}>
              <Input maxLength={100} data-testid="invite-company" />
            </Form.Item>
            <Form.Item name="validDays" label={t('commerce.invites.validDays')}>
              <InputNumber min={1} max={30} precision={0} style={{ width: 120 }} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
