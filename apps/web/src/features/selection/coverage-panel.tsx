import type { CoverageDto as Coverage, SkuRefDto as SkuRef } from '@livecloud/selection/schemas';
import { Card, Divider, Empty, Flex, Progress, Space, Tag, Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseQueryResult } from '@tanstack/react-query';
import { requirementLabel } from './selection-format';
import { SelectionLoadError } from './selection-load-error';

function SkuTags({ items, color }: { items: SkuRef[]; color?: string }) {
  return (
    <Space size={[4, 4]} wrap>
      {items.map((s) => (
        <Tag key={s.skuId} color={color} style={{ marginInlineEnd: 0 }}>
          {s.title} · {s.spec}
        </Tag>
      ))}
    </Space>
  );
}

/** 需求覆盖: how far the shortlist fills each of the session's requirements. */
export function CoveragePanel({
  sessionId,
  coverage,
  categoryNames,
}: {
  sessionId: string;
  coverage: UseQueryResult<Coverage>;
  categoryNames: Map<string, string>;
}) {
  const { t } = useTranslation();
  const data = coverage.data?.session.id === sessionId ? coverage.data : undefined;
  const requirements = data?.requirements ?? [];

  const body = () => {
    if (coverage.error)
      return <SelectionLoadError error={coverage.error} onRetry={() => void coverage.refetch()} />;
    if (!data) return null;
    if (requirements.length === 0)
      return (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('selection.coverage.noRequirements')} />
      );
    return (
      <Flex vertical gap={4}>
        {requirements.map((r, index) => (
          <Fragment key={r.requirement.id}>
            {index > 0 ? <Divider style={{ margin: '8px 0' }} /> : null}
            <Flex vertical gap={6} data-testid={`coverage-${r.requirement.id}`}>
              <Flex justify="space-between" align="flex-start" gap={8}>
                <Flex vertical>
                  <Typography.Text strong>
                    {requirementLabel(t, r.requirement, categoryNames)}
                  </Typography.Text>
                  {r.requirement.note ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.requirement.note}
                    </Typography.Text>
                  ) : null}
                </Flex>
                {r.status === 'met' ? (
                  <Tag color="success">{t('selection.coverage.met')}</Tag>
                ) : (
                  <Tag color="warning">{t('selection.coverage.short', { count: r.shortBy })}</Tag>
                )}
              </Flex>
              <Progress
                percent={Math.round((Math.min(r.count, r.itemCount) / Math.max(1, r.itemCount)) * 100)}
                status={r.status === 'met' ? 'success' : 'active'}
                format={() => t('selection.coverage.counted', { count: r.count, total: r.itemCount })}
              />
              {r.counted.length > 0 ? (
                <SkuTags items={r.counted} color="blue" />
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('selection.coverage.noneCounted')}
                </Typography.Text>
              )}
              {r.nearMisses.length > 0 ? (
                <Flex vertical gap={2}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('selection.coverage.nearMisses')}
                  </Typography.Text>
                  {r.nearMisses.map((m) => (
                    <Typography.Text key={m.skuId} style={{ fontSize: 12 }}>
                      {m.title} · {m.spec} —{' '}
                      {t('selection.coverage.nearMiss', {
                        missed: m.missed.map((x) => t(`selection.missed.${x}`)).join('、'),
                      })}
                    </Typography.Text>
                  ))}
                </Flex>
              ) : null}
            </Flex>
          </Fragment>
        ))}
        {data.unmatched.length > 0 ? (
          <>
            <Divider style={{ margin: '8px 0' }} />
            <Typography.Text type="secondary">{t('selection.coverage.unmatched')}</Typography.Text>
            <SkuTags items={data.unmatched} />
          </>
        ) : null}
        {data.missing.length > 0 ? (
          <>
            <Divider style={{ margin: '8px 0' }} />
            <Typography.Text type="secondary">{t('selection.coverage.missing')}</Typography.Text>
            <Space size={[4, 4]} wrap>
              {data.missing.map((m) => (
                <Tag key={m.skuId} color="warning" className="lc-mono">
                  {m.skuId}
                </Tag>
              ))}
            </Space>
          </>
        ) : null}
      </Flex>
    );
  };

  return (
    <Card
      className="lc-card"
      size="small"
      title={t('selection.coverage.title')}
      extra={
        data?.allMet && requirements.length > 0 ? (
          <Tag color="success">{t('selection.coverage.allMet')}</Tag>
        ) : null
      }
      loading={coverage.isFetching && !data && !coverage.error}
      data-testid="selection-coverage"
    >
      {body()}
    </Card>
  );
}
