import type { TFunction } from 'i18next';
import { errorCodeLabel } from '../i18n/labels';
import { ApiError, networkErrorCode } from './client';
import { validationMessage } from './validation-message';

/**
 * What to tell the user about a failed call: the translated text for well-known codes,
 * the fields of a schema failure in words, otherwise a sentence that fits the HTTP status.
 * The server's own `message` is English for API clients and never reaches the screen.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.code === networkErrorCode) return t('errors.network');
  const known = errorCodeLabel(t, error.code);
  if (known !== null) return known;
  if (error.code === 'invalid_request') {
    const issues = validationMessage(t, error.details);
    if (issues !== null) return issues;
  }
  if (error.status === 400 || error.status === 422) return t('errors.status400');
  if (error.status === 403) return t('errors.status403');
  if (error.status === 404) return t('errors.status404');
  if (error.status === 409) return t('errors.status409');
  if (error.status >= 500) return t('errors.status5xx');
  return t('errors.generic');
}

/** The column names of an import error's `details.missing` (e.g. a CSV without required headers), joined for a sentence. */
export function missingColumnsOf(details: unknown): string {
  if (
    typeof details === 'object' &&
    details !== null &&
    'missing' in details &&
    Array.isArray(details.missing)
  ) {
    return details.missing.filter((c): c is string => typeof c === 'string').join('、');
  }
  return '';
}
