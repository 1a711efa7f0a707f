import type { EventIssue } from '@livecloud/contracts';

/**
 * What a pipeline step decides about one item: carry on with a (possibly changed) value,
 * drop it on purpose (a duplicate), or stop it and keep it as a dead letter with the reason.
 */
export type StepResult<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'drop'; readonly reason: string }
  | { readonly kind: 'dead_letter'; readonly reason: string; readonly issues: readonly EventIssue[] };

/** The item goes on to the next step. */
export function ok<T>(value: T): StepResult<T> {
  return { kind: 'ok', value };
}

/** The item is discarded on purpose and counted (e.g. a duplicate); it is not an error. */
export function drop(reason: string): StepResult<never> {
  return { kind: 'drop', reason };
}

/** The item is kept in the dead-letter store with `reason`, to be inspected and replayed. */
export function deadLetter(reason: string, issues: readonly EventIssue[] = []): StepResult<never> {
  return {
    kind: 'dead_letter',
    reason,
    issues: issues.length > 0 ? issues : [{ path: '', code: 'custom', message: reason }],
  };
}

/** Runs `next` on an ok value and passes drops and dead letters through unchanged. */
export function andThen<T, U>(result: StepResult<T>, next: (value: T) => StepResult<U>): StepResult<U> {
  return result.kind === 'ok' ? next(result.value) : result;
}
