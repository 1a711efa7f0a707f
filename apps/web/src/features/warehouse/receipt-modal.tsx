import type { SkuDto as Sku, SubmissionDto as Submission } from '@livecloud/commerce/schemas';
import { useQuery } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Spin, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { warehouseApi } from '../merchants/commerce.api';
import { commerceQueries } from '../merchants/commerce.queries';
import { commerceErrorMessage } from '../merchants/commerce-error';

interface ReceiptForm {
  lines: Record<string, { quantity?: number | null; location?: string }>;
  note?: string;
}

/** Books goods into the warehouse: a quantity and a location (库位) per SKU. */
export function ReceiptModal({
  submission,
  onClose,
  onDone,
}: {
  submission: Submission | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReceiptForm>();
  const [submitting, setSubmitting] = useState(false);
  const id = submission?.id ?? null;
  const detail = useQuery(commerceQueries.submission(id));
  const skus = detail.data?.product.skus ?? [];

  const submit = async (values: ReceiptForm) => {
    if (!submission) return;
    const lines = skus
      .map((sku) => ({
        skuId: sku.id,
        quantity: values.lines[sku.id]?.quantity ?? 0,
        location: values.lines[sku.id]?.location?.trim() ?? '',
      }))
      .filter((line) => line.quantity > 0);
    if (lines.length === 0) {
      void message.warning(t('commerce.warehouse.atLeastOne'));
      return;
    }
    setSubmitting(true);
    try {
      await warehouseApi.receive(submission.id, { lines, note: values.note?.trim() || null });
      void message.success(t('commerce.warehouse.done'));
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
      width={680}
      title={submission ? t('commerce.warehouse.receiveTitle', { title: submission.productTitle }) : ''}
      okText={t('commerce.warehouse.receive')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      okButtonProps={{ disabled: skus.length === 0, 'data-testid': 'receipt-submit' }}
      destroyOnHidden
    >
      {detail.isFetching ? <Spin /> : null}
      <Form<ReceiptForm>
        form={form}
        preserve={false}
        onFinish={(values) => void submit(values)}
        data-testid="receipt-form"
      >
        <Table<Sku>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={skus}
          columns={[
            { key: 'spec', title: t('commerce.field.spec'), dataIndex: 'spec' },
            { key: 'stock', title: t('commerce.field.stock'), dataIndex: 'stock', align: 'right', width: 90 },
            {
              key: 'qty',
              title: t('commerce.field.quantity'),
              width: 140,
              render: (_, sku) => (
                <Form.Item name={['lines', sku.id, 'quantity']} noStyle>
                  <InputNumber
                    min={0}
                    max={10_000_000}
                    precision={0}
                    style={{ width: '100%' }}
                    data-testid={`receipt-qty-${sku.spec}`}
                  />
                </Form.Item>
              ),
            },
            {
              key: 'loc',
              title: t('commerce.field.location'),
              width: 180,
              render: (_, sku) => (
                <Form.Item
                  name={['lines', sku.id, 'location']}
                  dependencies={[['lines', sku.id, 'quantity']]}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: async (_rule, value: unknown) => {
                        const qty: unknown = getFieldValue(['lines', sku.id, 'quantity']);
                        if (
                          typeof qty === 'number' &&
                          qty > 0 &&
                          (typeof value !== 'string' || value.trim() === '')
                        )
                          throw new Error(t('commerce.warehouse.locationRequired'));
                      },
                    }),
                  ]}
                  style={{ marginBottom: 0 }}
                >
                  <Input maxLength={50} placeholder="A-03-2" data-testid={`receipt-loc-${sku.spec}`} />
                </Form.Item>
              ),
            },
          ]}
        />
        <Form.Item name="note" label={t('commerce.field.note')} style={{ marginTop: 16 }}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
