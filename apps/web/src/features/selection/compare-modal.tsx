import type { SkuScoreDto as SkuScore } from '@livecloud/selection/schemas';
import { useQuery } from '@tanstack/react-query';
import { Modal, Spin, Table, Tag, Typography, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/load-error';
import { formatFen } from '../../lib/format';
import { formatBp } from '../../lib/money';
import type { ScoreParams } from './selection.api';
import { selectionQueries } from './selection.queries';
import { formatRatio, formatSignedBp, scoreColor } from './selection-format';
import { StatusTag } from './status-tag';

interface Measure {
  key: string;
  label: string;
  render: (item: SkuScore) => ReactNode;
  /** Higher is better; the best column is marked. */
  value?: (item: SkuScore) => number | null;
}

/** Two to six SKUs side by side: prices, margin, commission, stock, lowest price, conversion, score, status. */
export function CompareModal({
  items,
  params,
  onClose,
}: {
  items: { productId: string; skuId: string }[] | null;
  params: ScoreParams;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const compared = useQuery(selectionQueries.compare(items, params));
  const skus = compared.data?.items ?? [];

  const measures: Measure[] = [
    {
      key: 'score',
      label: t('selection.column.score'),
      render: (i) => (
        <Typography.Text strong style={{ color: scoreColor(i.score) }}>
          {i.score === null ? '—' : i.score.toFixed(1)}
        </Typography.Text>
      ),
      value: (i) => i.score,
    },
    { key: 'status', label: t('selection.column.status'), render: (i) => <StatusTag status={i.status} /> },
    { key: 'merchant', label: t('selection.compare.merchant'), render: (i) => i.merchantName },
    { key: 'category', label: t('selection.compare.category'), render: (i) => i.categoryName },
    { key: 'list', label: t('selection.compare.listPrice'), render: (i) => formatFen(i.listPriceFen) },
    { key: 'live', label: t('selection.column.livePrice'), render: (i) => formatFen(i.livePriceFen) },
    { key: 'cost', label: t('selection.compare.cost'), render: (i) => formatFen(i.costFen) },
    {
      key: 'margin',
      label: t('selection.column.margin'),
      render: (i) => formatSignedBp(i.marginBp),
      value: (i) => i.marginBp,
    },
    {
      key: 'commission',
      label: t('selection.column.commission'),
      render: (i) => formatBp(i.commissionBp),
      value: (i) => i.commissionBp,
    },
    {
      key: 'stock',
      label: t('selection.column.stock'),
      render: (i) => i.availableStock.toLocaleString(),
      value: (i) => i.availableStock,
    },
    {
      key: 'lowest',
      label: t('selection.column.lowest'),
      render: (i) =>
        i.lowestPrice.lowest === null ? (
          <Tag>{t('selection.flag.none')}</Tag>
        ) : (
          <>
            {formatFen(i.lowestPrice.lowest.priceFen)}{' '}
            {i.lowestPrice.flagged ? (
              <Tag color="error">
                {t('selection.flag.above', { gap: formatSignedBp(i.lowestPrice.gapBp) })}
              </Tag>
            ) : (
              <Tag color="success">{t('selection.flag.kept')}</Tag>
            )}
          </>
        ),
    },
    {
      key: 'conversion',
      label: t('selection.compare.conversion'),
      render: (i) => formatRatio(i.conversion?.rate),
      value: (i) => i.conversion?.rate ?? null,
    },
  ];

  const best = (measure: Measure): string | null => {
    if (!measure.value || skus.length < 2) return null;
    let top: { skuId: string; value: number } | null = null;
    for (const item of skus) {
      const value = measure.value(item);
      if (value !== null && (top === null || value > top.value)) top = { skuId: item.skuId, value };
    }
    return top?.skuId ?? null;
  };

  const columns: TableProps<Measure>['columns'] = [
    {
      key: 'measure',
      title: t('selection.compare.attribute'),
      fixed: 'left',
      width: 120,
      render: (_, m) => <Typography.Text type="secondary">{m.label}</Typography.Text>,
    },
    ...skus.map((item) => ({
      key: item.skuId,
      title: (
        <div>
          <div>{item.title}</div>
          <Typography.Text type="secondary">{item.spec}</Typography.Text>
        </div>
      ),
      width: 180,
      render: (_: unknown, m: Measure) => (
        <span>
          {m.render(item)}
          {best(m) === item.skuId ? (
            <Tag color="gold" style={{ marginInlineStart: 6 }}>
              {t('selection.compare.best')}
            </Tag>
          ) : null}
        </span>
      ),
    })),
  ];

  return (
    <Modal
      open={items !== null}
      onCancel={onClose}
      footer={null}
      width={Math.min(1200, 200 + (items?.length ?? 2) * 190)}
      title={t('selection.compare.title')}
      destroyOnHidden
    >
      {compared.error && !compared.data ? (
        <LoadError error={compared.error} onRetry={() => void compared.refetch()} />
      ) : compared.isFetching && !compared.data ? (
        <Spin />
      ) : (
        <Table<Measure>
          rowKey="key"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={measures}
          scroll={{ x: 'max-content' }}
          data-testid="compare-table"
        />
      )}
    </Modal>
  );
}
