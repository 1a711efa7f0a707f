import type { ImportReportDto as ImportReport, ImportRowDto as ImportRow } from '@livecloud/commerce/schemas';
import { Alert, Table, Tag, Typography, type TableProps } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { commerceZhCN } from '../../i18n/commerce.zh-cn';

type RowReasonKey = keyof typeof commerceZhCN.rowReason;

function reasonText(t: TFunction, reason: ImportRow['reasons'][number]): string {
  if (Object.hasOwn(commerceZhCN.rowReason, reason.code)) {
    return t(`commerce.rowReason.${reason.code as RowReasonKey}`, { column: reason.column ?? '' });
  }
  return t('validation.issue.invalid');
}

/** The row-by-row answer to a CSV import: what was taken, what was rejected and why. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const columns: TableProps<ImportRow>['columns'] = [
    { key: 'line', title: t('commerce.importer.line'), width: 70, dataIndex: 'line' },
    {
      key: 'title',
      title: t('commerce.field.product'),
      render: (_, r) => (
        <>
          {r.title || '—'}
          {r.spec ? <Typography.Text type="secondary"> · {r.spec}</Typography.Text> : null}
        </>
      ),
    },
    {
      key: 'status',
      title: t('commerce.importer.result'),
      width: 90,
      render: (_, r) =>
        r.status === 'taken' ? (
          <Tag color="success">{t('commerce.importer.taken')}</Tag>
        ) : (
          <Tag color="error">{t('commerce.importer.rejectedRow')}</Tag>
        ),
    },
    {
      key: 'reasons',
      title: t('commerce.importer.reasons'),
      render: (_, r) =>
        r.reasons.map((reason) => (
          <div key={`${reason.code}-${reason.column ?? ''}`}>
            {reason.column ? <Tag>{reason.column}</Tag> : null}
            {reasonText(t, reason)}
          </div>
        )),
    },
  ];
  return (
    <div data-testid="import-report">
      <Alert
        type={report.rejected === 0 ? 'success' : report.taken === 0 ? 'error' : 'warning'}
        showIcon
        title={t('commerce.importer.summary', {
          total: report.total,
          taken: report.taken,
          products: report.products,
          rejected: report.rejected,
        })}
        description={
          report.ignoredColumns.length > 0
            ? t('commerce.importer.ignored', { columns: report.ignoredColumns.join('、') })
            : undefined
        }
        style={{ marginBottom: 12 }}
      />
      <Table<ImportRow>
        rowKey="line"
        size="small"
        columns={columns}
        dataSource={report.rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        rowClassName={(r) => (r.status === 'rejected' ? 'lc-row-rejected' : '')}
        scroll={{ x: 'max-content' }}
      />
    </div>
  );
}
