import { type PastMetric, type WindowMetric } from '@livecloud/contracts/vocabulary';
import type { LiveBoard, Ratio } from '@livecloud/live/schemas';
import { useTranslation } from 'react-i18next';
import { dash, formatChange } from './big-screen-format';

/** Which comparisons a figure on the screen has: the window metric and/or the past-session metric. */
export interface ComparisonKeys {
  window?: WindowMetric;
  past?: PastMetric;
  /** For rates where less is better (bounce): the percentile reads "higher than", not "beats". */
  lowerIsBetter?: boolean;
}

/** The window change of a metric; null when there is no complete window yet or no previous value. */
export function windowChange(board: LiveBoard, metric: WindowMetric): Ratio | null {
  return board.comparison.window?.metrics.find((m) => m.metric === metric)?.change ?? null;
}

/** The share of the room's past sessions this one beats; null without past sessions or a value. */
export function pastBeats(board: LiveBoard, metric: PastMetric): Ratio | null {
  if (board.comparison.past.sessions === 0) return null;
  return board.comparison.past.metrics.find((m) => m.metric === metric)?.beats ?? null;
}

/**
 * A window change as "环比 ↑12.3%" (or just the arrow and figure when `bare`); "—" without one,
 * or nothing at all when `hideEmpty`.
 */
export function WindowChange({
  change,
  bare = false,
  hideEmpty = false,
}: {
  change: Ratio | null;
  bare?: boolean;
  hideEmpty?: boolean;
}) {
  const { t } = useTranslation();
  const prefix = bare ? null : <>{t('bigScreen.compare.windowShort')} </>;
  if (change === null || change.value === null) {
    if (hideEmpty) return null;
    return (
      <span className="lc-bs-delta lc-bs-delta-none" title={t('bigScreen.compare.windowNone')}>
        {prefix}
        {dash}
      </span>
    );
  }
  const { text, trend } = formatChange(change.value);
  return (
    <span className={`lc-bs-delta lc-bs-delta-${trend}`} title={t('bigScreen.compare.windowHint')}>
      {prefix}
      <b>{text}</b>
    </span>
  );
}

function PastPercentile({ beats, lowerIsBetter }: { beats: Ratio | null; lowerIsBetter: boolean }) {
  const { t } = useTranslation();
  if (beats === null || beats.value === null) {
    return (
      <span className="lc-bs-rank lc-bs-rank-none" title={t('bigScreen.compare.pastNone')}>
        {t('bigScreen.compare.pastShort')} {dash}
      </span>
    );
  }
  const percent = Math.round(beats.value * 100);
  const good = lowerIsBetter ? percent <= 50 : percent >= 50;
  return (
    <span
      className={`lc-bs-rank ${good ? 'lc-bs-rank-good' : 'lc-bs-rank-weak'}`}
      title={t('bigScreen.compare.pastHint', { n: beats.denominator })}
    >
      <span className="lc-bs-rank-long">
        {lowerIsBetter
          ? t('bigScreen.compare.higherThan', { percent })
          : t('bigScreen.compare.beats', { percent })}
      </span>
      <span className="lc-bs-rank-short" aria-hidden="true">
        {lowerIsBetter
          ? t('bigScreen.compare.higherThanShort', { percent })
          : t('bigScreen.compare.beatsShort', { percent })}
      </span>
    </span>
  );
}

/** The comparisons a figure has, each "—" when the board does not provide it (never invented). */
export function Comparison({ board, keys }: { board: LiveBoard; keys: ComparisonKeys }) {
  if (keys.window === undefined && keys.past === undefined) return null;
  return (
    <span className="lc-bs-compare">
      {keys.window === undefined ? null : <WindowChange change={windowChange(board, keys.window)} />}
      {keys.past === undefined ? null : <PastRank board={board} keys={keys} />}
    </span>
  );
}

/** The past-session percentile of a figure on its own line; nothing when the figure has none. */
export function PastRank({ board, keys }: { board: LiveBoard; keys: ComparisonKeys }) {
  if (keys.past === undefined) return null;
  return (
    <span className="lc-bs-compare">
      <PastPercentile beats={pastBeats(board, keys.past)} lowerIsBetter={keys.lowerIsBetter === true} />
    </span>
  );
}
