import type { LiveBoard } from '@livecloud/live/schemas';
import type { ReactNode } from 'react';
import { AnimatedNumber } from './animated-number';
import { PastRank, WindowChange, windowChange, type ComparisonKeys } from './comparison';

export interface PanelProps {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}

/** A framed panel of the big screen: title bar with an accent, glowing corners, a body that fills the rest. */
export function Panel({ title, extra, children, className, testId }: PanelProps) {
  return (
    <section className={`lc-bs-panel${className ? ` ${className}` : ''}`} data-testid={testId}>
      <header className="lc-bs-panel-head">
        <h2 className="lc-bs-panel-title">{title}</h2>
        {extra === undefined ? null : <div className="lc-bs-panel-extra">{extra}</div>}
      </header>
      <div className="lc-bs-panel-body">{children}</div>
      <i className="lc-bs-corner lc-bs-corner-tl" aria-hidden="true" />
      <i className="lc-bs-corner lc-bs-corner-tr" aria-hidden="true" />
      <i className="lc-bs-corner lc-bs-corner-bl" aria-hidden="true" />
      <i className="lc-bs-corner lc-bs-corner-br" aria-hidden="true" />
    </section>
  );
}

export interface StatProps {
  board: LiveBoard;
  /** Stable id: the test id is `metric-<id>`. */
  id: string;
  label: ReactNode;
  value: number | null;
  format: (value: number) => string;
  /** What a null value shows, e.g. "unknown" where dwell cannot be known; "—" by default. */
  empty?: string;
  compare?: ComparisonKeys;
  /** A second line under the value, e.g. the ratio's terms. */
  note?: ReactNode;
  tone?: 'cyan' | 'gold' | 'blue' | 'purple' | 'green' | 'pink';
  size?: 'md' | 'lg';
}

/**
 * One key figure: label, animated value with its change against the previous window beside it,
 * and below it where it stands among the room's past sessions.
 */
export function Stat({
  board,
  id,
  label,
  value,
  format,
  empty,
  compare,
  note,
  tone = 'cyan',
  size = 'md',
}: StatProps) {
  return (
    <div className={`lc-bs-stat lc-bs-stat-${size} lc-bs-tone-${tone}`} data-testid={`metric-${id}`}>
      <div className="lc-bs-stat-label">{label}</div>
      <div className="lc-bs-stat-main">
        <AnimatedNumber
          className="lc-bs-stat-value"
          value={value}
          format={format}
          {...(empty === undefined ? {} : { empty })}
          testId={`metric-${id}-value`}
        />
        {compare?.window === undefined ? null : (
          <WindowChange change={windowChange(board, compare.window)} bare hideEmpty />
        )}
      </div>
      {note === undefined ? null : <div className="lc-bs-stat-note">{note}</div>}
      {compare === undefined ? null : <PastRank board={board} keys={compare} />}
    </div>
  );
}
