import type { TFunction } from 'i18next';
import { zhCN } from './zh-cn';

type RoleKey = keyof typeof zhCN.roles;
type PermissionKey = keyof typeof zhCN.permissions;
type SourceKey = keyof typeof zhCN.sources;
type ErrorKey = keyof typeof zhCN.errors;

function hasKey<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(table, key);
}

/** A role code in the current language; codes the app does not know yet show as they are. */
export function roleLabel(t: TFunction, role: string): string {
  return hasKey(zhCN.roles, role) ? t(`roles.${role satisfies RoleKey}`) : role;
}

/** A permission code in words, or the code itself when the app has no label for it yet. */
export function permissionLabel(t: TFunction, permission: string): string | null {
  return hasKey(zhCN.permissions, permission) ? t(`permissions.${permission satisfies PermissionKey}`) : null;
}

/** An event source (platform, SDK, simulator …) in the current language. */
export function sourceLabel(t: TFunction, source: string): string {
  return hasKey(zhCN.sources, source) ? t(`sources.${source satisfies SourceKey}`) : source;
}

/** The translated text for a well-known API error code, if there is one. */
export function errorCodeLabel(t: TFunction, code: string): string | null {
  return hasKey(zhCN.errors, code) ? t(`errors.${code satisfies ErrorKey}`) : null;
}
