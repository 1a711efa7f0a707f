import type { ClashDto as Clash } from '@livecloud/schedule/schemas';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { errorMessage } from '../api/error-message';
import { formatFen } from './format';
import { scheduleZhCN } from '../i18n/schedule.zh-cn';

type SchedulingErrorKey = keyof typeof scheduleZhCN.errors;

function isSchedulingError(code: string): code is SchedulingErrorKey {
  return Object.hasOwn(scheduleZhCN.errors, code);
}

/** An error's figures for its sentence: money in fen (`…Fen`) as yuan, counts as they are. */
function errorParams(details: unknown): Record<string, string | number> {
  if (typeof details !== 'object' || details === null) return {};
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'number')
      params[key.replace(/Fen$/, '')] = key.endsWith('Fen') ? formatFen(value) : value.toLocaleString();
    else if (typeof value === 'string') params[key] = value;
  }
  return params;
}

/** The user-facing text for a failed scheduling call, with this area's own error codes first. */
export function schedulingErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && isSchedulingError(error.code))
    return t(`schedule.errors.${error.code}`, errorParams(error.details));
  return errorMessage(t, error);
}

/** The clashes of a 409 `schedule_conflict` answer, or null for any other failure. */
export function clashesOf(error: unknown): Clash[] | null {
  if (!(error instanceof ApiError) || error.code !== 'schedule_conflict') return null;
  const details = error.details as { clashes?: unknown } | undefined;
  return Array.isArray(details?.clashes) ? (details.clashes as Clash[]) : null;
}
