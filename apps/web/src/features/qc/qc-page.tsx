import type {
  InspectionListItemDto as InspectionListItem,
  QcTemplateDto as QcTemplate,
  SubmissionDto as Submission,
} from '@livecloud/commerce/schemas';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Table, Tabs, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../merchants/commerce.css';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../auth/session-context';
import { staffImageUrl, submissionsApi } from '../merchants/commerce.api';
import { commerceQueries, submissionDetailKey, submissionsKey } from '../merchants/commerce.queries';
import { actorLabel, useStaffNames } from '../merchants/use-staff-names';
import { SubmissionDrawer } from '../submissions/submission-drawer';
import { InspectionModal } from './inspection-modal';
import { TemplateModal } from './template-modal';

type TabKey = 'pending' | 'records' | 'templates';

/** 品控: samples waiting for inspection, past inspections, and the checklist of each category. */
export function QcPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const canInspect = can('qc:manage');
  const names = useStaffNames();
  const [tab, setTab] = useState<TabKey>('pending');
  const queryClient = useQueryClient();
  const pending = useQuery(commerceQueries.submissions('sample_received'));
  const records = useQuery(commerceQueries.inspections());
  const templates = useQuery(commerceQueries.qcTemplates());
  const categories = useQuery(commerceQueries.categories());
  const [inspecting, setInspecting] = useState<Submission | null>(null);
  const [editing, setEditing] = useState<QcTemplate | 'new' | null>(null);
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
    { key: 'at', title: t('commerce.field.updatedAt'), render: (_, s) => formatDateTime(s.statusChangedAt) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      render: (_, s) =>
        canInspect ? (
          <Button
            type="primary"
            size="small"
            onClick={() => setInspecting(s)}
            data-testid={`qc-inspect-${s.id}`}
          >
            {t('commerce.qc.inspect')}
          </Button>
        ) : null,
    },
  ];
  const recordColumns: TableProps<InspectionListItem>['columns'] = [
    {
      key: 'product',
      title: t('commerce.field.product'),
      render: (_, i) => (
        <Typography.Link onClick={() => setOpenId(i.submissionId)}>{i.productTitle}</Typography.Link>
      ),
    },
    { key: 'merchant', title: t('commerce.field.merchant'), dataIndex: 'merchantName' },
    {
      key: 'result',
      title: t('commerce.qc.result'),
      width: 90,
      render: (_, i) => (
        <Tag color={i.passed ? 'success' : 'error'}>
          {i.passed ? t('commerce.qc.passed') : t('commerce.qc.failed')}
        </Tag>
      ),
    },
    {
      key: 'failed',
      title: t('commerce.field.reason'),
      render: (_, i) =>
        i.results
          .filter((r) => !r.passed)
          .map((r) => (
            <div key={r.key}>
              {r.label}：{r.reason}
            </div>
          )),
    },
    {
      key: 'by',
      title: t('commerce.qc.inspector'),
      width: 100,
      render: (_, i) => actorLabel(t, i.actor, names),
    },
    { key: 'at', title: t('commerce.field.time'), width: 150, render: (_, i) => formatDateTime(i.at) },
  ];
  const templateColumns: TableProps<QcTemplate>['columns'] = [
    { key: 'category', title: t('commerce.field.category'), render: (_, q) => <Tag>{q.categoryPath}</Tag> },
    { key: 'name', title: t('commerce.qc.templateName'), dataIndex: 'name' },
    {
      key: 'items',
      title: t('commerce.qc.items'),
      render: (_, q) => (
        <Flex gap={4} wrap>
          {q.items.map((item) => (
            <Tag key={item.key} color={item.required ? 'blue' : undefined}>
              {item.label}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'updated',
      title: t('commerce.field.updatedAt'),
      width: 150,
      render: (_, q) => formatDateTime(q.updatedAt),
    },
    ...(canInspect
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 90,
            render: (_: unknown, q: QcTemplate) => (
              <Button type="link" size="small" onClick={() => setEditing(q)}>
                {t('commerce.categories.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const error = pending.error ?? records.error;
  return (
    <div data-testid="page-before-qc">
      <PageHeader
        title={t('commerce.qc.title')}
        subtitle={t('commerce.qc.subtitle')}
        extra={
          canInspect ? (
            <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="qc-template-add">
              {t('commerce.qc.addTemplate')}
            </Button>
          ) : null
        }
      />
      <Card className="lc-card">
        {error && !pending.data ? (
          <LoadError error={error} onRetry={() => void pending.refetch()} />
        ) : (
          <Tabs
            activeKey={tab}
            onChange={(key) => setTab(key as TabKey)}
            items={[
              {
                key: 'pending',
                label: `${t('commerce.qc.tabPending')} ${pending.data?.items.length ?? ''}`,
                children: (
                  <Table<Submission>
                    rowKey="id"
                    columns={pendingColumns}
                    dataSource={pending.data?.items ?? []}
                    loading={pending.isFetching}
                    pagination={false}
                    locale={{ emptyText: t('commerce.qc.pendingEmpty') }}
                    data-testid="qc-pending-table"
                  />
                ),
              },
              {
                key: 'records',
                label: t('commerce.qc.tabRecords'),
                children: (
                  <Table<InspectionListItem>
                    rowKey="id"
                    columns={recordColumns}
                    dataSource={records.data?.items ?? []}
                    loading={records.isFetching}
                    pagination={{ pageSize: 20, hideOnSinglePage: true }}
                    locale={{ emptyText: t('commerce.qc.recordsEmpty') }}
                    scroll={{ x: 'max-content' }}
                    data-testid="qc-records-table"
                  />
                ),
              },
              {
                key: 'templates',
                label: t('commerce.qc.tabTemplates'),
                children: (
                  <Table<QcTemplate>
                    rowKey="id"
                    columns={templateColumns}
                    dataSource={templates.data?.items ?? []}
                    loading={templates.isFetching}
                    pagination={false}
                    locale={{ emptyText: t('commerce.qc.templatesEmpty') }}
                    data-testid="qc-template-table"
                  />
                ),
              },
            ]}
          />
        )}
      </Card>
      <InspectionModal
        submission={inspecting}
        onClose={() => setInspecting(null)}
        onDone={() => {
          setInspecting(null);
          // An inspection moves the submission on (QC passed or failed) and adds a record.
          void queryClient.invalidateQueries({ queryKey: submissionsKey });
          void queryClient.invalidateQueries({ queryKey: commerceQueries.inspections().queryKey });
        }}
      />
      <TemplateModal
        open={editing !== null}
        template={editing === 'new' ? null : editing}
        categories={categories.data?.items ?? []}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void queryClient.invalidateQueries({ queryKey: commerceQueries.qcTemplates().queryKey });
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
