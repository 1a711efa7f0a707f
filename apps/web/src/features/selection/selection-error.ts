import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { errorMessage, missingColumnsOf } from '../../api/error-message';
import { selectionZhCN } from '../../i18n/selection.zh-cn';

type SelectionErrorKey = keyof typeof selectionZhCN.errors;

function isSelectionCode(code: string): code is SelectionErrorKey {
  return Object.hasOwn(selectionZhCN.errors, code);
}

/** What to tell the user about a failed selection call: this area's own wording first, then the shared one. */
export function selectionErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && isSelectionCode(error.code)) {
    return t(`selection.errors.${error.code}`, { columns: missingColumnsOf(error.details) });
  }
  return errorMessage(t, error);
}
