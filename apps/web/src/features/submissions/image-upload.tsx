import type { UploadDto } from '@livecloud/commerce/schemas';
import { PlusOutlined } from '@ant-design/icons';
import { App, Image, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commerceErrorMessage } from '../merchants/commerce-error';
import { readBase64 } from './csv-file';

export interface ImageUploadProps {
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** Sends the file (base64) to the right endpoint: staff uploads or the portal's. */
  upload: (fileName: string, dataBase64: string) => Promise<UploadDto>;
  imageUrl: (id: string) => string;
  max?: number;
  testId?: string;
}

/** Picture wall for product images and QC photos; the form value is the list of upload ids. */
export function ImageUpload({ value = [], onChange, upload, imageUrl, max = 9, testId }: ImageUploadProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(0);
  const [preview, setPreview] = useState<string | null>(null);
  const files: UploadFile[] = value.map((id) => ({ uid: id, name: id, status: 'done', url: imageUrl(id) }));

  return (
    <>
      <Upload
        listType="picture-card"
        accept="image/png,image/jpeg,image/webp,image/gif"
        fileList={[
          ...files,
          ...Array.from({ length: busy }, (_, i): UploadFile => ({
            uid: `busy-${i}`,
            name: '…',
            status: 'uploading',
          })),
        ]}
        beforeUpload={(file) => {
          setBusy((n) => n + 1);
          readBase64(file)
            .then((data) => upload(file.name, data))
            .then((created) => onChange?.([...value, created.id]))
            .catch(
              (cause: unknown) =>
                void message.error(`${t('commerce.portal.uploadFailed')}：${commerceErrorMessage(t, cause)}`),
            )
            .finally(() => setBusy((n) => n - 1));
          return false;
        }}
        onRemove={(file) => onChange?.(value.filter((id) => id !== file.uid))}
        onPreview={(file) => setPreview(file.url ?? null)}
        data-testid={testId}
      >
        {value.length + busy >= max ? null : (
          <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
            <PlusOutlined />
            <div style={{ marginTop: 6 }}>{t('commerce.portal.uploadImage')}</div>
          </button>
        )}
      </Upload>
      {preview ? (
        <Image
          style={{ display: 'none' }}
          src={preview}
          preview={{ open: true, onOpenChange: (open) => !open && setPreview(null) }}
        />
      ) : null}
    </>
  );
}
