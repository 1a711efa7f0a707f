import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';
import { formatFen } from '../../lib/format';
import { parseYuanInput, yuanRule } from '../../lib/money';
import { useSession } from '../auth/session-context';
import { approvalsApi } from './approvals.api';
import { approvalQueries } from './approvals.queries';

/** The organisation's threshold in words, and (for org:manage) a way to change it. */
export function ApprovalPolicyCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const policy = useQuery(approvalQueries.policy());
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ amount: string }>();
  const data = policy.data;
  if (!data) return null;

  const save = async ({ amount }: { amount: string }) => {
    const fen = parseYuanInput(amount);
    if (fen === undefined) return;
    setSaving(true);
    try {
      const next = await approvalsApi.setPolicy(fen);
      queryClient.setQueryData(approvalQueries.policy().queryKey, next);
      void message.success(t('approvals.policySaved', { amount: formatFen(next.depositThresholdFen) }));
      setEditing(false);
    } catch (cause) {
      void message.error(errorMessage(t, cause));
    } finally {
      setSaving(false);
    }
  };

  const text =
    data.depositThresholdFen === 0
      ? t('approvals.policyZero')
      : t('approvals.policyText', { amount: formatFen(data.depositThresholdFen) });
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('approvals.policyTitle')}
        description={
          <span data-testid="approval-policy">
            {text}
            {data.isDefault ? ` ${t('approvals.policyDefault')}` : ''}
          </span>
        }
        action={
          can('org:manage') ? (
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              data-testid="approval-policy-edit"
            >
              {t('approvals.policyEdit')}
            </Button>
          ) : null
        }
      />
      <Modal
        open={editing}
        title={t('approvals.policyModalTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setEditing(false)}
        confirmLoading={saving}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'approval-policy-save' }}
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ amount: (data.depositThresholdFen / 100).toFixed(2) }}
          onFinish={(values) => void save(values)}
        >
          <Form.Item
            name="amount"
            label={t('approvals.policyLabel')}
            extra={t('approvals.policyHint')}
            rules={[
              { required: true, message: t('commerce.merchants.amountRequired') },
              yuanRule(t('commerce.merchants.amountInvalid')),
            ]}
          >
            <Input
              prefix="¥"
              suffix={t('commerce.common.yuan')}
              inputMode="decimal"
              data-testid="approval-policy-amount"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
