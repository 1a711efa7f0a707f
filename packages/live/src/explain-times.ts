/** One explain.start or explain.end, in the order they happened. */
export interface ExplainMark {
  type: 'explain.start' | 'explain.end';
  /** The product; '' for an explain.end that names none (it ends whatever is explained). */
  productId: string;
  at: number;
}

/**
 * Milliseconds each product was explained: an explain.start lasts until the next start, an
 * explain.end of its product (or of none), or `until` (now while live, the last event after).
 * Marks must be sorted by time; a start without a product is ignored, as the board does.
 */
export function explainTimes(marks: readonly ExplainMark[], until: number): Map<string, number> {
  const total = new Map<string, number>();
  let current: { productId: string; since: number } | null = null;
  const close = (at: number) => {
    if (current === null) return;
    const ms = Math.max(0, at - current.since);
    total.set(current.productId, (total.get(current.productId) ?? 0) + ms);
    current = null;
  };
  for (const mark of marks) {
    if (mark.type === 'explain.start') {
      if (mark.productId === '') continue;
      close(mark.at);
      current = { productId: mark.productId, since: mark.at };
    } else if (current !== null && (mark.productId === '' || mark.productId === current.productId)) {
      close(mark.at);
    }
  }
  if (current !== null) close(Math.max(until, (current as { since: number }).since));
  return total;
}
