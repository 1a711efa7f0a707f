import type {
  DepositEntryDto as DepositEntry,
  DepositLedgerDto as DepositLedger,
} from '@livecloud/commerce/schemas';
import { type DepositKind } from '@livecloud/contracts/vocabulary';
import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Flex,
  Progress,
  Row,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatFen } from '../../lib/format';
import { actorLabel } from './use-staff-names';

const kindColors: Record<DepositKind, string> = {
  paid: 'green',
  frozen: 'blue',
  unfrozen: 'cyan',
  deducted: 'red',
  refunded: 'orange',
};
const outgoing: ReadonlySet<DepositKind> = new Set(['deducted', 'refunded']);

/** The deposit summary (balance, available, frozen against the requirement) and its ledger. */
export function DepositPanel({
  ledger,
  requiredFen,
  names,
  onRecord,
}: {
  ledger: DepositLedger | undefined;
  requiredFen: number;
  names: ReadonlyMap<string, string>;
  onRecord?: () => void;
}) {
  const { t } = useTranslation();
  const summary = ledger?.summary;
  const balance = summary?.balanceFen ?? 0;
  // Frozen money answers for a dispute already; only the available part covers the requirement.
  const available = summary?.availableFen ?? 0;
  const sufficient = available >= requiredFen;
  const percent =
    requiredFen === 0 ? 100 : Math.max(0, Math.min(100, Math.round((available / requiredFen) * 100)));

  const columns: TableProps<DepositEntry>['columns'] = [
    {
      key: 'at',
      title: t('commerce.field.time'),
      width: 150,
      render: (_, e) => <span className="lc-nowrap">{formatDateTime(e.at)}</span>,
    },
    {
      key: 'kind',
      title: t('commerce.field.kind'),
      width: 80,
      render: (_, e) => <Tag color={kindColors[e.kind]}>{t(`commerce.depositKind.${e.kind}`)}</Tag>,
    },
    {
      key: 'amount',
      title: t('commerce.field.amount'),
      align: 'right',
      width: 120,
      render: (_, e) => (
        <Typography.Text strong type={outgoing.has(e.kind) ? 'danger' : undefined} className="lc-nowrap">
          {outgoing.has(e.kind) ? '−' : ''}
          {formatFen(e.amountFen)}
        </Typography.Text>
      ),
    },
    {
      key: 'reason',
      title: t('commerce.field.reason'),
      render: (_, e) => (
        <>
          <div>{e.reason}</div>
          {e.reference ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.reference}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      key: 'after',
      title: t('commerce.field.balanceAfter'),
      align: 'right',
      width: 120,
      render: (_, e) => <span className="lc-nowrap">{formatFen(e.balanceAfterFen)}</span>,
    },
    {
      key: 'actor',
      title: t('commerce.field.operator'),
      width: 100,
      render: (_, e) => actorLabel(t, e.actor, names),
    },
  ];

  return (
    <div data-testid="deposit-panel">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small" className="lc-card" style={{ height: '100%' }}>
            <Statistic
              title={t('commerce.field.balance')}
              value={formatFen(balance)}
              styles={{ content: { fontSize: 20 } }}
              data-testid="deposit-balance"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" className="lc-card" style={{ height: '100%' }}>
            <Statistic
              title={t('commerce.field.available')}
              value={formatFen(available)}
              styles={{ content: { fontSize: 20 } }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" className="lc-card" style={{ height: '100%' }}>
            <Statistic
              title={t('commerce.field.frozen')}
              value={formatFen(summary?.frozenFen ?? 0)}
              styles={{ content: { fontSize: 20 } }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" className="lc-card" style={{ height: '100%' }}>
            <Statistic
              title={t('commerce.field.required')}
              value={formatFen(requiredFen)}
              styles={{ content: { fontSize: 20 } }}
            />
            <Progress
              percent={percent}
              size="small"
              showInfo={false}
              status={sufficient ? 'success' : 'exception'}
            />
            <Tag
              color={sufficient ? 'success' : 'error'}
              style={{ marginTop: 4 }}
              data-testid="deposit-sufficiency"
            >
              {sufficient
                ? t('commerce.common.sufficient')
                : t('commerce.common.shortfall', { amount: formatFen(requiredFen - available) })}
            </Tag>
          </Card>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 12px', fontSize: 12 }}>
        {t('commerce.merchants.requiredHint')}
      </Typography.Paragraph>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('commerce.merchants.ledgerTitle')}</Typography.Text>
        {onRecord ? (
          <Button
            size="small"
            type="primary"
            ghost
            icon={<PlusOutlined />}
            onClick={onRecord}
            data-testid="deposit-record"
          >
            {t('commerce.merchants.recordEntry')}
          </Button>
        ) : null}
      </Flex>
      <Table<DepositEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={ledger?.entries ?? []}
        loading={ledger === undefined}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('commerce.merchants.ledgerEmpty') }}
        scroll={{ x: 'max-content' }}
        data-testid="deposit-ledger"
      />
    </div>
  );
}
