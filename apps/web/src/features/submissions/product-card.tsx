import type { ProductDto as Product, SkuDto as Sku } from '@livecloud/commerce/schemas';
import { Descriptions, Empty, Flex, Image, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../lib/format';
import { formatBp } from '../../lib/money';

/** A product's facts, images and SKUs with prices in ¥ and commission in %. */
export function ProductCard({ product, imageUrl }: { product: Product; imageUrl: (id: string) => string }) {
  const { t } = useTranslation();
  const columns: TableProps<Sku>['columns'] = [
    { key: 'spec', title: t('commerce.field.spec'), dataIndex: 'spec' },
    {
      key: 'list',
      title: t('commerce.field.listPrice'),
      align: 'right',
      render: (_, s) => (
        <Typography.Text delete type="secondary">
          {formatFen(s.listPriceFen)}
        </Typography.Text>
      ),
    },
    {
      key: 'live',
      title: t('commerce.field.livePrice'),
      align: 'right',
      render: (_, s) => (
        <Typography.Text strong style={{ color: '#f5222d' }}>
          {formatFen(s.livePriceFen)}
        </Typography.Text>
      ),
    },
    { key: 'cost', title: t('commerce.field.cost'), align: 'right', render: (_, s) => formatFen(s.costFen) },
    {
      key: 'commission',
      title: t('commerce.field.commission'),
      align: 'right',
      render: (_, s) => formatBp(s.commissionBp),
    },
    { key: 'stock', title: t('commerce.field.stock'), align: 'right', dataIndex: 'stock' },
  ];
  return (
    <div data-testid="product-card">
      <Flex gap={16} align="flex-start" wrap>
        <Image.PreviewGroup>
          <Flex gap={8} wrap>
            {product.imageIds.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('commerce.submissions.noImages')}
                style={{ margin: 0, width: 96 }}
              />
            ) : (
              product.imageIds.map((id) => (
                <Image
                  key={id}
                  src={imageUrl(id)}
                  width={96}
                  height={96}
                  style={{ objectFit: 'cover', borderRadius: 6 }}
                />
              ))
            )}
          </Flex>
        </Image.PreviewGroup>
        <Descriptions
          size="small"
          column={2}
          style={{ flex: 1, minWidth: 320 }}
          items={[
            {
              key: 'title',
              label: t('commerce.field.product'),
              span: 2,
              children: <Typography.Text strong>{product.title}</Typography.Text>,
            },
            { key: 'brand', label: t('commerce.field.brand'), children: product.brand ?? '—' },
            { key: 'category', label: t('commerce.field.category'), children: product.categoryPath },
            { key: 'merchant', label: t('commerce.field.merchant'), span: 2, children: product.merchantName },
            { key: 'claims', label: t('commerce.field.claims'), span: 2, children: product.claims ?? '—' },
          ]}
        />
      </Flex>
      <Table<Sku>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={product.skus}
        pagination={false}
        style={{ marginTop: 12 }}
        scroll={{ x: 'max-content' }}
        data-testid="sku-table"
      />
    </div>
  );
}
