import type { LineupValidationDto } from '@livecloud/schedule/schemas';
import type { TFunction } from 'i18next';
import { formatFen } from '../../lib/format';

type Problem = LineupValidationDto['problems'][number];

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const money = (v: unknown): string => formatFen(num(v));

function priceBand(t: TFunction, min: unknown, max: unknown): string {
  if (typeof min === 'number' && typeof max === 'number')
    return t('schedule.priceBand.range', { min: formatFen(min), max: formatFen(max) });
  if (typeof min === 'number') return t('schedule.priceBand.atLeast', { min: formatFen(min) });
  if (typeof max === 'number') return t('schedule.priceBand.atMost', { max: formatFen(max) });
  return '';
}

/** A source of a lowest price (`session:ses_…`, `platform:douyin`, `manual`) in words, without ids. */
function sourceText(t: TFunction, source: unknown): string {
  const text = typeof source === 'string' ? source : '';
  const [kind, rest] = text.split(':');
  if (kind === 'session') return t('schedule.lowestSource.session');
  if (kind === 'platform' && rest) return t(`schedule.platform.${rest}`, { defaultValue: rest });
  if (kind === 'import' && rest) return t('schedule.lowestSource.import', { name: rest });
  if (kind === 'manual') return t('schedule.lowestSource.manual');
  return text;
}

/** The title and the sentence with its figures for a line-up problem, in the user's language. */
export function problemText(t: TFunction, problem: Problem): { title: string; detail: string } {
  const d = problem.details;
  const params: Record<string, string | number> = {
    allocated: num(d.allocated).toLocaleString(),
    available: num(d.available).toLocaleString(),
    pay: money(d.payFen),
    lowest: money(d.lowestFen),
    source: sourceText(t, d.source),
    live: money(d.livePriceFen),
    list: money(d.listPriceFen),
    discount: money(d.discountFen),
    cost: money(d.costFen),
    count: num(d.count),
    matched: num(d.matched),
    shortBy: num(d.shortBy),
    categories: Array.isArray(d.categories) ? d.categories.join('、') : '',
    band: priceBand(t, d.priceMinFen, d.priceMaxFen),
    total: num(d.totalExplainMinutes),
    session: num(d.sessionMinutes),
  };
  return {
    title: t(`schedule.problem.${problem.code}`),
    detail: t(`schedule.problemDetail.${problem.code}`, params),
  };
}
