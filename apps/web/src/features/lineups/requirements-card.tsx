import type { PoolRequirementDto as PoolRequirement } from '@livecloud/schedule/schemas';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { formatFen } from '../../lib/format';
import { schedulingErrorMessage } from '../../lib/scheduling-error';
import { fenToYuan, lineupsApi, yuanToFen } from './lineups.api';
import { requirementsQuery } from './lineups.queries';

interface RowValues {
  categories: string[];
  priceMin?: string;
  priceMax?: string;
  marginPercent?: number | null;
  count: number;
  note?: string;
}

/** 选品需求: what kind of products the session needs (categories, price band, margin, how many). */
export function RequirementsCard({ sessionId, canManage }: { sessionId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data, isFetching: loading } = useQuery(requirementsQuery(sessionId));
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ rows: RowValues[] }>();

  const band = (r: PoolRequirement) =>
    r.priceMinFen === null && r.priceMaxFen === null
      ? '—'
      : `${r.priceMinFen === null ? '' : formatFen(r.priceMinFen)} ~ ${r.priceMaxFen === null ? '' : formatFen(r.priceMaxFen)}`;

  const save = async ({ rows }: { rows: RowValues[] }) => {
    setSaving(true);
    try {
      const saved = await lineupsApi.saveRequirements(
        sessionId,
        (rows ?? []).map((r) => ({
          categories: r.categories,
          priceMinFen: yuanToFen(r.priceMin),
          priceMaxFen: yuanToFen(r.priceMax),
          minMarginBp:
            r.marginPercent === null || r.marginPercent === undefined
              ? null
              : Math.round(r.marginPercent * 100),
          count: r.count,
          note: r.note?.trim() || null,
        })),
      );
      queryClient.setQueryData(requirementsQuery(sessionId).queryKey, saved);
      setEditing(false);
      void message.success(t('common.saved'));
    } catch (cause) {
      void message.error(schedulingErrorMessage(t, cause));
    } finally {
      setSaving(false);
    }
  };

  const items = data?.items ?? [];
  return (
    <Card
      className="lc-card"
      title={t('schedule.requirements.title')}
      extra={
        canManage ? (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('schedule.requirements.edit')}
          </Button>
        ) : null
      }
    >
      {items.length === 0 && !loading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('schedule.requirements.empty')} />
      ) : (
        <Table<PoolRequirement>
          rowKey="id"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={items}
          columns={[
            {
              key: 'categories',
              title: t('schedule.requirements.categories'),
              render: (_, r) => r.categories.map((c) => <Tag key={c}>{c}</Tag>),
            },
            {
              key: 'band',
              title: t('schedule.requirements.priceBand'),
              render: (_, r) => <span className="lc-nowrap">{band(r)}</span>,
            },
            {
              key: 'margin',
              title: t('schedule.requirements.margin'),
              render: (_, r) => (r.minMarginBp === null ? '—' : `≥ ${r.minMarginBp / 100}%`),
            },
            {
              key: 'count',
              title: t('schedule.requirements.count'),
              align: 'right',
              render: (_, r) => r.count,
            },
          ]}
        />
      )}
      <Modal
        open={editing}
        title={t('schedule.requirements.title')}
        width={760}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onCancel={() => setEditing(false)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => void save(values)}
          style={{ marginTop: 16 }}
          initialValues={{
            rows: items.map((r) => ({
              categories: r.categories,
              priceMin: fenToYuan(r.priceMinFen),
              priceMax: fenToYuan(r.priceMaxFen),
              marginPercent: r.minMarginBp === null ? null : r.minMarginBp / 100,
              count: r.count,
              note: r.note ?? undefined,
            })),
          }}
        >
          <Form.List name="rows">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Row key={field.key} gutter={8} align="top">
                    <Col span={8}>
                      <Form.Item
                        name={[field.name, 'categories']}
                        label={t('schedule.requirements.categories')}
                        rules={[
                          {
                            required: true,
                            type: 'array',
                            min: 1,
                            message: t('schedule.requirements.categoriesRequired'),
                          },
                        ]}
                      >
                        <Select mode="tags" tokenSeparators={[',', '，']} placeholder="美妆、护肤" />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[field.name, 'priceMin']} label={t('schedule.requirements.priceMin')}>
                        <InputNumber<string>
                          stringMode
                          min="0"
                          precision={2}
                          prefix="¥"
                          style={{ width: '100%' }}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[field.name, 'priceMax']} label={t('schedule.requirements.priceMax')}>
                        <InputNumber<string>
                          stringMode
                          min="0"
                          precision={2}
                          prefix="¥"
                          style={{ width: '100%' }}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item
                        name={[field.name, 'marginPercent']}
                        label={t('schedule.requirements.margin')}
                      >
                        <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item
                        name={[field.name, 'count']}
                        label={t('schedule.requirements.count')}
                        rules={[{ required: true }]}
                        initialValue={5}
                      >
                        <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Form.Item label=" ">
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => remove(field.name)}
                          aria-label={t('schedule.lineups.remove')}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={24}>
                      <Form.Item name={[field.name, 'note']} style={{ marginTop: -12 }}>
                        <Input placeholder={t('schedule.requirements.note')} maxLength={500} />
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add()}>
                  {t('schedule.requirements.add')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Card>
  );
}
