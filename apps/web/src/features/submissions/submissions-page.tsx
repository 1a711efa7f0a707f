import type { SubmissionDto as Submission } from '@livecloud/commerce/schemas';
import { submissionStatuses, type SubmissionStatus } from '@livecloud/contracts/vocabulary';
import { SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Input, Table, Tabs, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../merchants/commerce.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../auth/session-context';
import { staffImageUrl, submissionsApi } from '../merchants/commerce.api';
import { commerceQueries, submissionDetailKey, submissionListsKey } from '../merchants/commerce.queries';
import { SubmissionStatusTag } from '../../components/status-tags';
import { ImportModal } from './import-modal';
import { SubmissionActions } from './submission-actions';
import { SubmissionDrawer } from './submission-drawer';

type Filter = 'all' | SubmissionStatus;

/** 报品: every submission, filtered by status, moved along with the actions its status allows. */
export function SubmissionsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const canManage = can('commerce:manage');
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const queryClient = useQueryClient();
  const { data, error, isFetching: loading, refetch } = useQuery(commerceQueries.submissions(filter));
  const merchants = useQuery(commerceQueries.merchants());
  const reload = () => void queryClient.invalidateQueries({ queryKey: submissionListsKey });
  const counts = data?.counts ?? {};
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);

  const rows = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return (data?.items ?? []).filter(
      (s) =>
        needle === '' ||
        s.productTitle.toLowerCase().includes(needle) ||
        s.merchantName.toLowerCase().includes(needle),
    );
  }, [data, query]);

  const columns: TableProps<Submission>['columns'] = [
    {
      key: 'product',
      title: t('commerce.field.product'),
      render: (_, s) => (
        <Flex vertical>
          <Typography.Link strong onClick={() => setOpenId(s.id)} data-testid={`submission-open-${s.id}`}>
            {s.productTitle}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.merchantName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'target',
      title: t('commerce.field.target'),
      width: 150,
      render: (_, s) =>
        s.target === 'pool' ? (
          t('commerce.target.pool')
        ) : (
          <span className="lc-nowrap">
            {t('commerce.target.session')} <span className="lc-mono">{s.sessionRef}</span>
          </span>
        ),
    },
    {
      key: 'status',
      title: t('commerce.field.status'),
      width: 140,
      render: (_, s) => (
        <Flex vertical gap={2} align="flex-start">
          <SubmissionStatusTag status={s.status} />
          {s.statusReason && (s.status === 'rejected' || s.status === 'qc_failed') ? (
            <Typography.Text
              type="secondary"
              ellipsis
              style={{ fontSize: 12, maxWidth: 160 }}
              title={s.statusReason}
            >
              {s.statusReason}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'changed',
      title: t('commerce.field.updatedAt'),
      width: 150,
      render: (_, s) => <span className="lc-nowrap">{formatDateTime(s.statusChangedAt)}</span>,
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, s: Submission) => (
              <SubmissionActions submission={s} size="small" onMoved={reload} />
            ),
          },
        ]
      : []),
  ];

  const tabLabel = (status: Filter) => (
    <span>
      {status === 'all' ? t('common.all') : t(`commerce.submissionStatus.${status}`)}{' '}
      {(status === 'all' ? total : (counts[status] ?? 0)) > 0 ? (
        <Badge
          count={status === 'all' ? total : counts[status]}
          color={status === 'all' ? '#1664ff' : '#8c8c8c'}
          size="small"
          overflowCount={999}
        />
      ) : null}
    </span>
  );

  return (
    <div data-testid="page-before-submissions">
      <PageHeader
        title={t('commerce.submissions.title')}
        subtitle={t('commerce.submissions.subtitle')}
        extra={
          canManage ? (
            <Button
              icon={<UploadOutlined />}
              onClick={() => setImporting(true)}
              data-testid="submission-import"
            >
              {t('commerce.submissions.import')}
            </Button>
          ) : null
        }
      />
      <Card className="lc-card">
        <Tabs
          activeKey={filter}
          onChange={(key) => setFilter(key as Filter)}
          items={(['all', ...submissionStatuses] as Filter[]).map((status) => ({
            key: status,
            label: tabLabel(status),
          }))}
          data-testid="submission-status-tabs"
        />
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Input
            allowClear
            prefix={<SearchOutlined className="lc-input-icon" />}
            placeholder={t('commerce.common.search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            style={{ width: 260 }}
          />
        </Flex>
        {error && !data ? (
          <LoadError error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<Submission>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={loading}
            pagination={{
              pageSize: 20,
              hideOnSinglePage: true,
              showTotal: (n) => t('common.total', { count: n }),
            }}
            locale={{ emptyText: t('commerce.submissions.empty') }}
            scroll={{ x: 'max-content' }}
            data-testid="submission-table"
          />
        )}
      </Card>
      <SubmissionDrawer
        submissionId={openId}
        detailKey={submissionDetailKey}
        load={submissionsApi.get}
        imageUrl={staffImageUrl}
        onClose={() => setOpenId(null)}
        actions={
          canManage
            ? (detail, replace) => (
                <SubmissionActions
                  submission={detail}
                  onMoved={(next) => {
                    replace(next);
                    reload();
                  }}
                />
              )
            : undefined
        }
      />
      <ImportModal
        open={importing}
        merchants={(merchants.data?.items ?? []).filter((m) => m.status === 'approved')}
        onImport={({ merchantId, ...input }) =>
          submissionsApi.importCsv({ ...input, merchantId: merchantId ?? '' })
        }
        onClose={() => setImporting(false)}
        onImported={reload}
      />
    </div>
  );
}
