import type { BoardCommentDto as BoardComment, CommentRow, ModerationHit } from '@livecloud/live/schemas';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from './big-screen-format';

const avatarColors = ['#3de7ff', '#4d8dff', '#a78bfa', '#f472b6', '#ffc53d', '#34d399', '#fb923c'];

function hash(text: string): number {
  let value = 0;
  for (let i = 0; i < text.length; i++) value = (value * 31 + text.charCodeAt(i)) >>> 0;
  return value;
}

/** A viewer's nickname, or a shortened platform id when the platform sent no nickname. */
export function viewerName(comment: CommentRow): string {
  if (comment.nickname) return comment.nickname;
  const id = comment.viewerId;
  return id.length > 10 ? `${id.slice(0, 6)}…${id.slice(-3)}` : id;
}

/** The comment's text with each flagged span marked; overlapping hits merge into one mark. */
function MarkedText({ text, hits }: { text: string; hits: readonly ModerationHit[] }) {
  const spans = [...hits]
    .filter((hit) => hit.start < hit.end && hit.end <= text.length)
    .sort((a, b) => a.start - b.start)
    .reduce<{ start: number; end: number }[]>((merged, hit) => {
      const last = merged.at(-1);
      if (last && hit.start <= last.end) last.end = Math.max(last.end, hit.end);
      else merged.push({ start: hit.start, end: hit.end });
      return merged;
    }, []);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) parts.push(text.slice(at, span.start));
    parts.push(
      <mark key={span.start} className="lc-bs-comment-hit">
        {text.slice(span.start, span.end)}
      </mark>,
    );
    at = span.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/** New comments of one update enter one after another over this long, like a chat scrolling. */
const arrivalSpreadMs = 800;
/** How long a comment keeps its entry animation (longer than the spread plus the animation). */
const animateForMs = 2_000;

interface Arrival {
  at: number;
  delayMs: number;
}

/**
 * Remembers when each comment first appeared and the delay of its entry animation, so that
 * the comments of one update enter one by one and a re-render never restarts an animation.
 * Comments present when the screen opens do not animate.
 */
function useArrivals(shown: readonly CommentRow[]): Map<string, Arrival> {
  const arrivals = useRef<Map<string, Arrival> | null>(null);
  const now = Date.now();
  if (arrivals.current === null) {
    arrivals.current = new Map(shown.map((comment) => [comment.id, { at: 0, delayMs: 0 }]));
    return arrivals.current;
  }
  const known = arrivals.current;
  const fresh = shown.filter((comment) => !known.has(comment.id));
  const step = fresh.length > 0 ? arrivalSpreadMs / fresh.length : 0;
  fresh.forEach((comment, index) => known.set(comment.id, { at: now, delayMs: Math.round(index * step) }));
  if (known.size > shown.length * 2) {
    const keep = new Set(shown.map((comment) => comment.id));
    for (const id of known.keys()) if (!keep.has(id)) known.delete(id);
  }
  return known;
}

/**
 * The latest comments as a chat column: newest at the bottom, each new one sliding in and
 * pushing the older ones up (the column is anchored to its bottom edge).
 */
export function CommentStream({ comments, max }: { comments: readonly BoardComment[]; max: number }) {
  const { t } = useTranslation();
  const shown = comments.slice(0, max).reverse();
  const arrivals = useArrivals(shown);
  const now = Date.now();

  if (shown.length === 0) return <div className="lc-bs-empty">{t('bigScreen.empty.noComments')}</div>;
  return (
    <ol className="lc-bs-comments" data-testid="comment-stream" aria-live="off">
      {shown.map((comment) => {
        const name = viewerName(comment);
        const color = avatarColors[hash(comment.viewerId) % avatarColors.length];
        const arrival = arrivals.get(comment.id);
        const entering = arrival !== undefined && now - arrival.at < animateForMs;
        const flagged = comment.moderation?.flagged === true ? comment.moderation : null;
        const categories = flagged ? [...new Set(flagged.hits.map((hit) => hit.category))] : [];
        const classes = [
          'lc-bs-comment',
          entering ? 'lc-bs-comment-new' : '',
          flagged ? 'lc-bs-comment-flagged' : '',
        ]
          .filter(Boolean)
          .join(' ');
        return (
          <li
            key={comment.id}
            className={classes}
            style={entering ? { animationDelay: `${arrival.delayMs}ms` } : undefined}
            data-flagged={flagged ? 'true' : undefined}
            title={
              flagged
                ? flagged.hits
                    .map(
                      (hit) =>
                        `${t(`bigScreen.moderation.${hit.category}`, { defaultValue: hit.category })}: ${hit.term}`,
                    )
                    .join('\n')
                : undefined
            }
          >
            <span className="lc-bs-comment-avatar" style={{ color, borderColor: color }}>
              {name.slice(0, 1).toUpperCase()}
            </span>
            <span className="lc-bs-comment-body">
              <span className="lc-bs-comment-name">{name}</span>
              <span className="lc-bs-comment-text">
                {flagged ? <MarkedText text={comment.text} hits={flagged.hits} /> : comment.text}
              </span>
            </span>
            {categories.map((category) => (
              <span key={category} className="lc-bs-comment-flag">
                {t(`bigScreen.moderation.${category}`, { defaultValue: t('bigScreen.moderation.other') })}
              </span>
            ))}
            <time className="lc-bs-comment-time">{formatTime(comment.occurredAt)}</time>
          </li>
        );
      })}
    </ol>
  );
}
