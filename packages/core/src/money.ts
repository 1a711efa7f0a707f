/** An amount of money in fen (分, 1/100 CNY). Always an integer; never a float. */
export type Fen = number;

/** Throws unless `value` is a safe integer number of fen. */
export function assertFen(value: number, what = 'amount'): Fen {
  if (!Number.isSafeInteger(value))
    throw new RangeError(`${what} must be an integer number of fen, got ${value}`);
  return value;
}

const yuanPattern = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses a yuan amount written as text ("12", "12.5", "12.50", "-3.07") into fen without
 * going through floating point. Returns undefined for anything else.
 */
export function parseYuan(text: string): Fen | undefined {
  const match = yuanPattern.exec(text.trim().replace(/[,，]/g, ''));
  if (!match) return undefined;
  const [, sign, whole, frac = ''] = match;
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return undefined;
  return sign ? -fen : fen;
}

/** Fen as a plain decimal yuan string with two places: 123456 → "1234.56". */
export function fenToYuanString(fen: Fen): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Fen for display with the yuan sign and grouping: 123456 → "¥1,234.56". */
export function formatFen(fen: Fen, options: { symbol?: boolean } = {}): string {
  const [whole = '0', frac = '00'] = fenToYuanString(Math.abs(fen)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}${options.symbol === false ? '' : '¥'}${grouped}.${frac}`;
}

/**
 * Fen for big-screen display in the Chinese way: under 10,000 yuan as yuan, then 万 and 亿
 * with two decimals (1234567800 → "1234.57万").
 */
export function formatFenCompact(fen: Fen): string {
  const yuan = fen / 100;
  const abs = Math.abs(yuan);
  if (abs >= 1e8) return `${(yuan / 1e8).toFixed(2)}亿`;
  if (abs >= 1e4) return `${(yuan / 1e4).toFixed(2)}万`;
  return formatFen(fen);
}

/** Multiplies fen by a rate (e.g. commission 0.2) with round-half-to-even, staying in integers. */
export function applyRate(fen: Fen, rate: number): Fen {
  const exact = fen * rate;
  const floor = Math.floor(exact);
  const diff = exact - floor;
  if (Math.abs(diff - 0.5) < 1e-9) return floor % 2 === 0 ? floor : floor + 1;
  return Math.round(exact);
}
