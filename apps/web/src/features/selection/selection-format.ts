import type {
  ComponentScoreDto as ComponentScore,
  PricePointDto as PricePoint,
  RequirementDto as Requirement,
} from '@livecloud/selection/schemas';
import type { TFunction } from 'i18next';
import { formatFen } from '../../lib/format';
import { selectionZhCN } from '../../i18n/selection.zh-cn';
import { formatBp } from '../../lib/money';

/** One parameter of a score reason, as the server sends it. */
type ReasonParam = ComponentScore['reason']['params'][string];

/** A ratio as a percentage with one decimal: 0.0853 → "8.5%". */
export function formatRatio(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return '—';
  return `${(ratio * 100).toFixed(1)}%`;
}

/** Basis points that may be negative or absent: -1124 → "-11.24%". */
export function formatSignedBp(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  return bp < 0 ? `-${formatBp(-bp)}` : formatBp(bp);
}

/** The colour band of a 0–100 score, the way the pool table and the breakdown show it. */
export function scoreColor(score: number | null): string {
  if (score === null) return '#bfbfbf';
  if (score >= 75) return '#52c41a';
  if (score >= 50) return '#1664ff';
  if (score >= 30) return '#faad14';
  return '#f5222d';
}

function hasKey<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(table, key);
}

/** Where a price was seen, in words: a platform, a session, an import or by hand. */
export function pointSourceLabel(
  t: TFunction,
  point: Pick<PricePoint, 'source' | 'platform' | 'sessionId'>,
): string {
  if (point.source === 'session')
    return t('selection.history.sessionPoint', { session: point.sessionId ?? '' });
  const source = t(`selection.source.${point.source}`);
  return point.platform ? `${source} · ${t(`selection.platform.${point.platform}`)}` : source;
}

/** The server's `source` string (`session:ses_…`, `platform:douyin`, `manual`) in words. */
function describedSource(t: TFunction, source: ReasonParam): string {
  if (typeof source !== 'string') return '';
  const [kind = '', rest = ''] = source.split(':');
  if (kind === 'session') return t('selection.history.sessionPoint', { session: rest });
  const label = hasKey(selectionZhCN.source, kind) ? t(`selection.source.${kind}`) : kind;
  return rest && hasKey(selectionZhCN.platform, rest)
    ? `${label} · ${t(`selection.platform.${rest}`)}`
    : label;
}

/** A requirement in one line: its categories, price band and minimum margin. */
export function requirementLabel(
  t: TFunction,
  requirement: Requirement,
  categoryNames?: Map<string, string>,
): string {
  const categories =
    requirement.categories.length === 0
      ? t('selection.coverage.anyCategory')
      : requirement.categories.map((c) => categoryNames?.get(c) ?? c).join('、');
  const parts = [categories];
  if (requirement.priceMinFen !== null || requirement.priceMaxFen !== null) {
    const band = `${requirement.priceMinFen === null ? '' : formatFen(requirement.priceMinFen)} ~ ${
      requirement.priceMaxFen === null ? '' : formatFen(requirement.priceMaxFen)
    }`;
    parts.push(t('selection.coverage.band', { band }));
  }
  if (requirement.minMarginBp !== null)
    parts.push(t('selection.coverage.margin', { margin: formatBp(requirement.minMarginBp) }));
  return parts.join(' · ');
}

const num = (value: ReasonParam | undefined): number => (typeof value === 'number' ? value : 0);

/**
 * A component's reason in the current language. The server sends a code and its parameters;
 * money, rates and sources are formatted here, and an unknown code shows as it is.
 */
export function reasonText(
  t: TFunction,
  component: ComponentScore,
  requirements: readonly Requirement[] = [],
  categoryNames?: Map<string, string>,
): string {
  const { code, params } = component.reason;
  if (!hasKey(selectionZhCN.reason, code)) return code;
  const requirement = requirements.find((r) => r.id === params.requirementId);
  const missed = Array.isArray(params.missed)
    ? params.missed.map((m) => (hasKey(selectionZhCN.missed, m) ? t(`selection.missed.${m}`) : m)).join('、')
    : '';
  const basis =
    typeof params.basis === 'string' && hasKey(selectionZhCN.basis, params.basis)
      ? t(`selection.basis.${params.basis}`)
      : '';
  const ratio = (value: ReasonParam | undefined) => (typeof value === 'number' ? formatRatio(value) : '—');
  return t(`selection.reason.${code}`, {
    margin: formatSignedBp(num(params.marginBp)),
    commission: formatBp(num(params.commissionBp)),
    target: formatBp(num(params.targetBp)),
    clicks: num(params.clicks),
    orders: num(params.orders),
    rawRate: ratio(params.rawRate),
    rate: ratio(params.rate),
    categoryRate: ratio(params.categoryRate),
    orgRate: ratio(params.orgRate),
    priorClicks: num(params.priorClicks),
    requirement: requirement
      ? requirementLabel(t, requirement, categoryNames)
      : String(params.requirementId ?? ''),
    requirements: num(params.requirements),
    missed,
    available: num(params.available),
    need: num(params.need),
    basis,
    live: formatFen(num(params.livePriceFen)),
    lowest: formatFen(num(params.lowestFen)),
    gap: formatSignedBp(num(params.gapBp)),
    tolerance: formatBp(num(params.toleranceBp)),
    source: describedSource(t, params.source ?? null),
    days: num(params.days),
  });
}
