import type { AuditEntryDto } from '@livecloud/access/schemas';
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Input, Select, Table, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { shanghaiDateTime } from '../../lib/shanghai-time';
import { useSession } from '../auth/session-context';
import {
  actionLabel,
  auditApi,
  auditObjectKinds,
  auditPageSize,
  objectLabel,
  type AuditFilters,
} from './audit.api';
import { settingsQueries } from './settings.queries';

/** 审计日志: who did what to what, newest first, narrowed by person or key, action and object. */
export function AuditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [targetText, setTargetText] = useState('');
  const [loadingMore, setLoadingMore] = useState(false);
  /** The length of the list when "more" answered nothing new. */
  const [exhausted, setExhausted] = useState<number | null>(null);
  const query = settingsQueries.audit(filters);
  const { data, error, isFetching, refetch } = useQuery(query);
  const staff = useQuery({ ...settingsQueries.staff(), enabled: can('staff:read') });
  const keys = useQuery({ ...settingsQueries.apiKeys(), enabled: can('keys:manage') });

  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const person of staff.data?.items ?? []) map.set(person.userId, person.name);
    for (const key of keys.data?.items ?? []) map.set(key.id, key.name);
    return map;
  }, [staff.data, keys.data]);

  const actorText = (entry: AuditEntryDto): string => {
    if (entry.actorType === 'system' || entry.actorId === null) return t('settings.audit.actorSystem');
    return (
      names.get(entry.actorId) ??
      t(entry.actorType === 'api_key' ? 'settings.audit.actorUnknownKey' : 'settings.audit.actorUnknownUser')
    );
  };

  const items = data?.items ?? [];
  // A full page may have more behind it; a short answer to "more" means the end.
  const mayHaveMore = items.length > 0 && items.length % auditPageSize === 0 && exhausted !== items.length;

  const loadMore = async () => {
    const last = items.at(-1);
    if (!last) return;
    setLoadingMore(true);
    try {
      const next = await auditApi.list(filters, undefined, last.id);
      if (next.items.length === 0) setExhausted(items.length);
      queryClient.setQueryData(query.queryKey, (previous) => ({
        items: [...(previous?.items ?? []), ...next.items],
      }));
    } catch (cause) {
      void message.error(errorMessage(t, cause));
    } finally {
      setLoadingMore(false);
    }
  };

  const columns: TableProps<AuditEntryDto>['columns'] = [
    { key: 'at', title: t('settings.audit.at'), width: 180, render: (_, e) => shanghaiDateTime(e.at) },
    { key: 'actor', title: t('settings.audit.actor'), width: 180, render: (_, e) => actorText(e) },
    {
      key: 'action',
      title: t('settings.audit.action'),
      render: (_, e) => {
        const label = actionLabel(t, e.action);
        return (
          <span data-testid={`audit-action-${e.id}`}>
            {label.text}
            {label.code ? (
              <Typography.Text type="secondary" className="lc-mono" style={{ marginLeft: 8 }}>
                {label.code}
              </Typography.Text>
            ) : null}
          </span>
        );
      },
    },
    {
      key: 'target',
      title: t('settings.audit.target'),
      render: (_, e) => (
        <span>
          {objectLabel(t, e.targetType) ?? t('settings.audit.otherAction')}
          {e.targetId ? (
            <Typography.Text type="secondary" className="lc-mono" style={{ marginLeft: 8 }} copyable>
              {e.targetId}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      key: 'address',
      title: '',
      width: 200,
      render: (_, e) =>
        typeof e.details['ip'] === 'string' ? (
          <Typography.Text type="secondary">
            {t('settings.audit.address', { ip: e.details['ip'] })}
          </Typography.Text>
        ) : null,
    },
  ];

  const actionOptions = [
    { value: '', label: t('settings.audit.allActions') },
    { value: 'auth.login_failed', label: actionLabel(t, 'auth.login_failed').text },
    { value: 'api_key.new_address', label: actionLabel(t, 'api_key.new_address').text },
    ...auditObjectKinds.map((kind) => ({ value: `${kind}.*`, label: objectLabel(t, kind) ?? kind })),
  ];
  const actorOptions = [...names].map(([id, name]) => ({ value: id, label: name }));

  return (
    <div data-testid="page-settings-audit">
      <PageHeader
        title={t('settings.audit.title')}
        subtitle={t('settings.audit.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void refetch()} data-testid="audit-refresh">
            {t('common.refresh')}
          </Button>
        }
      />
      <Card className="lc-card">
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            style={{ width: 220 }}
            value={filters.action ?? ''}
            options={actionOptions}
            onChange={(action: string) => setFilters((f) => ({ ...f, action: action || undefined }))}
            data-testid="audit-action-filter"
          />
          <Select
            style={{ width: 220 }}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('settings.audit.actor')}
            value={filters.actorId}
            options={actorOptions}
            onChange={(actorId?: string) => setFilters((f) => ({ ...f, actorId }))}
            data-testid="audit-actor-filter"
          />
          <Input.Search
            style={{ width: 260 }}
            allowClear
            placeholder={t('settings.audit.targetIdPlaceholder')}
            value={targetText}
            onChange={(e) => setTargetText(e.target.value)}
            onSearch={(value) => setFilters((f) => ({ ...f, targetId: value.trim() || undefined }))}
            data-testid="audit-target-filter"
          />
        </Flex>
        {error && !data ? (
          <LoadError error={error} onRetry={() => void refetch()} />
        ) : (
          <>
            <Table<AuditEntryDto>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={items}
              loading={isFetching}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{
                emptyText: (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settings.audit.empty')} />
                ),
              }}
              data-testid="audit-table"
            />
            {mayHaveMore ? (
              <Flex justify="center" style={{ marginTop: 16 }}>
                <Button onClick={() => void loadMore()} loading={loadingMore} data-testid="audit-more">
                  {t('settings.audit.loadMore')}
                </Button>
              </Flex>
            ) : null}
          </>
        )}
      </Card>
    </div>
  );
}
