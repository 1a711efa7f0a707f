import { pricePlatforms, type PricePlatform } from '@livecloud/contracts/vocabulary';
import { App, Col, Form, Input, Modal, Radio, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseYuanInput, yuanRule } from '../../lib/money';
import { fromShanghai, shanghaiDate, shanghaiTime } from '../../lib/shanghai-time';
import { selectionApi } from './selection.api';
import { selectionErrorMessage } from './selection-error';

interface ObservationForm {
  skuId: string;
  source: 'platform' | 'manual';
  platform?: PricePlatform;
  price: string;
  observedAt?: string;
  reference?: string;
  note?: string;
}

/** The value `<input type="datetime-local">` takes, for now in Shanghai. */
function nowLocal(): string {
  const now = Date.now();
  return `${shanghaiDate(now)}T${shanghaiTime(now)}`;
}

/** A `datetime-local` value read as Shanghai wall-clock time, to an ISO instant. */
function localToIso(value: string | undefined): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value ?? '');
  if (!match?.[1]) return undefined;
  return new Date(fromShanghai(match[1], Number(match[2]) * 60 + Number(match[3]))).toISOString();
}

/** Records one price seen on a platform or elsewhere, for a SKU or the whole product. */
export function ObservationModal({
  open,
  productId,
  skus,
  onClose,
  onSaved,
}: {
  open: boolean;
  productId: string;
  skus: { skuId: string; spec: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ObservationForm>();
  const [saving, setSaving] = useState(false);
  const source = Form.useWatch('source', form);

  const save = async (values: ObservationForm) => {
    const priceFen = parseYuanInput(values.price);
    if (priceFen === undefined) return;
    setSaving(true);
    try {
      await selectionApi.observe({
        productId,
        skuId: values.skuId === '' ? null : values.skuId,
        source: values.source,
        platform: values.platform ?? null,
        priceFen,
        observedAt: localToIso(values.observedAt),
        reference: values.reference?.trim() || null,
        note: values.note?.trim() || null,
      });
      void message.success(t('selection.history.saved'));
      form.resetFields();
      onSaved();
    } catch (cause) {
      void message.error(selectionErrorMessage(t, cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('selection.history.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'observation-submit' }}
    >
      <Form<ObservationForm>
        form={form}
        layout="vertical"
        style={{ marginTop: 16 }}
        initialValues={{
          skuId: skus[0]?.skuId ?? '',
          source: 'platform',
          platform: 'douyin',
          observedAt: nowLocal(),
        }}
        onFinish={(values) => void save(values)}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="skuId" label={t('selection.form.sku')}>
              <Select
                options={[
                  ...skus.map((s) => ({ value: s.skuId, label: s.spec })),
                  { value: '', label: t('selection.history.wholeProduct') },
                ]}
                data-testid="observation-sku"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="source" label={t('selection.form.source')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'platform', label: t('selection.source.platform') },
                  { value: 'manual', label: t('selection.source.manual') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="platform"
              label={t('selection.form.platform')}
              rules={[{ required: source === 'platform', message: t('selection.form.platformRequired') }]}
            >
              <Select
                allowClear={source !== 'platform'}
                options={pricePlatforms.map((p) => ({ value: p, label: t(`selection.platform.${p}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="price"
              label={t('selection.form.price')}
              rules={[
                { required: true, whitespace: true, message: t('selection.form.priceRequired') },
                yuanRule(t('selection.form.priceRequired')),
              ]}
            >
              <Input prefix="¥" inputMode="decimal" data-testid="observation-price" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="observedAt" label={t('selection.form.observedAt')}>
              <Input type="datetime-local" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="reference" label={t('selection.form.reference')}>
              <Input maxLength={500} placeholder="https://…" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label={t('selection.form.note')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
