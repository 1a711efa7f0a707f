import type { ImportReportDto as ImportReport } from '@livecloud/selection/schemas';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Table, Tag, Typography, Upload, type TableProps } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectionZhCN } from '../../i18n/selection.zh-cn';
import { readCsvFile } from '../submissions/csv-file';
import { priceCsvTemplate, selectionApi } from './selection.api';
import { selectionErrorMessage } from './selection-error';

type Row = ImportReport['rows'][number];

function reasonText(t: TFunction, reason: Row['reasons'][number]): string {
  if (Object.hasOwn(selectionZhCN.rowReason, reason.code)) {
    const code = reason.code as keyof typeof selectionZhCN.rowReason;
    return t(`selection.rowReason.${code}`, { column: reason.column ?? '' });
  }
  return t('validation.issue.invalid');
}

/** Imports prices from a CSV read in the browser (UTF-8 or GBK) and shows the row-by-row answer. */
export function PriceImportModal({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setFile(null);
    setReport(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const submit = async () => {
    if (!file) {
      void message.warning(t('selection.importer.fileRequired'));
      return;
    }
    setBusy(true);
    try {
      const result = await selectionApi.importCsv(await readCsvFile(file));
      setReport(result);
      if (result.taken > 0) onImported();
    } catch (cause) {
      void message.error(selectionErrorMessage(t, cause));
    } finally {
      setBusy(false);
    }
  };

  const columns: TableProps<Row>['columns'] = [
    { key: 'line', title: t('selection.importer.line'), width: 60, dataIndex: 'line' },
    {
      key: 'product',
      title: t('selection.column.product'),
      render: (_, r) => (
        <span className="lc-mono">
          {r.productId || '—'}
          {r.skuId ? ` · ${r.skuId}` : ''}
        </span>
      ),
    },
    {
      key: 'status',
      title: t('selection.importer.result'),
      width: 90,
      render: (_, r) =>
        r.status === 'taken' ? (
          <Tag color="success">{t('selection.importer.taken')}</Tag>
        ) : (
          <Tag color="error">{t('selection.importer.rejected')}</Tag>
        ),
    },
    {
      key: 'reasons',
      title: t('selection.importer.reasons'),
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
    <Modal
      open={open}
      width={report ? 820 : 600}
      title={t('selection.importer.title')}
      onCancel={close}
      destroyOnHidden
      footer={
        report
          ? [
              <Button key="again" onClick={reset}>
                {t('selection.importer.again')}
              </Button>,
              <Button key="close" type="primary" onClick={close}>
                {t('common.close')}
              </Button>,
            ]
          : [
              <Button
                key="template"
                icon={<DownloadOutlined />}
                href={`data:text/csv;charset=utf-8,${encodeURIComponent(priceCsvTemplate)}`}
                download="价格导入模板.csv"
              >
                {t('selection.importer.template')}
              </Button>,
              <Button
                key="submit"
                type="primary"
                loading={busy}
                onClick={() => void submit()}
                data-testid="price-import-submit"
              >
                {t('selection.importer.submit')}
              </Button>,
            ]
      }
    >
      {report ? (
        <div data-testid="price-import-report">
          <Alert
            type={report.rejected === 0 ? 'success' : report.taken === 0 ? 'error' : 'warning'}
            showIcon
            title={t('selection.importer.summary', {
              total: report.total,
              taken: report.taken,
              rejected: report.rejected,
            })}
            description={
              report.ignoredColumns.length > 0
                ? t('selection.importer.ignored', { columns: report.ignoredColumns.join('、') })
                : undefined
            }
            style={{ marginBottom: 12 }}
          />
          <Table<Row>
            rowKey="line"
            size="small"
            columns={columns}
            dataSource={report.rows}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
          />
        </div>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('selection.importer.lead')}</Typography.Paragraph>
          <Upload.Dragger
            accept=".csv,text/csv"
            maxCount={1}
            fileList={file ? [{ uid: 'csv', name: file.name, status: 'done' }] : []}
            beforeUpload={(picked) => {
              setFile(picked);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('selection.importer.file')}</p>
            <p className="ant-upload-hint">{t('selection.importer.fileHint')}</p>
          </Upload.Dragger>
        </>
      )}
    </Modal>
  );
}
