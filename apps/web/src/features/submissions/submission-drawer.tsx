import type {
  ReceiptDto as Receipt,
  SubmissionDetailDto as SubmissionDetail,
} from '@livecloud/commerce/schemas';
import { Alert, Card, Descriptions, Drawer, Empty, Flex, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { LoadError } from '../../components/load-error';
import { formatDateTime, formatFen } from '../../lib/format';
import { SubmissionStatusTag } from '../../components/status-tags';
import { actorLabel, useStaffNames } from '../merchants/use-staff-names';
import { InspectionList } from './inspection-list';
import { ProductCard } from './product-card';
import { SubmissionTimeline } from './submission-timeline';

/**
 * One submission: product and SKUs, where it stands, the deposit check, QC results, receipts
 * and the full history. `actions` renders what the viewer may do (staff moves, or withdraw).
 * `detailKey` is the key prefix of the side it is read from (staff or merchant portal).
 */
export function SubmissionDrawer({
  submissionId,
  detailKey,
  load,
  imageUrl,
  actions,
  onClose,
}: {
  submissionId: string | null;
  detailKey: readonly unknown[];
  load: (id: string, signal: AbortSignal) => Promise<SubmissionDetail>;
  imageUrl: (id: string) => string;
  actions?: (detail: SubmissionDetail, replace: (next: SubmissionDetail) => void) => ReactNode;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const names = useStaffNames();
  const queryClient = useQueryClient();
  const queryKey = [...detailKey, submissionId];
  const { data, error, refetch } = useQuery({
    queryKey,
    queryFn: submissionId ? ({ signal }) => load(submissionId, signal) : skipToken,
  });
  const replace = (next: SubmissionDetail) => queryClient.setQueryData(queryKey, next);

  const hint =
    data?.status === 'sample_received'
      ? t('commerce.submissions.nextQc')
      : data?.status === 'approved'
        ? t('commerce.submissions.nextWarehouse')
        : null;
  return (
    <Drawer
      open={submissionId !== null}
      onClose={onClose}
      size={860}
      destroyOnHidden
      title={
        data ? (
          <Flex align="center" gap={8}>
            <span>{data.productTitle}</span>
            <SubmissionStatusTag status={data.status} />
          </Flex>
        ) : (
          t('commerce.common.detail')
        )
      }
      extra={data && actions ? actions(data, replace) : null}
      data-testid="submission-drawer"
    >
      {error && !data ? <LoadError error={error} onRetry={() => void refetch()} /> : null}
      {data ? (
        <Flex vertical gap={16}>
          {data.statusReason &&
          (data.status === 'rejected' || data.status === 'qc_failed' || data.status === 'withdrawn') ? (
            <Alert type="error" showIcon title={data.statusReason} />
          ) : null}
          {hint ? <Alert type="info" showIcon title={hint} /> : null}
          <Descriptions
            size="small"
            bordered
            column={3}
            items={[
              { key: 'merchant', label: t('commerce.field.merchant'), children: data.merchantName },
              {
                key: 'target',
                label: t('commerce.field.target'),
                children:
                  data.target === 'pool'
                    ? t('commerce.target.pool')
                    : `${t('commerce.target.session')} ${data.sessionRef ?? ''}`,
              },
              {
                key: 'created',
                label: t('commerce.field.createdAt'),
                children: formatDateTime(data.createdAt),
              },
            ]}
          />
          <Card size="small" title={t('commerce.submissions.product')}>
            <ProductCard product={data.product} imageUrl={imageUrl} />
          </Card>
          <Alert
            type={data.deposit.sufficient ? 'success' : 'warning'}
            showIcon
            title={
              data.deposit.sufficient
                ? t('commerce.submissions.depositOk')
                : t('commerce.submissions.depositShort', {
                    required: formatFen(data.deposit.requiredFen),
                    available: formatFen(data.deposit.availableFen),
                  })
            }
            data-testid="submission-deposit-check"
          />
          <Card size="small" title={t('commerce.submissions.inspections')}>
            {data.inspections.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('commerce.common.none')} />
            ) : (
              <InspectionList inspections={data.inspections} names={names} imageUrl={imageUrl} />
            )}
          </Card>
          {data.receipts.length > 0 ? (
            <Card size="small" title={t('commerce.submissions.receipts')}>
              <Table<Receipt>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={data.receipts}
                columns={[
                  { key: 'spec', title: t('commerce.field.spec'), dataIndex: 'spec' },
                  { key: 'qty', title: t('commerce.field.quantity'), dataIndex: 'quantity', align: 'right' },
                  { key: 'loc', title: t('commerce.field.location'), dataIndex: 'location' },
                  { key: 'at', title: t('commerce.field.time'), render: (_, r) => formatDateTime(r.at) },
                  {
                    key: 'by',
                    title: t('commerce.field.operator'),
                    render: (_, r) => actorLabel(t, r.actor, names),
                  },
                ]}
              />
            </Card>
          ) : null}
          <Card size="small" title={t('commerce.submissions.history')}>
            <SubmissionTimeline history={data.history} names={names} />
          </Card>
        </Flex>
      ) : null}
      {!data && !error ? <Typography.Text type="secondary">{t('common.loading')}</Typography.Text> : null}
    </Drawer>
  );
}
