import { AppError } from '@livecloud/core';

/** A state machine as a table: for each state, the states it may move to. */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

/** The 409 every refused status change answers with, naming where it could have gone instead. */
export function illegalTransition(
  entity: string,
  from: string,
  to: string,
  allowed: readonly string[],
): AppError {
  return AppError.conflict('illegal_transition', `A ${entity} in status ${from} cannot move to ${to}`, {
    from,
    to,
    allowed: [...allowed],
  });
}

/** Throws `illegal_transition` unless the table allows `from` → `to`. */
export function assertTransition<S extends string>(
  entity: string,
  table: TransitionTable<S>,
  from: S,
  to: S,
): void {
  const allowed = table[from];
  if (!allowed.includes(to)) throw illegalTransition(entity, from, to, allowed);
}
