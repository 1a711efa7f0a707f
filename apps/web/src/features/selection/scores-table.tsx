import type { SkuScoreDto as SkuScore } from '@livecloud/selection/schemas';
import { Button, Flex, Progress, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../lib/format';
import { formatBp } from '../../lib/money';
import { shanghaiDateTime } from '../../lib/shanghai-time';
import { formatSignedBp, pointSourceLabel, scoreColor } from './selection-format';
import { StatusTag } from './status-tag';

/** The most SKUs the compare endpoint takes. */
export const compareMax = 6;

export interface ScoresTableProps {
  rows: SkuScore[];
  loading: boolean;
  emptyText: ReactNode;
  selectedKeys: string[];
  onSelect: (skuIds: string[]) => void;
  /** SKUs on the chosen session's shortlist. */
  shortlisted: ReadonlySet<string>;
  /** Null: no session chosen; false: the session has ended. */
  shortlistOpen: boolean | null;
  canManage: boolean;
  busySku: string | null;
  onScore: (item: SkuScore) => void;
  onPrices: (item: SkuScore) => void;
  onObserve: (item: SkuScore) => void;
  onToggleShortlist: (item: SkuScore) => void;
}

/** Tight row actions, so three of them fit beside the data. */
const linkStyle = { paddingInline: 4 };

const byNumber =
  (value: (item: SkuScore) => number | null) =>
  (a: SkuScore, b: SkuScore): number =>
    (value(a) ?? Number.NEGATIVE_INFINITY) - (value(b) ?? Number.NEGATIVE_INFINITY);

/** The product pool: one row per SKU with its prices, score and lowest-price check, best first. */
export function ScoresTable(props: ScoresTableProps) {
  const { rows, selectedKeys, shortlisted, shortlistOpen, canManage, busySku } = props;
  const { t } = useTranslation();

  const lowestCell = (item: SkuScore) => {
    const { lowest, flagged, gapBp } = item.lowestPrice;
    if (lowest === null) return <Tag>{t('selection.flag.none')}</Tag>;
    return (
      <Tooltip title={`${pointSourceLabel(t, lowest)} · ${shanghaiDateTime(lowest.observedAt)}`}>
        <Flex vertical gap={2} align="flex-start">
          {flagged ? (
            <Tag color="error">{t('selection.flag.above', { gap: formatSignedBp(gapBp) })}</Tag>
          ) : (
            <Tag color="success">{t('selection.flag.kept')}</Tag>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('selection.pool.lowestAt', { price: formatFen(lowest.priceFen) })}
          </Typography.Text>
        </Flex>
      </Tooltip>
    );
  };

  const shortlistButton = (item: SkuScore) => {
    const on = shortlisted.has(item.skuId);
    const hint =
      shortlistOpen === null
        ? t('selection.action.needSession')
        : shortlistOpen
          ? undefined
          : t('selection.action.closed');
    return (
      <Tooltip title={hint}>
        <Button
          type="link"
          style={linkStyle}
          size="small"
          danger={on}
          disabled={shortlistOpen !== true}
          loading={busySku === item.skuId}
          onClick={() => props.onToggleShortlist(item)}
          data-testid={`selection-shortlist-toggle-${item.skuId}`}
        >
          {on ? t('selection.action.unshortlist') : t('selection.action.shortlist')}
        </Button>
      </Tooltip>
    );
  };

  const columns: TableProps<SkuScore>['columns'] = [
    {
      key: 'product',
      title: t('selection.column.product'),
      width: 200,
      render: (_, item) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{item.title}</Typography.Text>
          <Typography.Text
            type="secondary"
            ellipsis={{ tooltip: item.merchantName }}
            style={{ fontSize: 12, maxWidth: 184 }}
          >
            {shortlisted.has(item.skuId) ? (
              <Tag
                color="blue"
                bordered={false}
                style={{ fontSize: 11, lineHeight: '16px', marginInlineEnd: 4 }}
              >
                {t('selection.action.shortlisted')}
              </Tag>
            ) : null}
            {item.spec} · {item.merchantName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'category',
      title: t('selection.column.category'),
      width: 72,
      render: (_, item) => <span className="lc-nowrap">{item.categoryName}</span>,
    },
    {
      key: 'live',
      title: t('selection.column.livePrice'),
      align: 'right',
      width: 96,
      sorter: byNumber((i) => i.livePriceFen),
      render: (_, item) => (
        <Flex vertical align="flex-end">
          <Typography.Text strong className="lc-nowrap">
            {formatFen(item.livePriceFen)}
          </Typography.Text>
          {item.listPriceFen > item.livePriceFen ? (
            <Typography.Text type="secondary" delete style={{ fontSize: 12 }}>
              {formatFen(item.listPriceFen)}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'margin',
      title: t('selection.column.margin'),
      align: 'right',
      width: 76,
      sorter: byNumber((i) => i.marginBp),
      render: (_, item) => (
        <Typography.Text type={item.marginBp !== null && item.marginBp < 0 ? 'danger' : undefined}>
          {formatSignedBp(item.marginBp)}
        </Typography.Text>
      ),
    },
    {
      key: 'commission',
      title: t('selection.column.commission'),
      align: 'right',
      width: 76,
      render: (_, item) => formatBp(item.commissionBp),
    },
    {
      key: 'score',
      title: t('selection.column.score'),
      width: 80,
      sorter: byNumber((i) => i.score),
      defaultSortOrder: 'descend',
      sortDirections: ['descend', 'ascend', 'descend'],
      render: (_, item) => (
        <Button
          type="text"
          size="small"
          onClick={() => props.onScore(item)}
          style={{ padding: '0 4px', height: 'auto' }}
          aria-label={t('selection.breakdown.title', { title: `${item.title} · ${item.spec}` })}
          data-testid={`selection-score-${item.skuId}`}
        >
          <Flex vertical align="flex-start" gap={2}>
            <Typography.Text strong style={{ color: scoreColor(item.score), fontSize: 15 }}>
              {item.score === null ? '—' : item.score.toFixed(1)}
            </Typography.Text>
            <Progress
              percent={item.score ?? 0}
              showInfo={false}
              size={{ width: 56, height: 4 }}
              strokeColor={scoreColor(item.score)}
            />
          </Flex>
        </Button>
      ),
    },
    {
      key: 'lowest',
      title: t('selection.column.lowest'),
      width: 124,
      sorter: byNumber((i) => i.lowestPrice.gapBp),
      render: (_, item) => lowestCell(item),
    },
    {
      key: 'status',
      title: t('selection.column.status'),
      width: 96,
      render: (_, item) => (
        <Flex vertical gap={2} align="flex-start">
          <StatusTag status={item.status} />
          {item.approved ? null : (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('selection.pool.notApproved')}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('selection.column.actions'),
      fixed: 'right',
      render: (_, item) => (
        <Space size={0} className="lc-nowrap">
          <Button
            type="link"
            style={linkStyle}
            size="small"
            onClick={() => props.onPrices(item)}
            data-testid={`selection-prices-${item.skuId}`}
          >
            {t('selection.action.prices')}
          </Button>
          {canManage ? (
            <>
              <Button
                type="link"
                style={linkStyle}
                size="small"
                onClick={() => props.onObserve(item)}
                data-testid={`selection-observe-${item.skuId}`}
              >
                {t('selection.action.observe')}
              </Button>
              {shortlistButton(item)}
            </>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Table<SkuScore>
      rowKey="skuId"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={props.loading}
      rowSelection={{
        selectedRowKeys: selectedKeys,
        preserveSelectedRowKeys: true,
        hideSelectAll: true,
        onChange: (keys) => props.onSelect(keys.map(String)),
        getCheckboxProps: (item) => ({
          disabled: selectedKeys.length >= compareMax && !selectedKeys.includes(item.skuId),
          title: t('selection.pool.compareHint'),
        }),
      }}
      pagination={{
        pageSize: 20,
        hideOnSinglePage: true,
        showTotal: (n) => t('common.total', { count: n }),
      }}
      locale={{ emptyText: props.emptyText }}
      scroll={{ x: 'max-content' }}
      data-testid="selection-scores"
    />
  );
}
