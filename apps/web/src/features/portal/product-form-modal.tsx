import type { CategoryDto as Category } from '@livecloud/commerce/schemas';
import { type SubmissionTarget } from '@livecloud/contracts/vocabulary';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Divider, Form, Input, Modal, Radio, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commerceErrorMessage } from '../merchants/commerce-error';
import { parsePercentInput, parseYuanInput, yuanRule } from '../../lib/money';
import { ImageUpload } from '../submissions/image-upload';
import { portalApi, portalImageUrl } from './portal.api';
import { livePriceWithinList, specIsUnique } from './sku-rules';

interface SkuRow {
  spec: string;
  listPrice: string;
  livePrice: string;
  cost: string;
  commission: string;
  stock: string;
}
interface ProductForm {
  title: string;
  brand?: string;
  categoryId: string;
  claims?: string;
  imageIds: string[];
  skus: SkuRow[];
  target: SubmissionTarget;
  sessionRef?: string;
}

/** A merchant offers a new product: details, images and SKUs, submitted to the pool or a session in one go. */
export function ProductFormModal({
  open,
  categories,
  onClose,
  onSubmitted,
}: {
  open: boolean;
  categories: Category[];
  onClose: () => void;
  onSubmitted: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProductForm>();
  const [saving, setSaving] = useState(false);
  const target = Form.useWatch('target', form);

  const submit = async (values: ProductForm) => {
    setSaving(true);
    try {
      const product = await portalApi.createProduct({
        title: values.title.trim(),
        brand: values.brand?.trim() || null,
        categoryId: values.categoryId,
        claims: values.claims?.trim() || null,
        imageIds: values.imageIds,
        skus: values.skus.map((sku) => ({
          spec: sku.spec.trim(),
          listPriceFen: parseYuanInput(sku.listPrice) ?? 0,
          livePriceFen: parseYuanInput(sku.livePrice) ?? 0,
          costFen: parseYuanInput(sku.cost) ?? 0,
          commissionBp: parsePercentInput(sku.commission) ?? 0,
          stock: Number(sku.stock),
        })),
      });
      await portalApi.submit({
        productId: product.id,
        target: values.target,
        sessionRef: values.target === 'session' ? values.sessionRef?.trim() : null,
      });
      void message.success(t('commerce.portal.submitted', { title: product.title }));
      form.resetFields();
      onSubmitted();
    } catch (cause) {
      void message.error(commerceErrorMessage(t, cause));
    } finally {
      setSaving(false);
    }
  };

  const priceRules = [
    { required: true, message: t('commerce.portal.priceRequired') },
    yuanRule(t('commerce.merchants.amountInvalid')),
  ];
  const livePriceRule =
    (row: number) =>
    ({ getFieldValue }: { getFieldValue: (name: (string | number)[]) => unknown }) => ({
      validator: async (_rule: unknown, live: unknown) => {
        if (!livePriceWithinList(getFieldValue(['skus', row, 'listPrice']), live)) {
          throw new Error(t('commerce.portal.livePriceAboveList'));
        }
      },
    });
  return (
    <Modal
      open={open}
      width={880}
      title={t('commerce.portal.productTitle')}
      okText={t('commerce.portal.submitProduct')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'product-submit' }}
      destroyOnHidden
    >
      <Form<ProductForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          target: 'pool',
          imageIds: [],
          skus: [{ spec: '', listPrice: '', livePrice: '', cost: '', commission: '20%', stock: '' }],
        }}
        onFinish={(values) => void submit(values)}
        data-testid="product-form"
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="title"
              label={t('commerce.field.productName')}
              rules={[{ required: true, whitespace: true, message: t('commerce.portal.titleRequired') }]}
            >
              <Input maxLength={100} data-testid="product-title" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="brand" label={t('commerce.field.brand')}>
              <Input maxLength={50} data-testid="product-brand" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="categoryId"
              label={t('commerce.field.category')}
              rules={[{ required: true, message: t('commerce.portal.categoryRequired') }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                options={categories.map((c) => ({ value: c.id, label: c.path }))}
                data-testid="product-category"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="claims" label={t('commerce.field.claims')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="product-claims" />
        </Form.Item>
        <Form.Item name="imageIds" label={t('commerce.field.images')}>
          <ImageUpload upload={portalApi.upload} imageUrl={portalImageUrl} testId="product-images" />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          SKU
        </Divider>
        <Form.List name="skus">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row key={field.key} gutter={8} className="lc-sku-row" align="top">
                  <Col span={5}>
                    <Form.Item
                      name={[field.name, 'spec']}
                      label={index === 0 ? t('commerce.field.spec') : undefined}
                      rules={[
                        { required: true, whitespace: true, message: t('commerce.field.spec') },
                        ({ getFieldValue }) => ({
                          validator: async () => {
                            const specs = (getFieldValue('skus') as SkuRow[]).map((s) => s?.spec);
                            if (!specIsUnique(specs, index))
                              throw new Error(t('validation.rule.duplicate_spec'));
                          },
                        }),
                      ]}
                    >
                      <Input maxLength={50} placeholder="50ml" data-testid={`sku-spec-${index}`} />
                    </Form.Item>
                  </Col>
                  {(['listPrice', 'livePrice', 'cost'] as const).map((name) => (
                    <Col span={4} key={name}>
                      <Form.Item
                        name={[field.name, name]}
                        label={index === 0 ? t(`commerce.field.${name}`) : undefined}
                        rules={name === 'livePrice' ? [...priceRules, livePriceRule(field.name)] : priceRules}
                        dependencies={name === 'livePrice' ? [['skus', field.name, 'listPrice']] : undefined}
                      >
                        <Input prefix="¥" inputMode="decimal" data-testid={`sku-${name}-${index}`} />
                      </Form.Item>
                    </Col>
                  ))}
                  <Col span={3}>
                    <Form.Item
                      name={[field.name, 'commission']}
                      label={index === 0 ? t('commerce.field.commission') : undefined}
                      rules={[
                        {
                          validator: async (_r, v: unknown) => {
                            if (typeof v !== 'string' || parsePercentInput(v) === undefined)
                              throw new Error('0%–100%');
                          },
                        },
                      ]}
                    >
                      <Input data-testid={`sku-commission-${index}`} />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    <Form.Item
                      name={[field.name, 'stock']}
                      label={index === 0 ? t('commerce.field.stock') : undefined}
                      rules={[{ required: true, pattern: /^\d{1,9}$/, message: t('commerce.field.stock') }]}
                    >
                      <Input inputMode="numeric" data-testid={`sku-stock-${index}`} />
                    </Form.Item>
                  </Col>
                  <Col span={1} style={{ paddingTop: index === 0 ? 30 : 0 }}>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      disabled={fields.length === 1}
                      onClick={() => remove(field.name)}
                      aria-label="remove"
                    />
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() =>
                  add({ spec: '', listPrice: '', livePrice: '', cost: '', commission: '20%', stock: '' })
                }
                style={{ marginBottom: 16 }}
              >
                {t('commerce.portal.addSku')}
              </Button>
            </>
          )}
        </Form.List>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="target" label={t('commerce.field.target')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'pool', label: t('commerce.target.pool') },
                  { value: 'session', label: t('commerce.target.session') },
                ]}
              />
            </Form.Item>
          </Col>
          {target === 'session' ? (
            <Col span={14}>
              <Form.Item
                name="sessionRef"
                label={t('commerce.field.sessionRef')}
                rules={[
                  { required: true, whitespace: true, message: t('commerce.importer.sessionRequired') },
                ]}
              >
                <Input maxLength={64} placeholder="ses_…" />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
      </Form>
    </Modal>
  );
}
