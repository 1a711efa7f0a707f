import type { AuditEntryDto } from '@livecloud/access/schemas';
import type { ListOf } from '@livecloud/contracts';
import type { TFunction } from 'i18next';
import { api } from '../../api/client';
import { zhCN } from '../../i18n/zh-cn';

/** What the audit page narrows the log to; `action` may be a prefix such as `auth.*`. */
export interface AuditFilters {
  actorId?: string;
  action?: string;
  targetId?: string;
}

export const auditPageSize = 100;

export function auditPath(filters: AuditFilters, before?: string): string {
  const params = new URLSearchParams({ limit: String(auditPageSize) });
  if (filters.actorId) params.set('actorId', filters.actorId);
  if (filters.action) params.set('action', filters.action);
  if (filters.targetId) params.set('targetId', filters.targetId);
  if (before) params.set('before', before);
  return `/api/v1/audit?${params.toString()}`;
}

export const auditApi = {
  list: (filters: AuditFilters, signal?: AbortSignal, before?: string) =>
    api.get<ListOf<AuditEntryDto>>(auditPath(filters, before), { signal }),
};

type ObjectKey = keyof typeof zhCN.settings.audit.objects;
type VerbKey = keyof typeof zhCN.settings.audit.verbs;
const isObject = (v: string): v is ObjectKey => Object.hasOwn(zhCN.settings.audit.objects, v);
const isVerb = (v: string): v is VerbKey => Object.hasOwn(zhCN.settings.audit.verbs, v);

/** The object kinds the log knows, for the action filter (every action of a kind: `kind.*`). */
export const auditObjectKinds = Object.keys(zhCN.settings.audit.objects) as ObjectKey[];

/**
 * An action code in words: "商品 · 创建" from `product.create`. A code the app has no words for
 * yet reads as "其他操作" with the code beside it, never as a bare code.
 */
export function actionLabel(t: TFunction, action: string): { text: string; code: string | null } {
  const dot = action.indexOf('.');
  const object = dot < 0 ? action : action.slice(0, dot);
  const verb = dot < 0 ? '' : action.slice(dot + 1);
  if (isObject(object) && isVerb(verb)) {
    return {
      text: `${t(`settings.audit.objects.${object}`)} · ${t(`settings.audit.verbs.${verb}`)}`,
      code: null,
    };
  }
  return { text: t('settings.audit.otherAction'), code: action };
}

/** An object kind in words, or null when the app does not know it. */
export function objectLabel(t: TFunction, kind: string): string | null {
  return isObject(kind) ? t(`settings.audit.objects.${kind}`) : null;
}
