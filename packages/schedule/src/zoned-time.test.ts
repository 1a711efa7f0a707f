import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isLocalDate,
  isoWeekday,
  isTimeZone,
  localDateOf,
  offsetAt,
  zonedToUtc,
} from './zoned-time.js';

describe('zoned time', () => {
  it('converts Shanghai wall-clock time to UTC at a constant +08:00', () => {
    expect(zonedToUtc('2026-11-25', '20:00', 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 25, 12));
    expect(zonedToUtc('2026-01-01', '00:30', 'Asia/Shanghai')).toBe(Date.UTC(2025, 11, 31, 16, 30));
    expect(offsetAt(Date.UTC(2026, 6, 1), 'Asia/Shanghai')).toBe(8 * 3600_000);
  });

  it('reads the local date of an instant', () => {
    expect(localDateOf(Date.UTC(2026, 10, 25, 16), 'Asia/Shanghai')).toBe('2026-11-26');
    expect(localDateOf(Date.UTC(2026, 10, 25, 15, 59), 'Asia/Shanghai')).toBe('2026-11-25');
  });

  it('does calendar arithmetic across months, years and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-11-25', '2026-12-02')).toBe(7);
    expect(isoWeekday('2026-11-25')).toBe(3);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });

  it('accepts only real dates and known zones', () => {
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-1-5')).toBe(false);
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
