import type { TFunction } from 'i18next';
import { validationZhCN } from '../i18n/validation.zh-cn';

/** One entry of an invalid_request answer's `details`, as the server sends it. */
export interface ValidationIssue {
  path: string;
  code: string;
  params: Record<string, unknown>;
}

type FieldKey = keyof typeof validationZhCN.field;
type RuleKey = keyof typeof validationZhCN.rule;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The issues of an invalid_request answer, or [] when the details are not in that shape. */
export function validationIssuesOf(details: unknown): ValidationIssue[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d) =>
    isRecord(d) && typeof d.path === 'string' && typeof d.code === 'string'
      ? [{ path: d.path, code: d.code, params: isRecord(d.params) ? d.params : {} }]
      : [],
  );
}

function fieldName(t: TFunction, segment: string): string | null {
  return Object.hasOwn(validationZhCN.field, segment) ? t(`validation.field.${segment as FieldKey}`) : null;
}

// Chinese runs straight on after Chinese, but keeps a space after a Latin word such as "SKU".
function spaceAfter(text: string): string {
  return /[A-Za-z0-9]$/.test(text) ? ' ' : '';
}

/** "skus.0.livePriceFen" → "第 1 个 SKU 的直播价" / "SKU 1, live price"; unknown segments are left out. */
export function fieldLabel(t: TFunction, path: string): string {
  const segments = path.split('.').filter((s) => s !== '');
  let label: string | null = null;
  for (let i = 0; i < segments.length; i += 1) {
    const name = fieldName(t, segments[i]!);
    if (name === null) continue;
    const next = segments[i + 1];
    let part = name;
    if (next !== undefined && /^\d+$/.test(next)) {
      part = t('validation.item', { index: Number(next) + 1, field: name, space: ' ' });
      i += 1;
    }
    label =
      label === null
        ? part
        : t('validation.nested', { parent: label, field: part, space: spaceAfter(label) });
  }
  return label ?? t('validation.someField');
}

function num(params: Record<string, unknown>, key: string): number | null {
  return typeof params[key] === 'number' ? params[key] : null;
}

function boundText(t: TFunction, issue: ValidationIssue): string {
  const { params } = issue;
  const origin = params.origin;
  const minimum = num(params, 'minimum');
  const maximum = num(params, 'maximum');
  const inclusive = params.inclusive !== false;
  if (issue.code === 'too_small' && minimum !== null) {
    if (origin === 'string')
      return minimum <= 1 ? t('validation.issue.empty') : t('validation.issue.stringMin', { minimum });
    if (origin === 'array' || origin === 'set') return t('validation.issue.arrayMin', { minimum });
    return inclusive
      ? t('validation.issue.numberMin', { minimum })
      : t('validation.issue.numberAbove', { minimum });
  }
  if (issue.code === 'too_big' && maximum !== null) {
    if (origin === 'string') return t('validation.issue.stringMax', { maximum });
    if (origin === 'array' || origin === 'set') return t('validation.issue.arrayMax', { maximum });
    return inclusive
      ? t('validation.issue.numberMax', { maximum })
      : t('validation.issue.numberBelow', { maximum });
  }
  return t('validation.issue.invalid');
}

/** What is wrong with the field, in the user's language. */
export function issueText(t: TFunction, issue: ValidationIssue): string {
  const { params } = issue;
  switch (issue.code) {
    case 'too_small':
    case 'too_big':
      return boundText(t, issue);
    case 'invalid_type':
      return t('validation.issue.invalidType');
    case 'invalid_format':
      if (params.format === 'email') return t('validation.issue.email');
      if (params.format === 'url') return t('validation.issue.url');
      if (params.format === 'datetime' || params.format === 'date') return t('validation.issue.datetime');
      return t('validation.issue.format');
    case 'invalid_value':
      return t('validation.issue.invalidValue');
    case 'unrecognized_keys':
      return t('validation.issue.unrecognizedKeys', {
        keys: Array.isArray(params.keys) ? params.keys.join(', ') : '',
      });
    case 'not_multiple_of':
      return t('validation.issue.multipleOf', { divisor: num(params, 'divisor') ?? '' });
    case 'custom': {
      const rule = params.code;
      if (typeof rule === 'string' && Object.hasOwn(validationZhCN.rule, rule)) {
        return t(`validation.rule.${rule as RuleKey}`);
      }
      return t('validation.issue.invalid');
    }
    default:
      return t('validation.issue.invalid');
  }
}

/** One line for an issue: "第 1 个 SKU 的直播价：不能高于划线价". */
export function issueMessage(t: TFunction, issue: ValidationIssue): string {
  return t('validation.line', { field: fieldLabel(t, issue.path), problem: issueText(t, issue) });
}

/** The first issue in words, noting how many more there are; null when the details carry no issues. */
export function validationMessage(t: TFunction, details: unknown): string | null {
  const issues = validationIssuesOf(details);
  const [first] = issues;
  if (first === undefined) return null;
  const line = issueMessage(t, first);
  return issues.length > 1 ? t('validation.more', { first: line, count: issues.length - 1 }) : line;
}
