import { parseYuanInput } from '../../lib/money';

/**
 * The server refuses a SKU whose live price is above its list price (live_price_above_list);
 * true while either price is not a valid amount yet, so that field's own rule speaks first.
 */
export function livePriceWithinList(listPrice: unknown, livePrice: unknown): boolean {
  if (typeof listPrice !== 'string' || typeof livePrice !== 'string') return true;
  const list = parseYuanInput(listPrice);
  const live = parseYuanInput(livePrice);
  if (list === undefined || live === undefined) return true;
  return live <= list;
}

/** The server refuses a product whose SKUs share a spec (duplicate_spec); compared trimmed. */
export function specIsUnique(specs: readonly unknown[], index: number): boolean {
  const own = specs[index];
  if (typeof own !== 'string' || own.trim() === '') return true;
  return specs.filter((s) => typeof s === 'string' && s.trim() === own.trim()).length === 1;
}
