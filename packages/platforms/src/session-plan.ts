import { AppError } from '@livecloud/core';
import { sessionPlanSchema, type ResolvedSessionPlan, type SessionPlan } from './session-plan.schema.js';

/** Validates a plan; a bad plan is a caller's mistake, so it throws an `invalid` AppError. */
export function resolveSessionPlan(plan: SessionPlan): ResolvedSessionPlan {
  const parsed = sessionPlanSchema.safeParse(plan);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'plan'}: ${i.message}`).join('; ');
  throw AppError.invalid('invalid_session_plan', message, parsed.error.issues);
}
