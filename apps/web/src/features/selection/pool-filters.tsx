import type { CategoryDto as Category } from '@livecloud/commerce/schemas';
import { type ScoreComponent } from '@livecloud/contracts/vocabulary';
import type { SkuScoreDto as SkuScore } from '@livecloud/selection/schemas';
import { SearchOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Flex, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { WeightsPopover } from './weights-popover';

export const lookBackDays = [7, 30, 90, 180, 365];

export interface PoolFilters {
  categoryId: string | null;
  flaggedOnly: boolean;
  query: string;
}

export const noFilters: PoolFilters = { categoryId: null, flaggedOnly: false, query: '' };

export function filtersActive(filters: PoolFilters): boolean {
  return filters.categoryId !== null || filters.flaggedOnly || filters.query.trim() !== '';
}

/** A category and everything below it, from the flat tree. */
function withDescendants(categories: Category[], rootId: string): Set<string> {
  const found = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of categories) {
      if (c.parentId !== null && found.has(c.parentId) && !found.has(c.id)) {
        found.add(c.id);
        grew = true;
      }
    }
  }
  return found;
}

function matches(item: SkuScore, needle: string): boolean {
  if (needle === '') return true;
  return [
    item.title,
    item.spec,
    item.merchantName,
    item.categoryName,
    item.skuId,
    item.productId,
    item.brand ?? '',
  ]
    .join('\n')
    .toLowerCase()
    .includes(needle);
}

/** The SKUs the filters let through; a category includes its subcategories. */
export function filterPool(items: SkuScore[], filters: PoolFilters, categories: Category[]): SkuScore[] {
  const inCategory = filters.categoryId ? withDescendants(categories, filters.categoryId) : null;
  const needle = filters.query.trim().toLowerCase();
  return items.filter(
    (i) =>
      (inCategory === null || inCategory.has(i.categoryId)) &&
      (!filters.flaggedOnly || i.lowestPrice.flagged) &&
      matches(i, needle),
  );
}

/** What the pool says when it shows nothing, and what to do about it. */
export function PoolEmpty({
  catalogueEmpty,
  approvedOnly,
  filtered,
  onClear,
}: {
  catalogueEmpty: boolean;
  approvedOnly: boolean;
  filtered: boolean;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  if (!catalogueEmpty)
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('selection.pool.noMatch')}>
        {filtered ? <Button onClick={onClear}>{t('selection.pool.clearFilters')}</Button> : null}
      </Empty>
    );
  if (approvedOnly)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('selection.pool.noApproved')} />;
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('selection.pool.empty')}>
      <Flex vertical gap={8} align="center">
        <Typography.Text type="secondary">{t('selection.pool.emptyHint')}</Typography.Text>
        <Link to="/before/submissions">
          <Button type="primary">{t('selection.pool.goSubmissions')}</Button>
        </Link>
      </Flex>
    </Empty>
  );
}

/** The pool's filters: category, approved only, price alerts only, look-back window, weights and a search. */
export function PoolToolbar({
  categories,
  filters,
  onFilters,
  approvedOnly,
  onApprovedOnly,
  days,
  onDays,
  weights,
  onWeights,
}: {
  categories: { value: string; label: string }[];
  filters: PoolFilters;
  onFilters: (next: PoolFilters) => void;
  approvedOnly: boolean;
  onApprovedOnly: (next: boolean) => void;
  days: number;
  onDays: (next: number) => void;
  weights: Partial<Record<ScoreComponent, number>>;
  onWeights: (next: Partial<Record<ScoreComponent, number>>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
      <Flex align="center" gap={16} wrap>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 180 }}
          placeholder={t('selection.filter.allCategories')}
          value={filters.categoryId ?? undefined}
          onChange={(id: string | undefined) => onFilters({ ...filters, categoryId: id ?? null })}
          options={categories}
          aria-label={t('selection.filter.category')}
          data-testid="selection-category"
        />
        <Space size={6}>
          <Typography.Text type="secondary">{t('selection.filter.days')}</Typography.Text>
          <Select<number>
            style={{ width: 96 }}
            value={days}
            onChange={onDays}
            options={lookBackDays.map((d) => ({
              value: d,
              label: t('selection.filter.daysValue', { days: d }),
            }))}
            data-testid="selection-days"
          />
        </Space>
        <Checkbox
          checked={approvedOnly}
          onChange={(e) => onApprovedOnly(e.target.checked)}
          data-testid="selection-approved-only"
        >
          {t('selection.filter.approvedOnly')}
        </Checkbox>
        <Checkbox
          checked={filters.flaggedOnly}
          onChange={(e) => onFilters({ ...filters, flaggedOnly: e.target.checked })}
          data-testid="selection-flagged-only"
        >
          {t('selection.filter.flaggedOnly')}
        </Checkbox>
        <WeightsPopover value={weights} onChange={onWeights} />
      </Flex>
      <Input
        allowClear
        prefix={<SearchOutlined className="lc-input-icon" />}
        placeholder={t('selection.pool.search')}
        value={filters.query}
        onChange={(e) => onFilters({ ...filters, query: e.target.value })}
        style={{ width: 260 }}
        data-testid="selection-search"
      />
    </Flex>
  );
}
