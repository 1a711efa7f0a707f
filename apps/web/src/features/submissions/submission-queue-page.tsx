import type { SubmissionDto as Submission } from '@livecloud/commerce/schemas';
import type { SubmissionStatus } from '@livecloud/contracts/vocabulary';
import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { Button, Card, Table, Tabs, Typography, type TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '../merchants/commerce.css';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { SubmissionStatusTag } from '../../components/status-tags';
import { formatDateTime } from '../../lib/format';
import { staffImageUrl, submissionsApi } from '../merchants/commerce.api';
import { commerceQueries, submissionDetailKey } from '../merchants/commerce.queries';
import { SubmissionDrawer } from './submission-drawer';

/** One of a queue page's further tabs (records, templates, stock …). */
export interface QueueTab {
  key: string;
  label: string;
  children: ReactNode;
}

/**
 * A table over a list query's items: loading while it fetches, paged by 20 when `paged`. It
 * observes the query itself, so a tab opened after a refetch shows the fresh list.
 */
export function QueueTable<D extends { items: object[] }, K extends QueryKey>({
  query,
  columns,
  rowKey = 'id',
  emptyText,
  testId,
  paged = true,
}: {
  query: UseQueryOptions<D, Error, D, K>;
  columns: TableProps<D['items'][number]>['columns'];
  rowKey?: TableProps<D['items'][number]>['rowKey'];
  emptyText: string;
  testId: string;
  paged?: boolean;
}) {
  const { data, isFetching } = useQuery(query);
  return (
    <Table<D['items'][number]>
      rowKey={rowKey}
      columns={columns}
      dataSource={data?.items ?? []}
      loading={isFetching}
      pagination={paged ? { pageSize: 20, hideOnSinglePage: true } : false}
      locale={{ emptyText }}
      scroll={paged ? { x: 'max-content' } : undefined}
      data-testid={testId}
    />
  );
}

/**
 * A staff desk that works through the submissions waiting in one status (samples for QC,
 * approved products for the warehouse): the waiting list with one action per row, further
 * tabs, the form the action opens, and the submission drawer. The pages only configure it.
 */
export function SubmissionQueuePage({
  testId,
  title,
  subtitle,
  headerExtra,
  status,
  showStatus = false,
  pending,
  action,
  tabs,
  idleTab,
  error,
  renderForm,
  children,
}: {
  testId: string;
  title: string;
  subtitle: string;
  headerExtra?: ReactNode;
  /** The status whose submissions wait here. */
  status: SubmissionStatus;
  showStatus?: boolean;
  pending: { label: string; empty: string; testId: string };
  /** What a row's button does; `allowed` false hides it. */
  action: { allowed: boolean; label: string; width: number; testId: (id: string) => string };
  /** Further tabs; `open` shows a submission in the drawer. */
  tabs: (open: (submissionId: string) => void) => QueueTab[];
  /** The tab the page opens on when nothing waits (the one with work in it), until a tab is chosen. */
  idleTab: string;
  /** A failure of another tab's query that should also replace the content. */
  error?: unknown;
  renderForm: (submission: Submission | null, close: () => void) => ReactNode;
  /** The page's own modals. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [chosen, setTab] = useState<string | null>(null);
  const waiting = useQuery(commerceQueries.submissions(status));
  // An empty waiting list is not where the work is: open on the page's idle tab instead.
  const tab = chosen ?? (waiting.data?.items.length === 0 ? idleTab : 'pending');
  const [acting, setActing] = useState<Submission | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);

  const columns: TableProps<Submission>['columns'] = [
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
    ...(showStatus
      ? [
          {
            key: 'status',
            title: t('commerce.field.status'),
            width: 120,
            render: (_: unknown, s: Submission) => <SubmissionStatusTag status={s.status} />,
          },
        ]
      : []),
    {
      key: 'at',
      title: t('commerce.field.updatedAt'),
      width: 150,
      render: (_, s) => formatDateTime(s.statusChangedAt),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: action.width,
      render: (_, s) =>
        action.allowed ? (
          <Button type="primary" size="small" onClick={() => setActing(s)} data-testid={action.testId(s.id)}>
            {action.label}
          </Button>
        ) : null,
    },
  ];

  const failure = waiting.error ?? error;
  return (
    <div data-testid={testId}>
      <PageHeader title={title} subtitle={subtitle} extra={headerExtra} />
      <Card className="lc-card">
        {failure && !waiting.data ? (
          <LoadError error={failure} onRetry={() => void waiting.refetch()} />
        ) : (
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'pending',
                label: `${pending.label} ${waiting.data?.items.length ?? ''}`,
                children: (
                  <QueueTable
                    query={commerceQueries.submissions(status)}
                    columns={columns}
                    emptyText={pending.empty}
                    testId={pending.testId}
                    paged={false}
                  />
                ),
              },
              ...tabs(setOpenId),
            ]}
          />
        )}
      </Card>
      {renderForm(acting, () => setActing(null))}
      <SubmissionDrawer
        submissionId={openId}
        detailKey={submissionDetailKey}
        load={submissionsApi.get}
        imageUrl={staffImageUrl}
        onClose={() => setOpenId(null)}
      />
      {children}
    </div>
  );
}
