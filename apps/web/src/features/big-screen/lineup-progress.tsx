import type { LiveBoard } from '@livecloud/live/schemas';
import { useTranslation } from 'react-i18next';
import { formatElapsed } from './big-screen-format';
import { productName } from './product-leaderboard';

type PlanItem = NonNullable<LiveBoard['plan']>['lineup'][number];

/**
 * The line-up (排品) on air: the item explained now and the next ones in the planned order,
 * each with its actual against its planned explain time. Nothing when the session is not scheduled.
 */
export function LineupProgress({ board, next = 3 }: { board: LiveBoard; next?: number }) {
  const { t } = useTranslation();
  const lineup = board.plan?.lineup ?? [];
  if (lineup.length === 0) return null;
  const nowIndex = lineup.findIndex((item) => item.state === 'now');
  const lastDone = lineup.reduce((last, item, index) => (item.state === 'done' ? index : last), -1);
  const from = nowIndex >= 0 ? nowIndex : lastDone + 1;
  const shown = lineup.slice(from, from + next + 1);
  const done = lineup.filter((item) => item.state === 'done').length;
  const row = (item: PlanItem) => {
    const over = item.actualExplainMs > item.plannedExplainMs;
    return (
      <li
        key={`${item.position}-${item.productId}`}
        className={`lc-bs-lineup-item lc-bs-lineup-${item.state}`}
        data-testid={`lineup-item-${item.position}`}
      >
        <span className="lc-bs-lineup-pos">{item.position}</span>
        <span className="lc-bs-lineup-name" title={productName(board, item.productId)}>
          {productName(board, item.productId)}
        </span>
        <span className={`lc-bs-lineup-time${over ? ' lc-bs-lineup-over' : ''}`}>
          {formatElapsed(item.actualExplainMs)} / {formatElapsed(item.plannedExplainMs)}
        </span>
      </li>
    );
  };
  return (
    <div className="lc-bs-lineup" data-testid="lineup-progress">
      <div className="lc-bs-lineup-head">
        <span>{t('bigScreen.lineup.title')}</span>
        <span className="lc-bs-panel-note">
          {t('bigScreen.lineup.progress', { done, total: lineup.length })} · {t('bigScreen.lineup.legend')}
        </span>
      </div>
      <ol className="lc-bs-lineup-list">{shown.map(row)}</ol>
    </div>
  );
}
