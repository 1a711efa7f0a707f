import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../auth/session-context';
import { orgApi } from './settings.api';
import { settingsQueries } from './settings.queries';

interface RenameForm {
  name: string;
}

/** Shows the organisation and lets an administrator rename it. */
export function OrgPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can, refresh } = useSession();
  const queryClient = useQueryClient();
  const { data: org, error, isFetching: loading, refetch } = useQuery(settingsQueries.org());
  const [form] = Form.useForm<RenameForm>();
  const [saving, setSaving] = useState(false);
  const canManage = can('org:manage');

  const onRename = async ({ name }: RenameForm) => {
    setSaving(true);
    try {
      const updated = await orgApi.rename(name.trim());
      queryClient.setQueryData(settingsQueries.org().queryKey, updated);
      form.setFieldsValue({ name: updated.name });
      void message.success(t('settings.org.renamed'));
      // The header shows the organisation name from the session.
      await refresh().catch(() => undefined);
    } catch (cause) {
      void message.error(errorMessage(t, cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-testid="page-settings-org">
      <PageHeader title={t('settings.org.title')} subtitle={t('settings.org.subtitle')} />
      {error && !org ? (
        <Card className="lc-card">
          <LoadError error={error} onRetry={() => void refetch()} />
        </Card>
      ) : loading && !org ? (
        <Card className="lc-card">
          <Skeleton active />
        </Card>
      ) : org ? (
        <>
          <Card className="lc-card">
            <Descriptions
              column={{ xs: 1, md: 2 }}
              items={[
                {
                  key: 'name',
                  label: t('settings.org.name'),
                  children: <span data-testid="org-current-name">{org.name}</span>,
                },
                {
                  key: 'slug',
                  label: t('settings.org.slug'),
                  children: <Typography.Text code>{org.slug}</Typography.Text>,
                },
                {
                  key: 'id',
                  label: t('settings.org.id'),
                  children: <Typography.Text copyable>{org.id}</Typography.Text>,
                },
                {
                  key: 'createdAt',
                  label: t('settings.org.createdAt'),
                  children: formatDateTime(org.createdAt),
                },
              ]}
            />
          </Card>
          <Card className="lc-card" title={t('settings.org.rename')} style={{ marginTop: 16 }}>
            {canManage ? (
              <Form<RenameForm>
                form={form}
                layout="inline"
                initialValues={{ name: org.name }}
                onFinish={(values) => void onRename(values)}
                data-testid="org-rename-form"
              >
                <Form.Item
                  name="name"
                  rules={[
                    { required: true, whitespace: true, message: t('settings.org.nameRequired') },
                    { max: 80, message: t('settings.org.nameTooLong') },
                  ]}
                  style={{ minWidth: 320 }}
                >
                  <Input
                    placeholder={t('settings.org.name')}
                    aria-label={t('settings.org.name')}
                    data-testid="org-name-input"
                  />
                </Form.Item>
                <Form.Item>
                  <Button type="primary" htmlType="submit" loading={saving} data-testid="org-rename-submit">
                    {t('common.save')}
                  </Button>
                </Form.Item>
              </Form>
            ) : (
              <Typography.Text type="secondary">{t('settings.org.readOnly')}</Typography.Text>
            )}
          </Card>
        </>
      ) : null}
    </div>
  );
}
