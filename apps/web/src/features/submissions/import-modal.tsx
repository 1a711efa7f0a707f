import type {
  ImportReportDto as ImportReport,
  MerchantDto as Merchant,
  PortalImportBody as ImportInput,
} from '@livecloud/commerce/schemas';
import { type SubmissionTarget } from '@livecloud/contracts/vocabulary';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Radio, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commerceErrorMessage } from '../merchants/commerce-error';
import { csvTemplate, readCsvFile } from './csv-file';
import { ImportReportView } from './import-report';

interface ImportForm {
  merchantId?: string;
  target: SubmissionTarget;
  sessionRef?: string;
}

/**
 * Bulk submission from a CSV: staff pick the merchant, a merchant imports its own. The file is
 * read in the browser (UTF-8 or GBK) and sent as text; the answer is the row-by-row report.
 */
export function ImportModal({
  open,
  merchants,
  onImport,
  onClose,
  onImported,
}: {
  open: boolean;
  /** Approved merchants to choose from; absent in the portal. */
  merchants?: Merchant[];
  onImport: (input: ImportInput & { merchantId?: string }) => Promise<ImportReport>;
  onClose: () => void;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ImportForm>();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const target = Form.useWatch('target', form);

  const reset = () => {
    setReport(null);
    setFile(null);
  };

  const submit = async (values: ImportForm) => {
    if (!file) {
      void message.warning(t('commerce.importer.fileRequired'));
      return;
    }
    setBusy(true);
    try {
      const csv = await readCsvFile(file);
      const result = await onImport({
        csv,
        target: values.target,
        sessionRef: values.target === 'session' ? values.sessionRef?.trim() : null,
        merchantId: values.merchantId,
      });
      setReport(result);
      if (result.taken > 0) onImported();
    } catch (cause) {
      void message.error(commerceErrorMessage(t, cause));
    } finally {
      setBusy(false);
    }
  };

  const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(csvTemplate)}`;
  return (
    <Modal
      open={open}
      width={report ? 880 : 620}
      title={t('commerce.importer.title')}
      onCancel={() => {
        reset();
        onClose();
      }}
      destroyOnHidden
      footer={
        report
          ? [
              <Button key="again" onClick={reset}>
                {t('commerce.importer.again')}
              </Button>,
              <Button
                key="close"
                type="primary"
                onClick={() => (reset(), onClose())}
                data-testid="import-close"
              >
                {t('common.close')}
              </Button>,
            ]
          : [
              <Button key="template" icon={<DownloadOutlined />} href={templateHref} download="报品模板.csv">
                {t('commerce.importer.template')}
              </Button>,
              <Button
                key="submit"
                type="primary"
                loading={busy}
                onClick={() => form.submit()}
                data-testid="import-submit"
              >
                {t('commerce.importer.submit')}
              </Button>,
            ]
      }
    >
      {report ? (
        <ImportReportView report={report} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('commerce.importer.lead')}</Typography.Paragraph>
          <Form<ImportForm>
            form={form}
            layout="vertical"
            initialValues={{ target: 'pool' }}
            onFinish={(values) => void submit(values)}
          >
            {merchants ? (
              <Form.Item
                name="merchantId"
                label={t('commerce.importer.merchant')}
                rules={[{ required: true, message: t('commerce.importer.merchantRequired') }]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={merchants.map((m) => ({ value: m.id, label: m.companyName }))}
                  data-testid="import-merchant"
                />
              </Form.Item>
            ) : null}
            <Form.Item name="target" label={t('commerce.field.target')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'pool', label: t('commerce.target.pool') },
                  { value: 'session', label: t('commerce.target.session') },
                ]}
              />
            </Form.Item>
            {target === 'session' ? (
              <Form.Item
                name="sessionRef"
                label={t('commerce.field.sessionRef')}
                rules={[
                  { required: true, whitespace: true, message: t('commerce.importer.sessionRequired') },
                ]}
              >
                <Input maxLength={64} placeholder="ses_…" />
              </Form.Item>
            ) : null}
            <Upload.Dragger
              accept=".csv,text/csv"
              maxCount={1}
              fileList={file ? [{ uid: 'csv', name: file.name, status: 'done' }] : []}
              beforeUpload={(picked) => {
                setFile(picked);
                return false;
              }}
              onRemove={() => setFile(null)}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('commerce.importer.file')}</p>
              <p className="ant-upload-hint">{t('commerce.importer.fileHint')}</p>
            </Upload.Dragger>
          </Form>
        </>
      )}
    </Modal>
  );
}
