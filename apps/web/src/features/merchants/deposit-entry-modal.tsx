import type { DepositLedgerDto as DepositLedger } from '@livecloud/commerce/schemas';
import { depositKinds, type DepositKind } from '@livecloud/contracts/vocabulary';
import { App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../lib/format';
import { isApproval } from '../approvals/approvals.api';
import { merchantsApi } from './commerce.api';
import { commerceErrorMessage } from './commerce-error';
import { parseYuanInput, yuanRule } from '../../lib/money';

interface EntryForm {
  kind: DepositKind;
  amount: string;
  reason: string;
  reference?: string;
}

/** Appends one entry to a merchant's deposit ledger: who and when are recorded by the server, why is asked here. */
export function DepositEntryModal({
  merchantId,
  open,
  onClose,
  onRecorded,
  onSubmitted,
}: {
  merchantId: string;
  open: boolean;
  onClose: () => void;
  onRecorded: (ledger: DepositLedger) => void;
  /** A large refund or deduction went to the approval queue instead of the ledger. */
  onSubmitted: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryForm>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: EntryForm) => {
    const amountFen = parseYuanInput(values.amount);
    if (amountFen === undefined || amountFen <= 0) return;
    setSubmitting(true);
    try {
      const answer = await merchantsApi.recordDeposit(merchantId, {
        kind: values.kind,
        amountFen,
        reason: values.reason.trim(),
        reference: values.reference?.trim() || null,
      });
      if (isApproval(answer)) {
        void message.info(t('approvals.submitted', { kind: t(`approvals.kind.${answer.kind}`) }));
        onSubmitted();
        form.resetFields();
        return;
      }
      void message.success(
        t('commerce.merchants.entryDone', {
          kind: t(`commerce.depositKind.${values.kind}`),
          amount: formatFen(amountFen),
        }),
      );
      onRecorded(answer);
      form.resetFields();
    } catch (cause) {
      void message.error(commerceErrorMessage(t, cause));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('commerce.merchants.entryTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'deposit-submit' }}
    >
      <Form<EntryForm>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'paid' }}
        onFinish={(values) => void submit(values)}
        preserve={false}
      >
        <Form.Item name="kind" label={t('commerce.field.kind')}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="deposit-kind">
            {depositKinds.map((kind) => (
              <Radio.Button key={kind} value={kind}>
                {t(`commerce.depositKind.${kind}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('commerce.field.amount')}
          rules={[
            { required: true, message: t('commerce.merchants.amountRequired') },
            yuanRule(t('commerce.merchants.amountInvalid')),
          ]}
        >
          <Input
            prefix="¥"
            suffix={t('commerce.common.yuan')}
            inputMode="decimal"
            placeholder="10000.00"
            data-testid="deposit-amount"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('commerce.field.reason')}
          rules={[{ required: true, whitespace: true, message: t('commerce.merchants.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="deposit-reason" />
        </Form.Item>
        <Form.Item name="reference" label={t('commerce.field.reference')}>
          <Input maxLength={100} placeholder={t('commerce.merchants.referencePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
