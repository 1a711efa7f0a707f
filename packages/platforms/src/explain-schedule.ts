import type { ResolvedLineupItem, ResolvedSessionPlan } from './session-plan.schema.js';

/** One explain segment (讲解): which line-up item is on screen from when to when. */
export interface ExplainSegment {
  /** 0-based position among the session's segments. */
  index: number;
  /** Position of the item in the line-up. */
  lineupIndex: number;
  /** 1 for the first pass through the line-up, 2 for the first re-feature (返场) pass, … */
  round: number;
  item: ResolvedLineupItem;
  startAt: number;
  endAt: number;
  /** True when the session ended before the planned explain time was over. */
  truncated: boolean;
}

// Anchors open with a few minutes of warm-up chat (暖场) before the first product, ~3 min on a
// normal session, less on a short one.
const maxWarmUpMs = 3 * 60_000;
// A segment that would get less than this before the end is not started; anchors wrap up instead.
const minSegmentMs = 30_000;

/** When the session's warm-up ends and the first product goes on screen. */
export function warmUpEndsAt(plan: Pick<ResolvedSessionPlan, 'startAt' | 'durationMin'>): number {
  const durationMs = Math.round(plan.durationMin * 60_000);
  return plan.startAt + Math.min(maxWarmUpMs, Math.round(durationMs * 0.05));
}

/**
 * The explain segments of a session: the line-up in order, each for its planned minutes, back to
 * back; when the line-up runs out before the session does, the anchor starts over (返场), as
 * real rooms do with the whole line-up rather than going silent.
 */
export function planExplainSegments(
  plan: Pick<ResolvedSessionPlan, 'startAt' | 'durationMin' | 'lineup'>,
): ExplainSegment[] {
  const endAt = plan.startAt + Math.round(plan.durationMin * 60_000);
  const segments: ExplainSegment[] = [];
  let at = warmUpEndsAt(plan);
  for (let round = 1; at + minSegmentMs <= endAt; round++) {
    for (let lineupIndex = 0; lineupIndex < plan.lineup.length && at + minSegmentMs <= endAt; lineupIndex++) {
      const item = plan.lineup[lineupIndex]!;
      const plannedEnd = at + Math.round(item.explainMinutes * 60_000);
      const segmentEnd = Math.min(plannedEnd, endAt);
      segments.push({
        index: segments.length,
        lineupIndex,
        round,
        item,
        startAt: at,
        endAt: segmentEnd,
        truncated: segmentEnd < plannedEnd,
      });
      at = segmentEnd;
    }
  }
  return segments;
}

/** The segment on screen at `at`, found by a moving cursor since the simulator only walks forward. */
export function createSegmentCursor(
  segments: readonly ExplainSegment[],
): (at: number) => ExplainSegment | undefined {
  let i = 0;
  return (at) => {
    while (i < segments.length && segments[i]!.endAt <= at) i++;
    const segment = segments[i];
    return segment !== undefined && segment.startAt <= at ? segment : undefined;
  };
}
