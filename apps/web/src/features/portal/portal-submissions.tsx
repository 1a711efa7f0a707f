import type {
  CategoryDto as Category,
  SubmissionDetailDto as SubmissionDetail,
  SubmissionDto as Submission,
  SubmissionListDto as SubmissionList,
} from '@livecloud/commerce/schemas';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { commerceErrorMessage } from '../merchants/commerce-error';
import { SubmissionStatusTag } from '../../components/status-tags';
import { ImportModal } from '../submissions/import-modal';
import { SubmissionDrawer } from '../submissions/submission-drawer';
import { portalApi, portalImageUrl } from './portal.api';
import { portalSubmissionDetailKey } from './portal.queries';
import { ProductFormModal } from './product-form-modal';

function WithdrawButton({
  submission,
  onDone,
}: {
  submission: Submission;
  onDone: (next: SubmissionDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  if (!submission.allowedTransitions.includes('withdrawn')) return null;
  const withdraw = async () => {
    try {
      const next = await portalApi.withdraw(submission.id);
      void message.success(t('commerce.portal.withdrawn'));
      onDone(next);
    } catch (cause) {
      void message.error(commerceErrorMessage(t, cause));
    }
  };
  return (
    <Popconfirm
      title={t('commerce.portal.withdrawConfirm', { title: submission.productTitle })}
      onConfirm={() => void withdraw()}
      okButtonProps={{ danger: true }}
    >
      <Button size="small" danger type="link">
        {t('commerce.portal.withdraw')}
      </Button>
    </Popconfirm>
  );
}

/** The merchant's own submissions: submit a product, import a CSV, follow each one, withdraw. */
export function PortalSubmissions({
  list,
  loading,
  categories,
  canSubmit,
  onChanged,
}: {
  list: SubmissionList | undefined;
  loading: boolean;
  categories: Category[];
  canSubmit: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  const columns: TableProps<Submission>['columns'] = [
    {
      key: 'product',
      title: t('commerce.field.product'),
      render: (_, s) => (
        <Typography.Link strong onClick={() => setOpenId(s.id)} data-testid={`portal-submission-${s.id}`}>
          {s.productTitle}
        </Typography.Link>
      ),
    },
    {
      key: 'target',
      title: t('commerce.field.target'),
      render: (_, s) =>
        s.target === 'pool'
          ? t('commerce.target.pool')
          : `${t('commerce.target.session')} ${s.sessionRef ?? ''}`,
    },
    {
      key: 'status',
      title: t('commerce.field.status'),
      render: (_, s) => (
        <Flex vertical gap={2} align="flex-start">
          <SubmissionStatusTag status={s.status} />
          {s.statusReason && (s.status === 'rejected' || s.status === 'qc_failed') ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.statusReason}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { key: 'at', title: t('commerce.field.updatedAt'), render: (_, s) => formatDateTime(s.statusChangedAt) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      render: (_, s) => <WithdrawButton submission={s} onDone={onChanged} />,
    },
  ];

  return (
    <>
      <Flex justify="flex-end" gap={8} style={{ marginBottom: 16 }}>
        <Button
          icon={<UploadOutlined />}
          disabled={!canSubmit}
          onClick={() => setImporting(true)}
          data-testid="portal-import"
        >
          {t('commerce.submissions.import')}
        </Button>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={!canSubmit}
          onClick={() => setCreating(true)}
          data-testid="portal-new-product"
        >
          {t('commerce.portal.newProduct')}
        </Button>
      </Flex>
      <Table<Submission>
        rowKey="id"
        columns={columns}
        dataSource={list?.items ?? []}
        loading={loading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('commerce.submissions.empty') }}
        scroll={{ x: 'max-content' }}
        data-testid="portal-submission-table"
      />
      <ProductFormModal
        open={creating}
        categories={categories}
        onClose={() => setCreating(false)}
        onSubmitted={() => {
          setCreating(false);
          onChanged();
        }}
      />
      <ImportModal
        open={importing}
        onImport={({ merchantId: _ignored, ...input }) => portalApi.importCsv(input)}
        onClose={() => setImporting(false)}
        onImported={onChanged}
      />
      <SubmissionDrawer
        submissionId={openId}
        detailKey={portalSubmissionDetailKey}
        load={portalApi.submission}
        imageUrl={portalImageUrl}
        onClose={() => setOpenId(null)}
        actions={(detail, replace) => (
          <WithdrawButton
            submission={detail}
            onDone={(next) => {
              replace(next);
              onChanged();
            }}
          />
        )}
      />
    </>
  );
}
