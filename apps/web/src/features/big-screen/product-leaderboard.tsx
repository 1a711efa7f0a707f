import type { LiveBoard, ProductRow } from '@livecloud/live/schemas';
import { useTranslation } from 'react-i18next';
import { AnimatedNumber } from './animated-number';
import {
  formatCount,
  formatElapsed,
  formatPercent,
  formatYuanCompact,
  screenLanguage,
} from './big-screen-format';

/** Products by GMV, then paid orders, then clicks (the id breaks ties, so the order is stable). */
export function rankProducts(products: readonly ProductRow[]): ProductRow[] {
  return [...products].sort(
    (a, b) =>
      b.gmvFen - a.gmvFen ||
      b.paidOrders - a.paidOrders ||
      b.clicks - a.clicks ||
      a.productId.localeCompare(b.productId),
  );
}

/**
 * The rows the leaderboard ranks: the products with events, and every product of the session's
 * line-up (排品) that has none yet, at zero, so the board lists what the session plans to sell.
 */
export function leaderboardRows(board: Pick<LiveBoard, 'products' | 'plan'>): ProductRow[] {
  const seen = new Set(board.products.map((p) => p.productId));
  const planned = (board.plan?.lineup ?? []).flatMap((item) => {
    if (seen.has(item.productId)) return [];
    seen.add(item.productId);
    const zero = { numerator: 0, denominator: 0, value: null };
    return [
      {
        productId: item.productId,
        impressions: 0,
        clicks: 0,
        cartAdds: 0,
        orders: 0,
        paidOrders: 0,
        gmvFen: 0,
        ctr: zero,
        conversion: zero,
        explaining: false,
      },
    ];
  });
  return [...board.products, ...planned];
}

/** A product's catalogue title, or its id when the catalogue does not know it. */
export function productName(board: Pick<LiveBoard, 'productTitles'>, productId: string): string {
  return board.productTitles[productId] ?? productId;
}

/** The product on screen now: how long it has been explained and how it is selling. */
export function NowExplaining({ board }: { board: LiveBoard }) {
  const { t, i18n } = useTranslation();
  const language = screenLanguage(i18n.language);
  const explaining = board.explaining;
  const product =
    explaining === null ? undefined : board.products.find((p) => p.productId === explaining.productId);
  if (explaining === null) {
    return (
      <div className="lc-bs-explaining lc-bs-explaining-idle" data-testid="now-explaining">
        <div className="lc-bs-explaining-top">
          <span className="lc-bs-explaining-tag">{t('bigScreen.products.nowExplaining')}</span>
          <span className="lc-bs-explaining-none">{t('bigScreen.products.noneExplaining')}</span>
        </div>
      </div>
    );
  }
  const since = Math.max(0, (board.lastEventAt ?? explaining.since) - explaining.since);
  return (
    <div className="lc-bs-explaining" data-testid="now-explaining">
      <div className="lc-bs-explaining-top">
        <span className="lc-bs-explaining-tag">
          <i className="lc-bs-pulse" />
          {t('bigScreen.products.nowExplaining')}
        </span>
        <span className="lc-bs-explaining-name" title={explaining.productId}>
          {productName(board, explaining.productId)}
        </span>
        <span className="lc-bs-explaining-since">
          {t('bigScreen.products.explainedFor', { time: formatElapsed(since) })}
        </span>
      </div>
      {product === undefined ? null : (
        <div className="lc-bs-explaining-stats">
          <span>
            <small>{t('bigScreen.products.gmv')}</small>
            <AnimatedNumber value={product.gmvFen} format={(v) => formatYuanCompact(v, language)} />
          </span>
          <span>
            <small>{t('bigScreen.products.orders')}</small>
            <AnimatedNumber value={product.paidOrders} format={formatCount} />
          </span>
          <span>
            <small>{t('bigScreen.products.clicks')}</small>
            <AnimatedNumber value={product.clicks} format={formatCount} />
          </span>
          <span>
            <small>{t('bigScreen.products.ctr')}</small>
            {formatPercent(product.ctr.value, 1)}
          </span>
          <span>
            <small>{t('bigScreen.products.conversion')}</small>
            {formatPercent(product.conversion.value, 1)}
          </span>
        </div>
      )}
    </div>
  );
}

/** The per-product leaderboard; the product being explained is highlighted and always listed. */
export function ProductLeaderboard({ board, limit }: { board: LiveBoard; limit: number }) {
  const { t, i18n } = useTranslation();
  const language = screenLanguage(i18n.language);
  const ranked = rankProducts(leaderboardRows(board));
  const shown = ranked.slice(0, limit);
  const explainingIndex = ranked.findIndex((p) => p.explaining);
  const explainingRow = ranked[explainingIndex];
  if (explainingIndex >= limit && explainingRow !== undefined) shown.splice(limit - 1, 1, explainingRow);
  const topGmv = Math.max(1, ranked[0]?.gmvFen ?? 0);

  if (ranked.length === 0) return <div className="lc-bs-empty">{t('bigScreen.empty.noProducts')}</div>;
  return (
    <div className="lc-bs-products" data-testid="product-leaderboard">
      <div className="lc-bs-products-grid lc-bs-products-head">
        <span>{t('bigScreen.products.rank')}</span>
        <span>{t('bigScreen.products.product')}</span>
        <span>{t('bigScreen.products.gmv')}</span>
        <span>{t('bigScreen.products.orders')}</span>
        <span>{t('bigScreen.products.ctr')}</span>
        <span>{t('bigScreen.products.conversion')}</span>
      </div>
      {shown.map((product) => {
        const rank = ranked.indexOf(product) + 1;
        return (
          <div
            key={product.productId}
            className={`lc-bs-products-grid lc-bs-products-row${product.explaining ? ' lc-bs-products-explaining' : ''}`}
            data-testid={product.explaining ? 'product-explaining' : undefined}
          >
            <span className={`lc-bs-rank-badge lc-bs-rank-${rank <= 3 ? rank : 'n'}`}>{rank}</span>
            <span className="lc-bs-products-name" title={product.productId}>
              <span className="lc-bs-products-id">{productName(board, product.productId)}</span>
              {product.explaining ? (
                <span className="lc-bs-products-live">{t('bigScreen.products.live')}</span>
              ) : null}
              <span className="lc-bs-products-bar" style={{ width: `${(product.gmvFen / topGmv) * 100}%` }} />
            </span>
            <AnimatedNumber
              className="lc-bs-products-gmv"
              value={product.gmvFen}
              format={(v) => formatYuanCompact(v, language)}
            />
            <AnimatedNumber value={product.paidOrders} format={formatCount} />
            <span>{formatPercent(product.ctr.value, 1)}</span>
            <span>{formatPercent(product.conversion.value, 1)}</span>
          </div>
        );
      })}
    </div>
  );
}
