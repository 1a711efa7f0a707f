import type { ReceiptDto as Receipt, StockDto as Stock } from '@livecloud/commerce/schemas';
import { useQueryClient } from '@tanstack/react-query';
import { Flex, Progress, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import '../merchants/commerce.css';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../auth/session-context';
import { commerceQueries, submissionsKey, warehouseKey } from '../merchants/commerce.queries';
import { actorLabel, useStaffNames } from '../merchants/use-staff-names';
import { QueueTable, SubmissionQueuePage } from '../submissions/submission-queue-page';
import { ReceiptModal } from './receipt-modal';

/** 仓储: approved products to book in, receipts, and stock (received − allocated) per SKU. */
export function WarehousePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const canManage = can('commerce:manage');
  const names = useStaffNames();
  const queryClient = useQueryClient();

  const receiptColumns = (open: (submissionId: string) => void): TableProps<Receipt>['columns'] => [
    {
      key: 'product',
      title: t('commerce.field.product'),
      render: (_, r) => (
        <Typography.Link onClick={() => open(r.submissionId)}>
          {r.productTitle} <Typography.Text type="secondary">· {r.spec}</Typography.Text>
        </Typography.Link>
      ),
    },
    { key: 'qty', title: t('commerce.field.quantity'), dataIndex: 'quantity', align: 'right', width: 100 },
    {
      key: 'loc',
      title: t('commerce.field.location'),
      width: 120,
      render: (_, r) => <Tag className="lc-mono">{r.location}</Tag>,
    },
    { key: 'note', title: t('commerce.field.note'), render: (_, r) => r.note ?? '—' },
    {
      key: 'by',
      title: t('commerce.field.operator'),
      width: 100,
      render: (_, r) => actorLabel(t, r.actor, names),
    },
    { key: 'at', title: t('commerce.field.time'), width: 150, render: (_, r) => formatDateTime(r.at) },
  ];
  const stockColumns: TableProps<Stock>['columns'] = [
    {
      key: 'product',
      title: t('commerce.field.product'),
      render: (_, s) => (
        <Flex vertical>
          <span>
            {s.productTitle} <Typography.Text type="secondary">· {s.spec}</Typography.Text>
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.merchantName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'received',
      title: t('commerce.warehouse.received'),
      dataIndex: 'receivedQty',
      align: 'right',
      width: 100,
    },
    {
      key: 'allocated',
      title: t('commerce.warehouse.allocated'),
      dataIndex: 'allocatedQty',
      align: 'right',
      width: 100,
    },
    {
      key: 'sold',
      title: t('commerce.warehouse.sold'),
      align: 'right',
      width: 100,
      render: (_, s) => <span data-testid={`stock-sold-${s.skuId}`}>{s.soldQty}</span>,
    },
    {
      key: 'available',
      title: t('commerce.warehouse.availableQty'),
      width: 200,
      render: (_, s) => (
        <Flex align="center" gap={8}>
          <Typography.Text
            strong
            style={{ minWidth: 48, textAlign: 'right' }}
            data-testid={`stock-available-${s.skuId}`}
          >
            {s.availableQty}
          </Typography.Text>
          <Progress
            percent={s.receivedQty === 0 ? 0 : Math.round((s.availableQty / s.receivedQty) * 100)}
            size="small"
            showInfo={false}
            style={{ width: 100, margin: 0 }}
          />
        </Flex>
      ),
    },
    {
      key: 'loc',
      title: t('commerce.warehouse.locations'),
      render: (_, s) =>
        s.locations.map((l) => (
          <Tag key={l} className="lc-mono">
            {l}
          </Tag>
        )),
    },
  ];

  return (
    <SubmissionQueuePage
      testId="page-before-warehouse"
      title={t('commerce.warehouse.title')}
      subtitle={t('commerce.warehouse.subtitle')}
      status="approved"
      showStatus
      pending={{
        label: t('commerce.warehouse.tabPending'),
        empty: t('commerce.warehouse.pendingEmpty'),
        testId: 'warehouse-pending-table',
      }}
      action={{
        allowed: canManage,
        label: t('commerce.warehouse.receive'),
        width: 110,
        testId: (id) => `warehouse-receive-${id}`,
      }}
      idleTab="stock"
      tabs={(open) => [
        {
          key: 'receipts',
          label: t('commerce.warehouse.tabReceipts'),
          children: (
            <QueueTable
              query={commerceQueries.receipts()}
              columns={receiptColumns(open)}
              emptyText={t('commerce.warehouse.receiptsEmpty')}
              testId="warehouse-receipt-table"
            />
          ),
        },
        {
          key: 'stock',
          label: t('commerce.warehouse.tabStock'),
          children: (
            <QueueTable
              query={commerceQueries.stock()}
              columns={stockColumns}
              rowKey="skuId"
              emptyText={t('commerce.warehouse.stockEmpty')}
              testId="warehouse-stock-table"
            />
          ),
        },
      ]}
      renderForm={(submission, close) => (
        <ReceiptModal
          submission={submission}
          onClose={close}
          onDone={() => {
            close();
            // A receipt moves the submission to warehoused and adds to receipts and stock.
            void queryClient.invalidateQueries({ queryKey: submissionsKey });
            void queryClient.invalidateQueries({ queryKey: warehouseKey });
          }}
        />
      )}
    />
  );
}
