import { AppError, newId } from '@livecloud/core';
import type { SubmissionStatus } from './commerce.tables.js';
import { actorColumns, type AuditActor } from './ports.js';
import type { Repositories } from './repositories.js';
import type { SubmissionRow } from './submission.repository.js';
import { illegalTransition } from './transition.js';

/** How a move is made: a person's action, a QC inspection's result, or a warehouse receipt. */
export type TransitionVia = 'action' | 'inspection' | 'receipt';

/**
 * THE submission state machine (报品): for each status, where it may go and by what. Nothing
 * else decides whether a submission may move.
 */
export const submissionTransitions: Readonly<
  Record<SubmissionStatus, Readonly<Partial<Record<SubmissionStatus, TransitionVia>>>>
> = {
  submitted: { shortlisted: 'action', rejected: 'action', withdrawn: 'action' },
  shortlisted: { sample_requested: 'action', rejected: 'action', withdrawn: 'action' },
  sample_requested: { sample_received: 'action', rejected: 'action', withdrawn: 'action' },
  sample_received: { qc_passed: 'inspection', qc_failed: 'inspection', rejected: 'action' },
  qc_passed: { approved: 'action', rejected: 'action' },
  qc_failed: { sample_requested: 'action', rejected: 'action' },
  approved: { warehoused: 'receipt', rejected: 'action' },
  warehoused: {},
  rejected: {},
  withdrawn: {},
};

/** Where a submission may go from a status, by any means. */
export function nextStatuses(from: SubmissionStatus): SubmissionStatus[] {
  return Object.keys(submissionTransitions[from]) as SubmissionStatus[];
}

/** Where a person may move it directly from a status. */
export function actionsFrom(from: SubmissionStatus): SubmissionStatus[] {
  return nextStatuses(from).filter((to) => submissionTransitions[from][to] === 'action');
}

/** Throws 409 `illegal_transition` unless the table allows `from` → `to` by `via`. */
export function checkSubmissionTransition(
  from: SubmissionStatus,
  to: SubmissionStatus,
  via: TransitionVia,
): void {
  const how = submissionTransitions[from][to];
  if (how === undefined) throw illegalTransition('submission', from, to, nextStatuses(from));
  if (how !== via) {
    const error = illegalTransition(
      'submission',
      from,
      to,
      nextStatuses(from).filter((s) => submissionTransitions[from][s] === via),
    );
    throw new AppError(
      'conflict',
      error.code,
      `A submission reaches ${to} only by ${how === 'inspection' ? 'a QC inspection' : how === 'receipt' ? 'a warehouse receipt' : 'an action'}`,
      {
        ...(error.details as object),
        needs: how,
      },
    );
  }
}

/**
 * Moves a locked submission and writes its history entry, inside the caller's transaction.
 * The caller has already checked any rule beyond the table (deposit, QC).
 */
export async function moveSubmission(
  repos: Repositories,
  row: SubmissionRow,
  to: SubmissionStatus,
  via: TransitionVia,
  change: { reason: string | null; actor: AuditActor; at: Date },
): Promise<void> {
  checkSubmissionTransition(row.status, to, via);
  await repos.submissions.setStatus(row.org_id, row.id, to, change.reason, change.at);
  await repos.submissions.insertEvent({
    id: newId('sbe', change.at.getTime()),
    org_id: row.org_id,
    submission_id: row.id,
    from_status: row.status,
    to_status: to,
    reason: change.reason,
    ...actorColumns(change.actor),
    at: change.at,
  });
}
