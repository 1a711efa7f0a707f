import { AppError } from '@livecloud/core';
import type { LineupDto } from './lineup.schema.js';

/** How long before its planned start a session may go live without an override. */
export const earlyGoLiveMs = 60 * 60_000;

/** Why a session is not ready to go live; each is rendered from its code in the web app. */
export type GoLiveProblem =
  | { code: 'lineup_empty'; params: Record<string, never> }
  | { code: 'lineup_invalid'; params: { problems: number; codes: string[] } }
  | { code: 'too_early'; params: { minutesEarly: number; plannedStart: string } };

/** What a go-live request says when it goes ahead despite the problems. */
export interface GoLiveOverride {
  reason: string;
}

/** The problems that stop a planned session going live now: its line-up and its timing. */
export function goLiveProblems(
  session: { plannedStart: number },
  lineup: Pick<LineupDto, 'items' | 'validation'>,
  now: number,
): GoLiveProblem[] {
  const problems: GoLiveProblem[] = [];
  if (lineup.items.length === 0) problems.push({ code: 'lineup_empty', params: {} });
  if (!lineup.validation.ok) {
    problems.push({
      code: 'lineup_invalid',
      params: {
        problems: lineup.validation.problems.length,
        codes: [...new Set(lineup.validation.problems.map((p) => p.code))],
      },
    });
  }
  if (session.plannedStart - now > earlyGoLiveMs) {
    problems.push({
      code: 'too_early',
      params: {
        minutesEarly: Math.round((session.plannedStart - now) / 60_000),
        plannedStart: new Date(session.plannedStart).toISOString(),
      },
    });
  }
  return problems;
}

/**
 * Going live with problems needs an override with a reason by someone allowed to give one
 * (`live:override`); otherwise 409 `session_not_ready` lists them, or 403 when the caller may
 * not override.
 */
export function assertMayGoLive(
  sessionId: string,
  problems: readonly GoLiveProblem[],
  override: { given?: GoLiveOverride | undefined; permitted: boolean },
): void {
  if (problems.length === 0) return;
  if (override.given === undefined) {
    throw AppError.conflict(
      'session_not_ready',
      `The session is not ready to go live: ${problems.map((p) => p.code).join(', ')}`,
      { sessionId, problems, overridable: override.permitted },
    );
  }
  if (!override.permitted) {
    throw AppError.forbidden(
      'override_not_permitted',
      'Going live despite the problems needs the live:override permission',
    );
  }
}
