/**
 * Times as the operators read them: Asia/Shanghai wall-clock, whatever the browser's own zone.
 * Shanghai has kept UTC+8 without summer time since 1991, so a fixed offset is exact.
 */
const offsetMs = 8 * 3600_000;
const dayMs = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');

function wall(ms: number): Date {
  return new Date(ms + offsetMs);
}

/** `YYYY-MM-DD` in Shanghai. */
export function shanghaiDate(ms: number): string {
  return wall(ms).toISOString().slice(0, 10);
}

/** `HH:mm` in Shanghai. */
export function shanghaiTime(ms: number): string {
  const d = wall(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `YYYY-MM-DD HH:mm` in Shanghai, from an ISO string. */
export function shanghaiDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '—' : `${shanghaiDate(ms)} ${shanghaiTime(ms)}`;
}

/** Minutes since Shanghai midnight. */
export function shanghaiMinutes(ms: number): number {
  const d = wall(ms);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

/** The instant of a Shanghai date plus minutes after its midnight. */
export function fromShanghai(date: string, minutes = 0): number {
  return Date.parse(`${date}T00:00:00Z`) - offsetMs + minutes * 60_000;
}

export function todayInShanghai(now: number = Date.now()): string {
  return shanghaiDate(now);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
const weekdays: readonly Weekday[] = [7, 1, 2, 3, 4, 5, 6];

/** ISO weekday of a date: Monday 1 … Sunday 7. */
export function isoWeekday(date: string): Weekday {
  return weekdays[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? 7;
}

/** The Monday of the week a date falls in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** `HH:mm` → minutes. */
export function parseClock(value: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes < 24 * 60 ? minutes : null;
}

export function clockOf(minutes: number): string {
  return `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
}

/** Whole days from one date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}
