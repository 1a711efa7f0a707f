/** Money typed by a person, as yuan text, to fen without floating point: "59.9" → 5990. */
export function parseYuanInput(text: string): number | undefined {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/[,，¥￥\s]/g, ''));
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Fen as plain yuan text for an input field: 5990 → "59.90". */
export function fenToYuanInput(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** Basis points as a percentage: 2000 → "20%", 1250 → "12.5%". */
export function formatBp(bp: number): string {
  const whole = Math.floor(bp / 100);
  const frac = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${whole}${frac ? `.${frac}` : ''}%`;
}

/** A percentage typed by a person ("20", "12.5%") to basis points. */
export function parsePercentInput(text: string): number | undefined {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?%?$/.exec(
    text
      .trim()
      .replace(/[％\s]/g, '%')
      .replace(/%+$/, '%'),
  );
  if (!match) return undefined;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : undefined;
}

/** A form rule that accepts yuan text with at most two decimals. */
export function yuanRule(message: string) {
  return {
    validator: async (_: unknown, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '' || parseYuanInput(value) !== undefined) return;
      throw new Error(message);
    },
  };
}
