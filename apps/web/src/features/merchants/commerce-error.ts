import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { errorMessage, missingColumnsOf } from '../../api/error-message';
import { commerceZhCN } from '../../i18n/commerce.zh-cn';

type CommerceErrorKey = keyof typeof commerceZhCN.errors;

function isCommerceCode(code: string): code is CommerceErrorKey {
  return Object.hasOwn(commerceZhCN.errors, code);
}

/** What to tell the user about a failed commerce call: our own wording for commerce codes, else the shared one. */
export function commerceErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && isCommerceCode(error.code)) {
    return t(`commerce.errors.${error.code}`, { columns: missingColumnsOf(error.details) });
  }
  return errorMessage(t, error);
}
