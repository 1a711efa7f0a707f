import { type ScoreComponent } from '@livecloud/contracts/vocabulary';
import type { SkuScoreDto as SkuScore } from '@livecloud/selection/schemas';
import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Space, Tag, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../auth/session-context';
import { commerceQueries } from '../merchants/commerce.queries';
import { CompareModal } from './compare-modal';
import { ObservationModal } from './observation-modal';
import {
  filterPool,
  filtersActive,
  noFilters,
  PoolEmpty,
  PoolToolbar,
  type PoolFilters,
} from './pool-filters';
import { PriceHistoryDrawer } from './price-history-drawer';
import { PriceImportModal } from './price-import-modal';
import { ScoreBreakdownDrawer } from './score-breakdown-drawer';
import { compareMax, ScoresTable } from './scores-table';
import type { ScoreParams } from './selection.api';
import { scoresKey, selectionQueries, shortlistKey } from './selection.queries';
import { SelectionLoadError } from './selection-load-error';
import { SessionPicker } from './session-picker';
import { SessionPanels } from './session-panels';
import { useShortlistActions } from './use-shortlist-actions';

/** 选品比价: score the catalogue's SKUs, check live prices against the lowest seen, compare and shortlist. */
export function SelectionPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const canManage = can('commerce:manage');
  const [search, setSearch] = useSearchParams();
  const sessionId = search.get('session');
  const [days, setDays] = useState(30);
  const [approvedOnly, setApprovedOnly] = useState(false);
  const [weights, setWeights] = useState<Partial<Record<ScoreComponent, number>>>({});
  const [filters, setFilters] = useState<PoolFilters>(noFilters);
  const [selected, setSelected] = useState<string[]>([]);
  const [comparing, setComparing] = useState<{ productId: string; skuId: string }[] | null>(null);
  const [breakdown, setBreakdown] = useState<SkuScore | null>(null);
  const [history, setHistory] = useState<{ productId: string; title: string } | null>(null);
  const [observing, setObserving] = useState<SkuScore | null>(null);
  const [importing, setImporting] = useState(false);

  const params = useMemo<ScoreParams>(
    () => ({ sessionId, days, approvedOnly, weights }),
    [sessionId, days, approvedOnly, weights],
  );
  const queryClient = useQueryClient();
  const scores = useQuery(selectionQueries.scores(params));
  const shortlist = useQuery(selectionQueries.shortlist(sessionId, params));
  const coverage = useQuery(selectionQueries.coverage(sessionId));
  const categories = useQuery(commerceQueries.categories());

  const items = useMemo(() => scores.data?.items ?? [], [scores.data]);
  const categoryList = useMemo(() => categories.data?.items ?? [], [categories.data]);
  const categoryNames = useMemo(() => new Map(categoryList.map((c) => [c.id, c.name])), [categoryList]);
  const categoryOptions = useMemo(() => {
    if (categoryList.length > 0) return categoryList.map((c) => ({ value: c.id, label: c.path }));
    const seen = new Map(items.map((i) => [i.categoryId, i.categoryName]));
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [categoryList, items]);

  const rows = useMemo(() => filterPool(items, filters, categoryList), [items, filters, categoryList]);

  const session =
    [scores.data?.session, shortlist.data?.session].find((s) => s && s.id === sessionId) ?? null;
  const current = shortlist.data?.session.id === sessionId ? shortlist.data : null;
  const shortlisted = useMemo(() => new Set(current?.items.map((i) => i.skuId) ?? []), [current]);
  const sessionStatus = current?.session.status ?? session?.status;
  const open = sessionStatus === 'planned' || sessionStatus === 'live';
  const flagged = items.filter((i) => i.lowestPrice.flagged).length;
  const selectedItems = selected.flatMap((skuId) => {
    const item = items.find((i) => i.skuId === skuId);
    return item ? [{ productId: item.productId, skuId: item.skuId }] : [];
  });

  const chooseSession = (id: string | null) => {
    const next = new URLSearchParams(search);
    if (id) next.set('session', id);
    else next.delete('session');
    setSearch(next);
  };

  const pricesChanged = () => {
    void queryClient.invalidateQueries({ queryKey: scoresKey });
    void queryClient.invalidateQueries({ queryKey: shortlistKey });
  };

  const {
    busySku,
    remove: removeFromShortlist,
    toggle: toggleShortlist,
  } = useShortlistActions(sessionId, shortlisted);

  const compareCount = selectedItems.length;
  const compareHint =
    compareCount < 2
      ? t('selection.pool.compareHint')
      : compareCount > compareMax
        ? t('selection.pool.compareMax')
        : '';

  return (
    <div data-testid="page-before-selection">
      <PageHeader
        title={t('selection.title')}
        subtitle={t('selection.subtitle')}
        extra={
          <>
            <SessionPicker value={sessionId} known={session} onChange={chooseSession} />
            {canManage ? (
              <Button
                icon={<UploadOutlined />}
                onClick={() => setImporting(true)}
                data-testid="selection-import"
              >
                {t('selection.pool.import')}
              </Button>
            ) : null}
          </>
        }
      />
      <SessionPanels
        sessionId={sessionId}
        shortlist={shortlist}
        coverage={coverage}
        open={open}
        canManage={canManage}
        busySku={busySku}
        categoryNames={categoryNames}
        onRemove={removeFromShortlist}
        onScore={setBreakdown}
      />
      <Card
        className="lc-card"
        title={
          <Space>
            {t('selection.pool.title')}
            {scores.data ? <Tag>{t('selection.pool.count', { count: items.length })}</Tag> : null}
            {flagged > 0 ? <Tag color="error">{t('selection.pool.flagged', { count: flagged })}</Tag> : null}
          </Space>
        }
        extra={
          <Space>
            {compareCount > 0 ? (
              <Button type="link" onClick={() => setSelected([])}>
                {t('selection.pool.clearSelection')}
              </Button>
            ) : null}
            <Tooltip title={compareHint}>
              <Button
                type="primary"
                disabled={compareCount < 2 || compareCount > compareMax}
                onClick={() => setComparing(selectedItems)}
                data-testid="selection-compare"
              >
                {t('selection.pool.compare', { count: compareCount })}
              </Button>
            </Tooltip>
          </Space>
        }
      >
        <PoolToolbar
          categories={categoryOptions}
          filters={filters}
          onFilters={setFilters}
          approvedOnly={approvedOnly}
          onApprovedOnly={setApprovedOnly}
          days={days}
          onDays={setDays}
          weights={weights}
          onWeights={setWeights}
        />
        {scores.error ? (
          <SelectionLoadError
            error={scores.error}
            onRetry={() => void scores.refetch()}
            extra={
              sessionId ? (
                <Button onClick={() => chooseSession(null)}>{t('selection.session.clear')}</Button>
              ) : null
            }
          />
        ) : (
          <ScoresTable
            rows={rows}
            loading={scores.isFetching}
            emptyText={
              <PoolEmpty
                catalogueEmpty={items.length === 0}
                approvedOnly={approvedOnly}
                filtered={filtersActive(filters)}
                onClear={() => setFilters(noFilters)}
              />
            }
            selectedKeys={selected}
            onSelect={setSelected}
            shortlisted={shortlisted}
            shortlistOpen={sessionId ? open : null}
            canManage={canManage}
            busySku={busySku}
            onScore={setBreakdown}
            onPrices={(item) => setHistory({ productId: item.productId, title: item.title })}
            onObserve={setObserving}
            onToggleShortlist={toggleShortlist}
          />
        )}
      </Card>
      <CompareModal items={comparing} params={params} onClose={() => setComparing(null)} />
      <ScoreBreakdownDrawer
        item={breakdown}
        session={scores.data?.session ?? null}
        requirements={scores.data?.requirements ?? []}
        onClose={() => setBreakdown(null)}
      />
      <PriceHistoryDrawer
        key={days}
        product={history}
        initialDays={days}
        canManage={canManage}
        onClose={() => setHistory(null)}
        onChanged={pricesChanged}
      />
      {observing ? (
        <ObservationModal
          open
          productId={observing.productId}
          skus={[
            { skuId: observing.skuId, spec: observing.spec },
            ...items
              .filter((i) => i.productId === observing.productId && i.skuId !== observing.skuId)
              .map((i) => ({ skuId: i.skuId, spec: i.spec })),
          ]}
          onClose={() => setObserving(null)}
          onSaved={() => {
            setObserving(null);
            pricesChanged();
          }}
        />
      ) : null}
      <PriceImportModal open={importing} onClose={() => setImporting(false)} onImported={pricesChanged} />
    </div>
  );
}
