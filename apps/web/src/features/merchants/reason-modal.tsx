import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ReasonModalProps {
  open: boolean;
  title: string;
  /** Whether a reason must be given (reject, suspend) or may be (a note on a step). */
  required: boolean;
  okText: string;
  danger?: boolean;
  onSubmit: (reason: string | undefined) => Promise<void>;
  onClose: () => void;
}

/** Asks why before a status change that needs a reason; the reason lands in the history and the audit log. */
export function ReasonModal({ open, title, required, okText, danger, onSubmit, onClose }: ReasonModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const [submitting, setSubmitting] = useState(false);

  const finish = async (values: { reason?: string }) => {
    setSubmitting(true);
    try {
      const reason = values.reason?.trim();
      await onSubmit(reason === '' ? undefined : reason);
      form.resetFields();
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, 'data-testid': 'reason-submit' }}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => void finish(values)} preserve={false}>
        <Form.Item
          name="reason"
          label={required ? t('commerce.field.reason') : t('commerce.submissions.reasonOptional')}
          rules={
            required ? [{ required: true, whitespace: true, message: t('commerce.common.noReason') }] : []
          }
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('commerce.common.reasonPlaceholder')}
            data-testid="reason-input"
            autoFocus
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
