import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { selectionZhCN } from '../../i18n/selection.zh-cn';

type SelectionErrorKey = keyof typeof selectionZhCN.errors;

function isSelectionCode(code: string): code is SelectionErrorKey {
  return Object.hasOwn(selectionZhCN.errors, code);
}

function missingColumns(details: unknown): string {
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

/** What to tell the user about a failed selection call: this area's own wording first, then the shared one. */
export function selectionErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && isSelectionCode(error.code)) {
    return t(`selection.errors.${error.code}`, { columns: missingColumns(error.details) });
  }
  return errorMessage(t, error);
}
