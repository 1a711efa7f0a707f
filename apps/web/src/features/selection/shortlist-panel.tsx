import type {
  ShortlistDto as Shortlist,
  ShortlistItemDto as ShortlistItem,
  SkuScoreDto as SkuScore,
} from '@livecloud/selection/schemas';
import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Popconfirm, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UseQueryResult } from '@tanstack/react-query';
import { formatFen } from '../../lib/format';
import { formatSignedBp, scoreColor } from './selection-format';
import { SelectionLoadError } from './selection-load-error';

/** 选品清单: the SKUs picked for the chosen session, each with its score for that session. */
export function ShortlistPanel({
  sessionId,
  shortlist,
  open,
  canManage,
  busySku,
  onRemove,
  onScore,
}: {
  sessionId: string;
  shortlist: UseQueryResult<Shortlist>;
  open: boolean;
  canManage: boolean;
  busySku: string | null;
  onRemove: (skuId: string) => void;
  onScore: (item: SkuScore) => void;
}) {
  const { t } = useTranslation();
  // Another session's list stays in the query until this one arrives; it must not show meanwhile.
  const data = shortlist.data?.session.id === sessionId ? shortlist.data : undefined;
  const items = data?.items ?? [];

  const columns: TableProps<ShortlistItem>['columns'] = [
    {
      key: 'product',
      title: t('selection.column.product'),
      render: (_, item) =>
        item.scored ? (
          <Flex vertical>
            <Typography.Text strong>{item.scored.title}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.scored.spec} · {item.scored.categoryName}
            </Typography.Text>
          </Flex>
        ) : (
          <Space size={6}>
            <span className="lc-mono">{item.skuId}</span>
            <Tag color="warning">{t('selection.shortlist.missing')}</Tag>
          </Space>
        ),
    },
    {
      key: 'live',
      title: t('selection.column.livePrice'),
      align: 'right',
      width: 96,
      render: (_, item) =>
        item.scored ? <span className="lc-nowrap">{formatFen(item.scored.livePriceFen)}</span> : '—',
    },
    {
      key: 'score',
      title: t('selection.column.score'),
      width: 72,
      render: (_, item) => {
        const scored = item.scored;
        if (!scored) return '—';
        return (
          <Typography.Link strong style={{ color: scoreColor(scored.score) }} onClick={() => onScore(scored)}>
            {scored.score === null ? '—' : scored.score.toFixed(1)}
          </Typography.Link>
        );
      },
    },
    {
      key: 'lowest',
      title: t('selection.column.lowest'),
      width: 140,
      render: (_, item) => {
        const check = item.scored?.lowestPrice;
        if (!check) return '—';
        if (check.lowest === null) return <Tag>{t('selection.flag.none')}</Tag>;
        return check.flagged ? (
          <Tag color="error">{t('selection.flag.above', { gap: formatSignedBp(check.gapBp) })}</Tag>
        ) : (
          <Tag color="success">{t('selection.flag.kept')}</Tag>
        );
      },
    },
    ...(canManage && open
      ? [
          {
            key: 'remove',
            width: 48,
            render: (_: unknown, item: ShortlistItem) => (
              <Popconfirm
                title={t('selection.shortlist.confirmRemove')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => onRemove(item.skuId)}
              >
                <Button
                  type="text"
                  size="small"
                  danger
                  loading={busySku === item.skuId}
                  icon={<DeleteOutlined />}
                  aria-label={t('selection.shortlist.remove')}
                  data-testid={`shortlist-remove-${item.skuId}`}
                />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      className="lc-card"
      size="small"
      title={
        <Space>
          {t('selection.shortlist.title')}
          {data ? <Tag>{t('selection.shortlist.count', { count: items.length })}</Tag> : null}
        </Space>
      }
      data-testid="selection-shortlist"
    >
      {shortlist.error ? (
        <SelectionLoadError error={shortlist.error} onRetry={() => void shortlist.refetch()} />
      ) : (
        <Flex vertical gap={8}>
          {data && !open ? <Alert type="info" showIcon title={t('selection.shortlist.closed')} /> : null}
          <Table<ShortlistItem>
            rowKey="skuId"
            size="small"
            loading={shortlist.isFetching}
            columns={columns}
            dataSource={items}
            pagination={false}
            scroll={{ x: 'max-content', y: 260 }}
            locale={{ emptyText: t('selection.shortlist.empty') }}
          />
        </Flex>
      )}
    </Card>
  );
}
