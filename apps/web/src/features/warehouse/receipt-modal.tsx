import type { SkuDto as Sku, SubmissionDto as Submission } from '@livecloud/commerce/schemas';
import { useQuery } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { warehouseApi } from '../merchants/commerce.api';
import { commerceQueries } from '../merchants/commerce.queries';
import { SubmissionStepModal } from '../submissions/submission-step-modal';

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
  const id = submission?.id ?? null;
  const detail = useQuery(commerceQueries.submission(id));
  const skus = detail.data?.product.skus ?? [];

  const send = async (target: Submission, values: ReceiptForm) => {
    const lines = skus
      .map((sku) => ({
        skuId: sku.id,
        quantity: values.lines[sku.id]?.quantity ?? 0,
        location: values.lines[sku.id]?.location?.trim() ?? '',
      }))
      .filter((line) => line.quantity > 0);
    if (lines.length === 0) {
      void message.warning(t('commerce.warehouse.atLeastOne'));
      return false;
    }
    await warehouseApi.receive(target.id, { lines, note: values.note?.trim() || null });
    return true;
  };

  return (
    <SubmissionStepModal<ReceiptForm>
      submission={submission}
      form={form}
      width={680}
      title={(s) => t('commerce.warehouse.receiveTitle', { title: s.productTitle })}
      okText={t('commerce.warehouse.receive')}
      okTestId="receipt-submit"
      ready={skus.length > 0}
      loading={detail.isFetching}
      doneText={t('commerce.warehouse.done')}
      send={send}
      onClose={onClose}
      onDone={onDone}
    >
      {(submit) => (
        <Form<ReceiptForm> form={form} preserve={false} onFinish={submit} data-testid="receipt-form">
          <Table<Sku>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={skus}
            columns={[
              { key: 'spec', title: t('commerce.field.spec'), dataIndex: 'spec' },
              {
                key: 'stock',
                title: t('commerce.field.stock'),
                dataIndex: 'stock',
                align: 'right',
                width: 90,
              },
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
      )}
    </SubmissionStepModal>
  );
}
