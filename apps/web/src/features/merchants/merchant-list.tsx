import type { CategoryDto as Category, MerchantDto as Merchant } from '@livecloud/commerce/schemas';
import { merchantStatuses, type MerchantStatus } from '@livecloud/contracts/vocabulary';
import { SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Segmented, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatFen } from '../../lib/format';
import { MerchantStatusTag } from '../../components/status-tags';

type Filter = 'all' | MerchantStatus;

/** The merchants table with a status filter (with counts) and search. */
export function MerchantList({
  merchants,
  categories,
  loading,
  onOpen,
}: {
  merchants: Merchant[];
  categories: Category[];
  loading: boolean;
  onOpen: (merchant: Merchant) => void;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');
  const pathOf = (id: string) => categories.find((c) => c.id === id)?.path ?? id;

  const rows = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return merchants.filter(
      (m) =>
        (filter === 'all' || m.status === filter) &&
        (needle === '' ||
          m.companyName.toLowerCase().includes(needle) ||
          m.licenceNo.toLowerCase().includes(needle)),
    );
  }, [merchants, filter, query]);
  const count = (status: MerchantStatus) => merchants.filter((m) => m.status === status).length;

  const columns: TableProps<Merchant>['columns'] = [
    {
      key: 'company',
      title: t('commerce.field.company'),
      render: (_, m) => (
        <Flex vertical>
          <Typography.Link strong onClick={() => onOpen(m)} data-testid={`merchant-open-${m.id}`}>
            {m.companyName}
          </Typography.Link>
          <Typography.Text type="secondary" className="lc-mono" style={{ fontSize: 12 }}>
            {m.licenceNo}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'contact',
      title: t('commerce.field.contact'),
      render: (_, m) => (
        <Flex vertical>
          <span>{m.contact.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.contact.phone}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'categories',
      title: t('commerce.field.categories'),
      render: (_, m) => m.categoryIds.map((id) => <Tag key={id}>{pathOf(id)}</Tag>),
    },
    {
      key: 'status',
      title: t('commerce.field.status'),
      width: 110,
      render: (_, m) => <MerchantStatusTag status={m.status} />,
    },
    {
      key: 'deposit',
      title: t('commerce.field.balance'),
      align: 'right',
      width: 140,
      sorter: (a, b) => a.depositBalanceFen - b.depositBalanceFen,
      render: (_, m) => <span className="lc-nowrap">{formatFen(m.depositBalanceFen)}</span>,
    },
    {
      key: 'applied',
      title: t('commerce.field.appliedAt'),
      width: 160,
      sorter: (a, b) => a.appliedAt.localeCompare(b.appliedAt),
      render: (_, m) => <span className="lc-nowrap">{formatDateTime(m.appliedAt)}</span>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 80,
      render: (_, m) => (
        <Button type="link" size="small" onClick={() => onOpen(m)}>
          {t('commerce.common.open')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" gap={12} wrap style={{ marginBottom: 16 }}>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: `${t('common.all')} ${merchants.length}` },
            ...merchantStatuses.map((s) => ({
              value: s,
              label: `${t(`commerce.merchantStatus.${s}`)} ${count(s)}`,
            })),
          ]}
          data-testid="merchant-status-filter"
        />
        <Input
          allowClear
          prefix={<SearchOutlined className="lc-input-icon" />}
          placeholder={t('commerce.merchants.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          style={{ maxWidth: 280 }}
        />
      </Flex>
      <Table<Merchant>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={{
          pageSize: 20,
          hideOnSinglePage: true,
          showTotal: (total) => t('common.total', { count: total }),
        }}
        locale={{ emptyText: t('commerce.merchants.empty') }}
        scroll={{ x: 'max-content' }}
        data-testid="merchant-table"
      />
    </>
  );
}
