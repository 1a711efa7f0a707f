import type { LineupDto as Lineup, LineupItemDto as LineupItem } from '@livecloud/schedule/schemas';
import { App, Button, Col, Form, Input, InputNumber, Modal, Row } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schedulingErrorMessage } from '../../lib/scheduling-error';
import { fenToYuan, lineupsApi, yuanToFen } from './lineups.api';
import { formatFen } from '../../lib/format';
import { ProductPicker, SkuPicker, useCatalogueSearch, type CatalogueProduct } from './product-picker';
import { MechanismFields, mechanismValues, toMechanism, type MechanismValues } from './mechanism-fields';

interface FormValues extends MechanismValues {
  productId: string;
  skuId: string;
  explainMinutes: number;
  livePriceYuan: string;
  stockAllocation: number;
  note?: string;
}

export interface LineupItemModalProps {
  sessionId: string;
  /** `null` closed; `'new'` add; an item to edit it. */
  target: LineupItem | 'new' | null;
  onClose: () => void;
  /** `keepOpen` when the person saved and goes on adding: the dialog stays, emptied. */
  onSaved: (lineup: Lineup, keepOpen: boolean) => void;
}

/** Adds or edits a line-up item: product and SKU, explain time, live price, mechanism, stock. */
export function LineupItemModal({ sessionId, target, onClose, onSaved }: LineupItemModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [query, setQuery] = useState('');
  const [seen, setSeen] = useState<Map<string, CatalogueProduct>>(() => new Map());
  const productId = Form.useWatch('productId', form);
  const editing = target !== null && target !== 'new' ? target : null;
  const search = useCatalogueSearch(query, target !== null);
  // Without a catalogue (or without access to it) ids are typed by hand.
  const manual = search.isError;

  // Products stay known after the search moves on, so the picked one's SKUs remain.
  useEffect(() => {
    if (!search.data) return;
    setSeen((prev) => {
      const next = new Map(prev);
      for (const p of search.data) next.set(p.id, p);
      return next;
    });
  }, [search.data]);

  // Each opening starts from the item (or from nothing): the form does not keep the last save.
  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    setQuery('');
  }, [target, form]);

  const initialValues = useMemo((): Partial<FormValues> => {
    if (!editing)
      return { explainMinutes: 10, stockAllocation: 100, mechanismType: 'none', condition: 'comment' };
    return {
      productId: editing.productId,
      skuId: editing.skuId,
      explainMinutes: editing.explainMinutes,
      livePriceYuan: fenToYuan(editing.livePriceFen),
      stockAllocation: editing.stockAllocation,
      note: editing.note ?? undefined,
      ...mechanismValues(editing.mechanism),
    };
  }, [editing]);

  const keepOpenRef = useRef(false);
  const onSubmit = async (values: FormValues) => {
    const keepOpen = keepOpenRef.current && !editing;
    keepOpenRef.current = false;
    const input = {
      productId: values.productId.trim(),
      skuId: values.skuId.trim(),
      explainMinutes: values.explainMinutes,
      livePriceFen: yuanToFen(values.livePriceYuan) ?? 0,
      stockAllocation: values.stockAllocation,
      mechanism: toMechanism(values),
      note: values.note?.trim() || null,
    };
    setSaving(true);
    try {
      const lineup = editing
        ? await lineupsApi.update(editing.id, input)
        : await lineupsApi.add(sessionId, input);
      void message.success(editing ? t('common.saved') : t('schedule.lineups.added'));
      if (keepOpen) {
        form.resetFields();
        setQuery('');
      }
      onSaved(lineup, keepOpen);
    } catch (cause) {
      void message.error(schedulingErrorMessage(t, cause));
    } finally {
      setSaving(false);
    }
  };

  const picked = productId ? seen.get(productId) : undefined;
  const pickProduct = (id: string) => {
    const sku = seen.get(id)?.skus[0];
    form.setFieldsValue(
      sku ? { skuId: sku.id, livePriceYuan: fenToYuan(sku.livePriceFen) } : { skuId: undefined },
    );
  };
  return (
    <Modal
      open={target !== null}
      title={editing ? t('schedule.lineups.editTitle') : t('schedule.lineups.addTitle')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        editing ? null : (
          <Button
            key="next"
            loading={saving}
            onClick={() => {
              keepOpenRef.current = true;
              form.submit();
            }}
            data-testid="lineup-item-submit-next"
          >
            {t('schedule.lineups.saveAndNext')}
          </Button>
        ),
        <Button
          key="save"
          type="primary"
          loading={saving}
          onClick={() => form.submit()}
          data-testid="lineup-item-submit"
        >
          {t('common.save')}
        </Button>,
      ]}
      destroyOnHidden
      width={640}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={initialValues}
        onFinish={(values) => void onSubmit(values)}
        style={{ marginTop: 16 }}
      >
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item
              name="productId"
              label={t('schedule.lineups.product')}
              rules={[{ required: true, whitespace: true, message: t('schedule.lineups.productRequired') }]}
              extra={manual ? t('schedule.lineups.productIdHint') : t('schedule.lineups.productHint')}
            >
              {manual ? (
                <Input
                  placeholder={t('schedule.lineups.productIdPlaceholder')}
                  data-testid="lineup-product"
                />
              ) : (
                <ProductPicker
                  products={search.data ?? []}
                  loading={search.isFetching || search.data === undefined}
                  onSearch={setQuery}
                  current={
                    editing?.product ? { id: editing.productId, title: editing.product.title } : undefined
                  }
                  onChange={pickProduct}
                />
              )}
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="skuId"
              label={t('schedule.lineups.sku')}
              rules={[{ required: true, whitespace: true, message: t('schedule.lineups.skuRequired') }]}
            >
              {manual ? (
                <Input data-testid="lineup-sku" />
              ) : (
                <SkuPicker
                  product={picked}
                  currentName={
                    editing?.skuId === form.getFieldValue('skuId') ? editing?.product?.skuName : null
                  }
                  onChange={(id) => {
                    const sku = picked?.skus.find((s) => s.id === id);
                    if (sku) form.setFieldValue('livePriceYuan', fenToYuan(sku.livePriceFen));
                  }}
                />
              )}
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="livePriceYuan"
              label={t('schedule.lineups.livePrice')}
              rules={[
                {
                  required: true,
                  validator: async (_, value: unknown) => {
                    const fen = yuanToFen(value as string);
                    if (fen === null) throw new Error(t('schedule.lineups.yuanInvalid'));
                    // The server refuses it too (live_price_above_list); say so before saving.
                    const skuId = form.getFieldValue('skuId') as string | undefined;
                    const list = picked?.skus.find((s) => s.id === skuId)?.listPriceFen;
                    if (list !== undefined && fen > list)
                      throw new Error(t('schedule.lineups.aboveList', { list: formatFen(list) }));
                  },
                },
              ]}
            >
              <InputNumber<string>
                stringMode
                min="0"
                precision={2}
                prefix="¥"
                style={{ width: '100%' }}
                data-testid="lineup-price"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="explainMinutes"
              label={t('schedule.lineups.explainMinutes')}
              rules={[{ required: true }]}
            >
              <InputNumber
                min={1}
                max={600}
                precision={0}
                suffix={t('schedule.minutes')}
                style={{ width: '100%' }}
                data-testid="lineup-minutes"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="stockAllocation"
              label={t('schedule.lineups.stock')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="lineup-stock" />
            </Form.Item>
          </Col>
        </Row>
        <MechanismFields />
        <Form.Item name="note" label={t('schedule.lineups.note')}>
          <Input.TextArea rows={2} maxLength={1000} placeholder={t('schedule.lineups.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
