/** Display formatting shared by all pages. Money is integer fen; times arrive as ISO strings. */

/** Fen for display with the yuan sign and grouping: 123456 → "¥1,234.56". */
export function formatFen(fen: number): string {
  const abs = Math.abs(Math.trunc(fen));
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}¥${whole}.${frac}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** An ISO time as local "YYYY-MM-DD HH:mm", the form Chinese back-office users expect. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A local clock time "HH:mm:ss". */
export function formatClock(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** Milliseconds with one decimal under 100 ms, whole numbers above. */
export function formatMs(ms: number): string {
  return ms < 100 ? ms.toFixed(1) : String(Math.round(ms));
}
