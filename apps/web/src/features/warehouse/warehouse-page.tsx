import type {
  ReceiptDto as Receipt,
  StockDto as Stock,
  SubmissionDto as Submission,
} from '@livecloud/commerce/schemas';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Progress, Table, Tabs, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../merchants/commerce.css';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../auth/session-context';
import { staffImageUrl, submissionsApi } from '../merchants/commerce.api';
import {
  commerceQueries,
  submissionDetailKey,
  submissionsKey,
  warehouseKey,
} from '../merchants/commerce.queries';
import { SubmissionStatusTag } from '../../components/status-tags';
import { actorLabel, useStaffNames } from '../merchants/use-staff-names';
import { SubmissionDrawer } from '../submissions/submission-drawer';
import { ReceiptModal } from './receipt-modal';

type TabKey = 'pending' | 'receipts' | 'stock';

/** 仓储: approved products to book in, receipts, and stock (received − allocated) per SKU. */
export function WarehousePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const canManage = can('commerce:manage');
  const names = useStaffNames();
  const [tab, setTab] = useState<TabKey>('pending');
  const queryClient = useQueryClient();
  const pending = useQuery(commerceQueries.submissions('approved'));
  const receipts = useQuery(commerceQueries.receipts());
  const stock = useQuery(commerceQueries.stock());
  const [receiving, setReceiving] = useState<Submission | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);

  const pendingColumns: TableProps<Submission>['columns'] = [
    {
      key: 'product',
      title: t('commerce.field.product'),
      render: (_, s) => (
        <Typography.Link strong onClick={() => setOpenId(s.id)}>
          {s.productTitle}
        </Typography.Link>
      ),
    },
    { key: 'merchant', title: t('commerce.field.merchant'), dataIndex: 'merchantName' },
    {
      key: 'status',
      title: t('commerce.field.status'),
      width: 120,
      render: (_, s) => <SubmissionStatusTag status={s.status} />,
    },
    {
      key: 'at',
      title: t('commerce.field.updatedAt'),
      width: 150,
      render: (_, s) => formatDateTime(s.statusChangedAt),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 110,
      render: (_, s) =>
        canManage ? (
          <Button
            type="primary"
            size="small"
            onClick={() => setReceiving(s)}
            data-testid={`warehouse-receive-${s.id}`}
          >
            {t('commerce.warehouse.receive')}
          </Button>
        ) : null,
    },
  ];
  const receiptColumns: TableProps<Receipt>['columns'] = [
    {
      key: 'product',
      title: t('commerce.field.product'),
      render: (_, r) => (
        <Typography.Link onClick={() => setOpenId(r.submissionId)}>
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

  const reloadAll = () => {
    // A receipt moves the submission to warehoused and adds to receipts and stock.
    void queryClient.invalidateQueries({ queryKey: submissionsKey });
    void queryClient.invalidateQueries({ queryKey: warehouseKey });
  };
  return (
    <div data-testid="page-before-warehouse">
      <PageHeader title={t('commerce.warehouse.title')} subtitle={t('commerce.warehouse.subtitle')} />
      <Card className="lc-card">
        {pending.error && !pending.data ? (
          <LoadError error={pending.error} onRetry={() => void pending.refetch()} />
        ) : (
          <Tabs
            activeKey={tab}
            onChange={(key) => setTab(key as TabKey)}
            items={[
              {
                key: 'pending',
                label: `${t('commerce.warehouse.tabPending')} ${pending.data?.items.length ?? ''}`,
                children: (
                  <Table<Submission>
                    rowKey="id"
                    columns={pendingColumns}
                    dataSource={pending.data?.items ?? []}
                    loading={pending.isFetching}
                    pagination={false}
                    locale={{ emptyText: t('commerce.warehouse.pendingEmpty') }}
                    data-testid="warehouse-pending-table"
                  />
                ),
              },
              {
                key: 'receipts',
                label: t('commerce.warehouse.tabReceipts'),
                children: (
                  <Table<Receipt>
                    rowKey="id"
                    columns={receiptColumns}
                    dataSource={receipts.data?.items ?? []}
                    loading={receipts.isFetching}
                    pagination={{ pageSize: 20, hideOnSinglePage: true }}
                    locale={{ emptyText: t('commerce.warehouse.receiptsEmpty') }}
                    scroll={{ x: 'max-content' }}
                    data-testid="warehouse-receipt-table"
                  />
                ),
              },
              {
                key: 'stock',
                label: t('commerce.warehouse.tabStock'),
                children: (
                  <Table<Stock>
                    rowKey="skuId"
                    columns={stockColumns}
                    dataSource={stock.data?.items ?? []}
                    loading={stock.isFetching}
                    pagination={{ pageSize: 20, hideOnSinglePage: true }}
                    locale={{ emptyText: t('commerce.warehouse.stockEmpty') }}
                    scroll={{ x: 'max-content' }}
                    data-testid="warehouse-stock-table"
                  />
                ),
              },
            ]}
          />
        )}
      </Card>
      <ReceiptModal
        submission={receiving}
        onClose={() => setReceiving(null)}
        onDone={() => {
          setReceiving(null);
          reloadAll();
        }}
      />
      <SubmissionDrawer
        submissionId={openId}
        detailKey={submissionDetailKey}
        load={submissionsApi.get}
        imageUrl={staffImageUrl}
        onClose={() => setOpenId(null)}
      />
    </div>
  );
}
