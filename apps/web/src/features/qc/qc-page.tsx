import type {
  InspectionListItemDto as InspectionListItem,
  QcTemplateDto as QcTemplate,
} from '@livecloud/commerce/schemas';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../merchants/commerce.css';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../auth/session-context';
import { commerceQueries, submissionsKey } from '../merchants/commerce.queries';
import { actorLabel, useStaffNames } from '../merchants/use-staff-names';
import { QueueTable, SubmissionQueuePage } from '../submissions/submission-queue-page';
import { InspectionModal } from './inspection-modal';
import { TemplateModal } from './template-modal';

/** 品控: samples waiting for inspection, past inspections, and the checklist of each category. */
export function QcPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const canInspect = can('qc:manage');
  const names = useStaffNames();
  const queryClient = useQueryClient();
  const records = useQuery(commerceQueries.inspections());
  const categories = useQuery(commerceQueries.categories());
  const [editing, setEditing] = useState<QcTemplate | 'new' | null>(null);

  const recordColumns = (open: (submissionId: string) => void): TableProps<InspectionListItem>['columns'] => [
    {
      key: 'product',
      title: t('commerce.field.product'),
      render: (_, i) => (
        <Typography.Link onClick={() => open(i.submissionId)}>{i.productTitle}</Typography.Link>
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

  return (
    <SubmissionQueuePage
      testId="page-before-qc"
      title={t('commerce.qc.title')}
      subtitle={t('commerce.qc.subtitle')}
      headerExtra={
        canInspect ? (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="qc-template-add">
            {t('commerce.qc.addTemplate')}
          </Button>
        ) : null
      }
      status="sample_received"
      pending={{
        label: t('commerce.qc.tabPending'),
        empty: t('commerce.qc.pendingEmpty'),
        testId: 'qc-pending-table',
      }}
      action={{
        allowed: canInspect,
        label: t('commerce.qc.inspect'),
        width: 100,
        testId: (id) => `qc-inspect-${id}`,
      }}
      error={records.error}
      idleTab="records"
      tabs={(open) => [
        {
          key: 'records',
          label: t('commerce.qc.tabRecords'),
          children: (
            <QueueTable
              query={commerceQueries.inspections()}
              columns={recordColumns(open)}
              emptyText={t('commerce.qc.recordsEmpty')}
              testId="qc-records-table"
            />
          ),
        },
        {
          key: 'templates',
          label: t('commerce.qc.tabTemplates'),
          children: (
            <QueueTable
              query={commerceQueries.qcTemplates()}
              columns={templateColumns}
              emptyText={t('commerce.qc.templatesEmpty')}
              testId="qc-template-table"
              paged={false}
            />
          ),
        },
      ]}
      renderForm={(submission, close) => (
        <InspectionModal
          submission={submission}
          onClose={close}
          onDone={() => {
            close();
            // An inspection moves the submission on (QC passed or failed) and adds a record.
            void queryClient.invalidateQueries({ queryKey: submissionsKey });
            void queryClient.invalidateQueries({ queryKey: commerceQueries.inspections().queryKey });
          }}
        />
      )}
    >
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
    </SubmissionQueuePage>
  );
}
