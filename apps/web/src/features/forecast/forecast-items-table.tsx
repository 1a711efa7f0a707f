import { type MechanismType as ForecastMechanism } from '@livecloud/contracts/vocabulary';
import type {
  ForecastItemDto as ForecastItem,
  ForecastRangeDto as ForecastRange,
} from '@livecloud/forecast/schemas';
import { WarningOutlined } from '@ant-design/icons';
import { InputNumber, Select, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../lib/format';
import { fenToYuan, yuanToFen } from '../lineups/lineups.api';
import { BasisBadge } from './forecast-basis';
import { rangeText } from './forecast.api';

const mechanisms: ForecastMechanism[] = ['none', 'coupon', 'gift', 'flash_sale', 'giveaway'];
const count = (n: number) => Math.round(n).toLocaleString('zh-CN');

/** A what-if change to one item. */
export interface ItemDraft {
  explainMinutes: number;
  livePriceFen: number;
  mechanism: ForecastMechanism;
}

function RangeCell({ range, format }: { range: ForecastRange | null; format: (n: number) => string }) {
  if (range === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text strong>{format(range.point)}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {rangeText(range, format)}
      </Typography.Text>
    </Space>
  );
}

/** One row per line-up item: what it is, what the forecast says with p10–p90, and on what basis. */
export function ForecastItemsTable({
  items,
  drafts,
  onDraft,
}: {
  items: ForecastItem[];
  /** Present in what-if mode: explain minutes, price and mechanism become editable. */
  drafts: Map<number, ItemDraft> | null;
  onDraft: (position: number, draft: ItemDraft) => void;
}) {
  const { t } = useTranslation();
  const draftOf = (item: ForecastItem): ItemDraft =>
    drafts?.get(item.position) ?? {
      explainMinutes: item.explainMinutes,
      livePriceFen: item.livePriceFen,
      mechanism: item.mechanism,
    };
  const columns: TableProps<ForecastItem>['columns'] = [
    { title: '#', dataIndex: 'position', width: 48 },
    {
      title: t('forecast.columns.product'),
      key: 'product',
      render: (_, item) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{item.title ?? item.productId}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[item.skuSpec, item.categoryName].filter(Boolean).join(' · ') || item.skuId}
          </Typography.Text>
          {item.warnings.length > 0 ? (
            <Tooltip title={item.warnings.map((w) => t(`forecast.warnings.${w}`)).join('；')}>
              <Typography.Text type="warning" style={{ fontSize: 12 }}>
                <WarningOutlined /> {t('forecast.warningCount', { count: item.warnings.length })}
              </Typography.Text>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('forecast.columns.explain'),
      key: 'explain',
      width: 110,
      render: (_, item) =>
        drafts ? (
          <InputNumber
            size="small"
            min={1}
            max={600}
            value={draftOf(item).explainMinutes}
            onChange={(v) => v !== null && onDraft(item.position, { ...draftOf(item), explainMinutes: v })}
            suffix={t('schedule.minutes')}
            data-testid="whatif-minutes"
          />
        ) : (
          `${item.explainMinutes} ${t('schedule.minutes')}`
        ),
    },
    {
      title: t('forecast.columns.price'),
      key: 'price',
      width: 120,
      render: (_, item) =>
        drafts ? (
          <InputNumber<string>
            size="small"
            prefix="¥"
            stringMode
            value={fenToYuan(draftOf(item).livePriceFen)}
            onChange={(v) => {
              const fen = yuanToFen(v);
              if (fen !== null && fen > 0) onDraft(item.position, { ...draftOf(item), livePriceFen: fen });
            }}
            data-testid="whatif-price"
          />
        ) : (
          formatFen(item.livePriceFen)
        ),
    },
    {
      title: t('forecast.columns.mechanism'),
      key: 'mechanism',
      width: 120,
      render: (_, item) =>
        drafts ? (
          <Select<ForecastMechanism>
            size="small"
            style={{ width: 100 }}
            value={draftOf(item).mechanism}
            onChange={(m) => onDraft(item.position, { ...draftOf(item), mechanism: m })}
            options={mechanisms.map((m) => ({ value: m, label: t(`schedule.mechanism.${m}`) }))}
          />
        ) : (
          t(`schedule.mechanism.${item.mechanism}`)
        ),
    },
    {
      title: t('forecast.columns.basis'),
      key: 'basis',
      width: 120,
      render: (_, item) => (
        <Tooltip title={t(`forecast.basisHint.${item.basis}`, { count: item.basisSessions })}>
          <span>
            <BasisBadge basis={item.basis} />
          </span>
        </Tooltip>
      ),
    },
    {
      title: t('forecast.columns.gmv'),
      key: 'gmv',
      render: (_, item) => (
        <Space orientation="vertical" size={0}>
          <RangeCell range={item.gmvFen} format={formatFen} />
          {item.stockCapped ? (
            <Tag color="gold">{t('forecast.stockCapped', { stock: item.stockAllocation })}</Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('forecast.columns.orders'),
      key: 'orders',
      width: 120,
      render: (_, item) => <RangeCell range={item.paidOrders} format={count} />,
    },
    {
      title: t('forecast.columns.refunds'),
      key: 'refunds',
      render: (_, item) => <RangeCell range={item.refundFen} format={formatFen} />,
    },
    {
      title: t('forecast.columns.profit'),
      key: 'profit',
      render: (_, item) => <RangeCell range={item.profitFen} format={formatFen} />,
    },
  ];
  return (
    <Table<ForecastItem>
      rowKey="position"
      size="middle"
      columns={columns}
      dataSource={items}
      pagination={false}
      scroll={{ x: 1100 }}
      data-testid="forecast-items"
    />
  );
}
