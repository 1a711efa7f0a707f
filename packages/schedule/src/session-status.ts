import { AppError } from '@livecloud/core';
import type { SessionStatus } from './schedule.tables.js';

/** The one path a session walks: planned → live → ended → reviewed. */
const next: Record<SessionStatus, readonly SessionStatus[]> = {
  planned: ['live'],
  live: ['ended'],
  ended: ['reviewed'],
  reviewed: [],
};

export function allowedTransitions(from: SessionStatus): readonly SessionStatus[] {
  return next[from];
}

/** Throws 409 `illegal_transition` unless `from → to` is a step on the path. */
export function assertTransition(sessionId: string, from: SessionStatus, to: SessionStatus): void {
  if (!next[from].includes(to)) {
    throw AppError.conflict('illegal_transition', `A ${from} session cannot become ${to}`, {
      sessionId,
      from,
      to,
      allowed: next[from],
    });
  }
}

/** Line-ups and requirements can change until the session has ended (a live line-up may still be adjusted). */
export function assertSessionOpen(sessionId: string, status: SessionStatus): void {
  if (status === 'ended' || status === 'reviewed') {
    throw AppError.conflict(
      'session_closed',
      `The session has ${status === 'ended' ? 'ended' : 'been reviewed'}; its plan can no longer change`,
      {
        sessionId,
        status,
      },
    );
  }
}
