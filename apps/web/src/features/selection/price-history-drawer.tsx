import type { ObservationDto as Observation } from '@livecloud/selection/schemas';
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Drawer,
  Empty,
  Flex,
  Popconfirm,
  Segmented,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/load-error';
import { formatFen } from '../../lib/format';
import { shanghaiDateTime } from '../../lib/shanghai-time';
import { ObservationModal } from './observation-modal';
import { PriceChart } from './price-chart';
import { PriceImportModal } from './price-import-modal';
import { selectionApi } from './selection.api';
import { selectionQueries } from './selection.queries';
import { selectionErrorMessage } from './selection-error';
import { formatSignedBp, pointSourceLabel } from './selection-format';

const windows = [7, 30, 90, 180, 365];

/** Price history of a product: one chart per SKU, the recorded prices, and adding or importing more. */
export function PriceHistoryDrawer({
  product,
  initialDays,
  canManage,
  onClose,
  onChanged,
}: {
  product: { productId: string; title: string } | null;
  initialDays: number;
  canManage: boolean;
  onClose: () => void;
  /** Prices changed: the pool's lowest-price checks and scores are stale. */
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [days, setDays] = useState(initialDays);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const productId = product?.productId ?? null;

  const queryClient = useQueryClient();
  const history = useQuery(selectionQueries.history(productId, days));
  const observations = useQuery(selectionQueries.observations(productId));

  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: ['selection', 'prices', productId] });
    void queryClient.invalidateQueries({ queryKey: selectionQueries.observations(productId).queryKey });
    onChanged();
  };

  const remove = async (observation: Observation) => {
    try {
      await selectionApi.removeObservation(observation.id);
      void message.success(t('selection.history.deleted'));
      changed();
    } catch (cause) {
      void message.error(selectionErrorMessage(t, cause));
    }
  };

  const specOf = (skuId: string | null) =>
    skuId === null
      ? t('selection.history.wholeProduct')
      : (history.data?.skus.find((s) => s.skuId === skuId)?.spec ?? skuId);

  const columns: TableProps<Observation>['columns'] = [
    {
      key: 'observedAt',
      title: t('selection.form.observedAt'),
      width: 140,
      render: (_, o) => <span className="lc-nowrap">{shanghaiDateTime(o.observedAt)}</span>,
    },
    { key: 'sku', title: t('selection.form.sku'), render: (_, o) => specOf(o.skuId) },
    {
      key: 'price',
      title: t('selection.form.price'),
      align: 'right',
      render: (_, o) => <Typography.Text strong>{formatFen(o.priceFen)}</Typography.Text>,
    },
    {
      key: 'source',
      title: t('selection.form.source'),
      render: (_, o) => pointSourceLabel(t, { ...o, sessionId: null }),
    },
    {
      key: 'reference',
      title: t('selection.form.reference'),
      ellipsis: true,
      render: (_, o) =>
        o.reference && /^https?:\/\//.test(o.reference) ? (
          <a href={o.reference} target="_blank" rel="noreferrer noopener">
            {o.reference}
          </a>
        ) : (
          (o.reference ?? '—')
        ),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            width: 56,
            render: (_: unknown, o: Observation) => (
              <Popconfirm
                title={t('selection.history.confirmDelete')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => void remove(o)}
              >
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('selection.shortlist.remove')}
                />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  const data = history.data;
  return (
    <Drawer
      open={product !== null}
      onClose={onClose}
      size={860}
      destroyOnHidden
      title={product ? t('selection.history.title', { title: product.title }) : ''}
      extra={
        <Space>
          <Segmented<number>
            value={days}
            onChange={setDays}
            options={windows.map((d) => ({ value: d, label: t('selection.filter.daysValue', { days: d }) }))}
          />
        </Space>
      }
    >
      {history.error && !data ? (
        <LoadError error={history.error} onRetry={() => void history.refetch()} />
      ) : !data ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : (
        <Flex vertical gap={16} data-testid="price-history">
          {data.skus.map((sku) => (
            <Card
              key={sku.skuId}
              size="small"
              className="lc-card"
              title={sku.spec}
              extra={
                <Space size={12} wrap>
                  <span>
                    {t('selection.history.live')}{' '}
                    <Typography.Text strong>{formatFen(sku.livePriceFen)}</Typography.Text>
                  </span>
                  <span>
                    {t('selection.history.lowest')}{' '}
                    <Typography.Text strong>
                      {sku.lowest ? formatFen(sku.lowest.priceFen) : t('selection.history.noLowest')}
                    </Typography.Text>
                    {sku.lowest ? (
                      <Typography.Text type="secondary">
                        {' '}
                        · {pointSourceLabel(t, sku.lowest)} · {shanghaiDateTime(sku.lowest.observedAt)}
                      </Typography.Text>
                    ) : null}
                  </span>
                  {sku.flagged ? (
                    <Tag color="error">{t('selection.flag.above', { gap: formatSignedBp(sku.gapBp) })}</Tag>
                  ) : sku.lowest ? (
                    <Tag color="success">{t('selection.flag.kept')}</Tag>
                  ) : null}
                </Space>
              }
            >
              {sku.points.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('selection.history.noPoints')} />
              ) : (
                <PriceChart
                  points={sku.points}
                  livePriceFen={sku.livePriceFen}
                  lowestFen={sku.lowest?.priceFen ?? null}
                  since={data.since}
                  until={data.until}
                  ariaLabel={t('selection.history.chart', { spec: sku.spec })}
                />
              )}
            </Card>
          ))}
          <Card
            size="small"
            className="lc-card"
            title={t('selection.history.observations')}
            extra={
              canManage ? (
                <Space>
                  <Button size="small" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                    {t('selection.history.import')}
                  </Button>
                  <Button
                    size="small"
                    type="primary"
                    icon={<PlusOutlined />}
                    onClick={() => setAdding(true)}
                    data-testid="observation-add"
                  >
                    {t('selection.history.add')}
                  </Button>
                </Space>
              ) : null
            }
          >
            <Table<Observation>
              rowKey="id"
              size="small"
              loading={observations.isFetching}
              columns={columns}
              dataSource={observations.data?.items ?? []}
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
            />
          </Card>
        </Flex>
      )}
      {productId && data ? (
        <ObservationModal
          open={adding}
          productId={productId}
          skus={data.skus.map((s) => ({ skuId: s.skuId, spec: s.spec }))}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            changed();
          }}
        />
      ) : null}
      <PriceImportModal open={importing} onClose={() => setImporting(false)} onImported={changed} />
    </Drawer>
  );
}
