import { deadLetterStatuses, type DeadLetterStatus } from '@livecloud/contracts/vocabulary';
import { Flex, Input, Select } from 'antd';
import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { sourceLabel } from '../../i18n/labels';
import { zhCN } from '../../i18n/zh-cn';
import type { DeadLetterFilters } from './dead-letters.api';

const sourceKeys = Object.keys(zhCN.sources);

/** Status, source and a search over the dead letters; the search applies on Enter. */
export function DeadLetterFilterBar({
  filters,
  setFilters,
  search,
  setSearch,
}: {
  filters: DeadLetterFilters;
  setFilters: Dispatch<SetStateAction<DeadLetterFilters>>;
  search: string;
  setSearch: (search: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      <Select<DeadLetterStatus | 'all'>
        value={filters.status ?? 'all'}
        onChange={(value) =>
          setFilters((current) => ({ ...current, status: value === 'all' ? undefined : value }))
        }
        style={{ width: 160 }}
        data-testid="dead-letter-filter-status"
        options={[
          { value: 'all', label: t('events.allStatuses') },
          ...deadLetterStatuses.map((status) => ({
            value: status,
            label: t(`events.status.${status}`),
          })),
        ]}
      />
      <Select<string>
        value={filters.source}
        allowClear
        placeholder={t('events.allSources')}
        onChange={(value) => setFilters((current) => ({ ...current, source: value ?? undefined }))}
        style={{ width: 180 }}
        data-testid="dead-letter-filter-source"
        options={sourceKeys.map((source) => ({ value: source, label: sourceLabel(t, source) }))}
      />
      <Input.Search
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onSearch={(value) => {
          const q = value.trim();
          setFilters((current) => ({ ...current, q: q === '' ? undefined : q }));
        }}
        allowClear
        maxLength={200}
        placeholder={t('events.searchPlaceholder')}
        style={{ width: 300 }}
        data-testid="dead-letter-search"
      />
    </Flex>
  );
}
