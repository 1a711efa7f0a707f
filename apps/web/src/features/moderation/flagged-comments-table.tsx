import type { FlaggedCommentDto } from '@livecloud/live/schemas';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/load-error';
import { shanghaiDateTimeSeconds } from '../events/dead-letters.api';
import { flaggedCommentsQuery } from './moderation.api';
import { severityColors, useCategoryLabel } from './moderation-labels';

/** The comment with each hit marked, as the big screen marks it. */
function MarkedComment({ comment }: { comment: FlaggedCommentDto }) {
  const parts: (string | { text: string; at: number })[] = [];
  let at = 0;
  for (const hit of [...comment.hits].sort((a, b) => a.start - b.start)) {
    if (hit.start < at || hit.end > comment.text.length) continue;
    if (hit.start > at) parts.push(comment.text.slice(at, hit.start));
    parts.push({ text: comment.text.slice(hit.start, hit.end), at: hit.start });
    at = hit.end;
  }
  if (at < comment.text.length) parts.push(comment.text.slice(at));
  return (
    <span>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          <span key={i}>{part}</span>
        ) : (
          <mark key={i} style={{ background: '#ffe58f', padding: '0 2px', borderRadius: 2 }}>
            {part.text}
          </mark>
        ),
      )}
    </span>
  );
}

/** The latest comments the lexicon flagged, across the organisation's sessions. */
export function FlaggedCommentsTable() {
  const { t } = useTranslation();
  const categoryLabel = useCategoryLabel();
  const { data, error, isFetching, refetch } = useQuery(flaggedCommentsQuery(50));
  const columns: TableColumnsType<FlaggedCommentDto> = [
    {
      title: t('moderation.time'),
      dataIndex: 'occurredAt',
      render: (iso: string) => shanghaiDateTimeSeconds(iso),
      width: 180,
    },
    {
      title: t('moderation.comment'),
      key: 'text',
      render: (_, comment) => <MarkedComment comment={comment} />,
    },
    {
      title: t('moderation.hits'),
      key: 'hits',
      render: (_, comment) => (
        <Flex gap={4} wrap>
          {comment.hits.map((hit) => (
            <Tag key={`${hit.start}-${hit.term}`} color={severityColors[hit.severity]}>
              {categoryLabel(hit.category)} · {hit.term}
              {hit.via === 'homophone' ? ` (${t('moderation.via.homophone')})` : ''}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('moderation.viewer'),
      dataIndex: 'nickname',
      render: (nickname: string | null) => nickname ?? t('moderation.anonymousViewer'),
    },
    {
      title: t('moderation.session'),
      dataIndex: 'sessionTitle',
      render: (title: string | null) => title ?? t('moderation.sessionUnscheduled'),
    },
  ];
  return (
    <Card
      className="lc-card"
      title={
        <Flex gap={8} align="baseline">
          {t('moderation.flaggedTitle')}
          {data ? (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
              {t('moderation.flaggedHint', { scanned: data.scanned })}
            </Typography.Text>
          ) : null}
        </Flex>
      }
      data-testid="moderation-flagged"
    >
      {error && !data ? (
        <LoadError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<FlaggedCommentDto>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching && !data}
          pagination={{ pageSize: 10, showSizeChanger: false, size: 'small' }}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('moderation.flaggedEmpty')} />
            ),
          }}
          data-testid="flagged-table"
        />
      )}
    </Card>
  );
}
