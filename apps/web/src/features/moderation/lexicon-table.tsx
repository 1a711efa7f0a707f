import type { LexiconTermDto } from '@livecloud/live/schemas';
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/load-error';
import { lexiconQuery } from './moderation.api';
import { severityColors, useCategoryLabel } from './moderation-labels';

/** The lexicon comments are checked against, searchable by term and filtered by category. */
export function LexiconTable() {
  const { t } = useTranslation();
  const categoryLabel = useCategoryLabel();
  const { data, error, isFetching, refetch } = useQuery(lexiconQuery());
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<string | undefined>(undefined);
  const terms = useMemo(() => data?.terms ?? [], [data]);
  const categories = useMemo(() => [...new Set(terms.map((term) => term.category))], [terms]);
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return terms.filter(
      (term) =>
        (category === undefined || term.category === category) &&
        (needle === '' || term.term.toLowerCase().includes(needle)),
    );
  }, [terms, search, category]);
  const columns: TableColumnsType<LexiconTermDto> = [
    { title: t('moderation.term'), dataIndex: 'term', render: (term: string) => <strong>{term}</strong> },
    { title: t('moderation.category'), dataIndex: 'category', render: (c: string) => categoryLabel(c) },
    {
      title: t('moderation.severity'),
      dataIndex: 'severity',
      render: (severity: LexiconTermDto['severity']) => (
        <Tag color={severityColors[severity]}>{t(`moderation.severities.${severity}`)}</Tag>
      ),
    },
    {
      title: t('moderation.homophone'),
      dataIndex: 'homophone',
      render: (yes: boolean) => (yes ? t('moderation.homophoneYes') : t('moderation.homophoneNo')),
    },
  ];
  return (
    <Card
      className="lc-card"
      title={
        <Flex gap={8} align="baseline">
          {t('moderation.lexiconTitle')}
          {data ? (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
              {t(`moderation.lexiconSource.${data.source}`)} ·{' '}
              {t('moderation.lexiconCount', { count: terms.length })}
            </Typography.Text>
          ) : null}
        </Flex>
      }
      data-testid="moderation-lexicon"
    >
      {error && !data ? (
        <LoadError error={error} onRetry={() => void refetch()} />
      ) : (
        <>
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <Input.Search
              allowClear
              placeholder={t('moderation.searchPlaceholder')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              style={{ width: 220 }}
              data-testid="lexicon-search"
            />
            <Select<string>
              allowClear
              placeholder={t('moderation.allCategories')}
              value={category}
              onChange={(value) => setCategory(value)}
              options={categories.map((c) => ({ value: c, label: categoryLabel(c) }))}
              style={{ width: 180 }}
            />
          </Flex>
          <Table<LexiconTermDto>
            rowKey={(term) => `${term.category}:${term.term}`}
            size="small"
            columns={columns}
            dataSource={shown}
            loading={isFetching && !data}
            pagination={{ pageSize: 10, showSizeChanger: false, size: 'small' }}
            data-testid="lexicon-table"
          />
        </>
      )}
    </Card>
  );
}
