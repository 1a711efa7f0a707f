import { normaliseOrigin } from '@livecloud/contracts/vocabulary';
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The web origins whose pages may use a collector key, typed as tags. Each is checked as the
 * server checks it (scheme, host, optional port, or *); the server keeps them normalised.
 */
export function AllowedOriginsField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="allowedOrigins"
      label={t('settings.apiKeys.allowedOrigins')}
      extra={t('settings.apiKeys.allowedOriginsHint')}
      normalize={(values: string[] | undefined) =>
        (values ?? []).map((value) => normaliseOrigin(value) ?? value.trim())
      }
      rules={[
        {
          validator: async (_rule, values: string[] | undefined) => {
            const wrong = (values ?? []).find((value) => normaliseOrigin(value) === null);
            if (wrong !== undefined)
              throw new Error(t('settings.apiKeys.allowedOriginInvalid', { value: wrong }));
          },
        },
      ]}
    >
      <Select
        mode="tags"
        tokenSeparators={[',', ' ']}
        open={false}
        suffixIcon={null}
        placeholder={t('settings.apiKeys.allowedOriginsPlaceholder')}
        data-testid="api-key-origins"
      />
    </Form.Item>
  );
}
