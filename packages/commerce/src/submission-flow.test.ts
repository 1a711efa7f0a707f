import { AppError } from '@livecloud/core';
import { describe, expect, it } from 'vitest';
import type { SubmissionStatus } from './commerce.tables.js';
import { merchantTransitions } from './merchant.service.js';
import {
  actionsFrom,
  checkSubmissionTransition,
  nextStatuses,
  submissionTransitions,
} from './submission-flow.js';
import { submissionStatuses } from './submission.schema.js';
import { assertTransition } from './transition.js';

function refusal(run: () => void): AppError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe('the submission state machine', () => {
  it('walks the happy path submitted → … → warehoused, each step by its own means', () => {
    const path: [SubmissionStatus, SubmissionStatus, 'action' | 'inspection' | 'receipt'][] = [
      ['submitted', 'shortlisted', 'action'],
      ['shortlisted', 'sample_requested', 'action'],
      ['sample_requested', 'sample_received', 'action'],
      ['sample_received', 'qc_passed', 'inspection'],
      ['qc_passed', 'approved', 'action'],
      ['approved', 'warehoused', 'receipt'],
    ];
    for (const [from, to, via] of path) expect(() => checkSubmissionTransition(from, to, via)).not.toThrow();
  });

  const pairs = submissionStatuses.flatMap((from) => submissionStatuses.map((to) => [from, to] as const));
  const illegal = pairs.filter(([from, to]) => submissionTransitions[from][to] === undefined);

  it.each(illegal)('refuses %s → %s with 409 illegal_transition naming the allowed moves', (from, to) => {
    for (const via of ['action', 'inspection', 'receipt'] as const) {
      const error = refusal(() => checkSubmissionTransition(from, to, via));
      expect(error?.status).toBe(409);
      expect(error?.code).toBe('illegal_transition');
      expect(error?.details).toEqual({ from, to, allowed: nextStatuses(from) });
    }
  });

  it('refuses a legal move made by the wrong means (QC result by hand, warehousing without a receipt)', () => {
    expect(refusal(() => checkSubmissionTransition('sample_received', 'qc_passed', 'action'))).toMatchObject({
      code: 'illegal_transition',
      details: { from: 'sample_received', to: 'qc_passed', needs: 'inspection' },
    });
    expect(refusal(() => checkSubmissionTransition('approved', 'warehoused', 'action'))).toMatchObject({
      details: { needs: 'receipt' },
    });
    expect(refusal(() => checkSubmissionTransition('qc_passed', 'approved', 'inspection'))).toMatchObject({
      details: { needs: 'action' },
    });
  });

  it('never lets a failed QC reach approval and ends in terminal states', () => {
    expect(nextStatuses('qc_failed')).not.toContain('approved');
    for (const end of ['warehoused', 'rejected', 'withdrawn'] as const) expect(nextStatuses(end)).toEqual([]);
    expect(actionsFrom('sample_received')).toEqual(['rejected']);
    expect(actionsFrom('submitted')).toEqual(['shortlisted', 'rejected', 'withdrawn']);
  });
});

describe('the merchant state machine', () => {
  const statuses = ['applied', 'approved', 'rejected', 'suspended'] as const;
  const pairs = statuses.flatMap((from) => statuses.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s is allowed exactly when the table says so', (from, to) => {
    const error = refusal(() => assertTransition('merchant', merchantTransitions, from, to));
    if (merchantTransitions[from].includes(to)) {
      expect(error).toBeUndefined();
    } else {
      expect(error).toMatchObject({
        status: 409,
        code: 'illegal_transition',
        details: { from, to, allowed: [...merchantTransitions[from]] },
      });
    }
  });
});
