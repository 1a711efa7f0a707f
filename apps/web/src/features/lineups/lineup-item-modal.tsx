import type { LineupDto as Lineup, LineupItemDto as LineupItem } from '@livecloud/schedule/schemas';
import { App, AutoComplete, Col, Form, Input, InputNumber, Modal, Row } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { schedulingErrorMessage } from '../../lib/scheduling-error';
import { fenToYuan, lineupsApi, yuanToFen } from './lineups.api';
import { formatFen } from '../../lib/format';
import { MechanismFields, mechanismValues, toMechanism, type MechanismValues } from './mechanism-fields';

interface FormValues extends MechanismValues {
  productId: string;
  skuId: string;
  explainMinutes: number;
  livePriceYuan: string;
  stockAllocation: number;
  note?: string;
}

/** What the product catalogue (商品库) offers the picker, when it answers. */
interface CatalogueProduct {
  id: string;
  title: string;
  skus: { id: string; spec: string; livePriceFen: number; listPriceFen?: number }[];
}

export interface LineupItemModalProps {
  sessionId: string;
  /** `null` closed; `'new'` add; an item to edit it. */
  target: LineupItem | 'new' | null;
  onClose: () => void;
  onSaved: (lineup: Lineup) => void;
}

/** Adds or edits a line-up item: product and SKU, explain time, live price, mechanism, stock. */
export function LineupItemModal({ sessionId, target, onClose, onSaved }: LineupItemModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [query, setQuery] = useState('');
  const [catalogue, setCatalogue] = useState<CatalogueProduct[]>([]);
  const productId = Form.useWatch('productId', form);
  const editing = target !== null && target !== 'new' ? target : null;

  // The picker asks the product catalogue; without one (or without access) ids are typed by hand.
  useEffect(() => {
    if (target === null) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .get<{ items: CatalogueProduct[] }>(`/api/v1/products?q=${encodeURIComponent(query)}`, {
          signal: controller.signal,
        })
        .then((result) => setCatalogue(result.items.slice(0, 20)))
        .catch(() => setCatalogue([]));
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, target]);

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

  const onSubmit = async (values: FormValues) => {
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
      onSaved(lineup);
    } catch (cause) {
      void message.error(schedulingErrorMessage(t, cause));
    } finally {
      setSaving(false);
    }
  };

  const picked = catalogue.find((p) => p.id === productId);
  return (
    <Modal
      open={target !== null}
      title={editing ? t('schedule.lineups.editTitle') : t('schedule.lineups.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
      okButtonProps={{ 'data-testid': 'lineup-item-submit' }}
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
              extra={t('schedule.lineups.productHint')}
            >
              <AutoComplete
                onSearch={setQuery}
                options={catalogue.map((p) => ({ value: p.id, label: `${p.title} · ${p.id}` }))}
                onSelect={(id: string) => {
                  const sku = catalogue.find((p) => p.id === id)?.skus[0];
                  if (sku) form.setFieldsValue({ skuId: sku.id, livePriceYuan: fenToYuan(sku.livePriceFen) });
                }}
              >
                <Input placeholder={t('schedule.lineups.productPlaceholder')} data-testid="lineup-product" />
              </AutoComplete>
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="skuId"
              label={t('schedule.lineups.sku')}
              rules={[{ required: true, whitespace: true, message: t('schedule.lineups.skuRequired') }]}
            >
              <AutoComplete
                options={(picked?.skus ?? []).map((s) => ({ value: s.id, label: `${s.spec} · ${s.id}` }))}
              >
                <Input data-testid="lineup-sku" />
              </AutoComplete>
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
