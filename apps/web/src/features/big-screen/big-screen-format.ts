/**
 * Number formatting for the big screen. Money is integer fen; Chinese readers count big
 * numbers in 万 (10⁴) and 亿 (10⁸), English readers in K, M and B.
 */

export type ScreenLanguage = 'zh-CN' | 'en-US';

export const dash = '—';

export function screenLanguage(language: string): ScreenLanguage {
  return language === 'en-US' ? 'en-US' : 'zh-CN';
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A whole number with thousands separators: 12345 → "12,345". */
export function formatCount(value: number): string {
  const rounded = Math.round(value);
  return `${rounded < 0 ? '-' : ''}${group(String(Math.abs(rounded)))}`;
}

/** Fen as exact yuan with two decimals: 123456 → "¥1,234.56". */
export function formatYuan(fen: number): string {
  const rounded = Math.round(fen);
  const abs = Math.abs(rounded);
  return `${rounded < 0 ? '-' : ''}¥${group(String(Math.floor(abs / 100)))}.${String(abs % 100).padStart(2, '0')}`;
}

/** A big number split into digits and unit: 50847.8 → { value: "5.08", unit: "万" } (zh) or "50.85" "K" (en). */
export function compactParts(value: number, language: ScreenLanguage): { value: string; unit: string } {
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  const steps: [number, string][] =
    language === 'zh-CN'
      ? [
          [1e8, '亿'],
          [1e4, '万'],
        ]
      : [
          [1e9, 'B'],
          [1e6, 'M'],
          [1e3, 'K'],
        ];
  const fixed = (scaled: number, unit: string) => {
    const [whole = '0', frac = '00'] = scaled.toFixed(2).split('.');
    return { value: `${sign}${group(whole)}.${frac}`, unit };
  };
  for (const [size, unit] of steps) {
    if (abs >= size) return fixed(abs / size, unit);
  }
  return fixed(abs, '');
}

/** Fen as yuan, exact below 10,000 yuan and in 万/亿 (or K/M/B) above: "¥5.08万". */
export function formatYuanCompact(fen: number, language: ScreenLanguage): string {
  if (Math.abs(fen) < 1_000_000) return formatYuan(fen);
  const parts = compactParts(fen / 100, language);
  return `¥${parts.value}${parts.unit}`;
}

/** A count, grouped below a million (or 10万 in Chinese) and compact above. */
export function formatCountCompact(value: number, language: ScreenLanguage): string {
  const limit = language === 'zh-CN' ? 100_000 : 1_000_000;
  if (Math.abs(value) < limit) return formatCount(value);
  const parts = compactParts(value, language);
  return `${parts.value}${parts.unit}`;
}

/** A 0…1 ratio as a percentage: 0.04302 → "4.30%"; null → "—". */
export function formatPercent(value: number | null, digits = 2): string {
  return value === null || !Number.isFinite(value) ? dash : `${(value * 100).toFixed(digits)}%`;
}

/** A plain multiple such as ROI: 28.7199 → "28.72"; null → "—". */
export function formatMultiple(value: number | null): string {
  return value === null || !Number.isFinite(value) ? dash : value.toFixed(2);
}

/** A dwell time: "36.2 秒", "2 分 05 秒" / "36.2 s", "2 m 05 s". */
export function formatDwell(ms: number | null, language: ScreenLanguage): string {
  if (ms === null || !Number.isFinite(ms)) return dash;
  const seconds = ms / 1000;
  if (seconds < 60) return language === 'zh-CN' ? `${seconds.toFixed(1)} 秒` : `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  const m = Math.floor(whole / 60);
  const s = String(whole % 60).padStart(2, '0');
  return language === 'zh-CN' ? `${m} 分 ${s} 秒` : `${m} m ${s} s`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A duration as "H:MM:SS" (or "MM:SS" under an hour). */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** Epoch ms as local "HH:mm". */
export function formatMinute(epochMs: number): string {
  const date = new Date(epochMs);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Epoch ms as local "HH:mm:ss". */
export function formatTime(epochMs: number): string {
  const date = new Date(epochMs);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** Epoch ms as local "YYYY-MM-DD HH:mm". */
export function formatDateTimeMs(epochMs: number | null): string {
  if (epochMs === null) return dash;
  const date = new Date(epochMs);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export type Trend = 'up' | 'down' | 'flat';

/** A relative change (0.123 = +12.3 %) as an arrow and a percentage, and its direction. */
export function formatChange(value: number): { text: string; trend: Trend } {
  const percent = Math.abs(value * 100);
  const digits = percent >= 100 ? 0 : 1;
  const shown = percent.toFixed(digits);
  if (Number(shown) === 0) return { text: `${(0).toFixed(digits)}%`, trend: 'flat' };
  return value > 0 ? { text: `↑${shown}%`, trend: 'up' } : { text: `↓${shown}%`, trend: 'down' };
}
