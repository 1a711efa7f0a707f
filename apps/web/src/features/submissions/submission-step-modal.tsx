import type { SubmissionDto as Submission } from '@livecloud/commerce/schemas';
import { App, Modal, Spin, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { commerceErrorMessage } from '../merchants/commerce-error';

/**
 * The modal of one step a submission takes at a staff desk (a QC inspection, a warehouse
 * receipt): it sends the form, says so, and reports a refusal in words. `send` answers false
 * when it sent nothing (it has told the user why).
 */
export function SubmissionStepModal<V>({
  submission,
  form,
  width,
  title,
  okText,
  okTestId,
  ready,
  loading,
  doneText,
  send,
  onClose,
  onDone,
  children,
}: {
  submission: Submission | null;
  form: FormInstance<V>;
  width: number;
  title: (submission: Submission) => string;
  okText: string;
  okTestId: string;
  /** Whether there is something to send (the checklist or the SKUs arrived). */
  ready: boolean;
  loading: boolean;
  doneText: string;
  send: (submission: Submission, values: V) => Promise<boolean>;
  onClose: () => void;
  onDone: () => void;
  /** The form, given the handler for its `onFinish`. */
  children: (submit: (values: V) => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: V) => {
    if (!submission) return;
    setSubmitting(true);
    try {
      if (!(await send(submission, values))) return;
      void message.success(doneText);
      form.resetFields();
      onDone();
    } catch (cause) {
      void message.error(commerceErrorMessage(t, cause));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={submission !== null}
      width={width}
      title={submission ? title(submission) : ''}
      okText={okText}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      okButtonProps={{ disabled: !ready, 'data-testid': okTestId }}
      destroyOnHidden
    >
      {loading ? <Spin /> : null}
      {children((values) => void submit(values))}
    </Modal>
  );
}
