import { describe, expect, it } from 'vitest';
import { occurrences, type WeeklyRule } from './recurrence.js';

const rule: WeeklyRule = {
  daysOfWeek: [1, 3, 5, 7],
  startTime: '20:00',
  durationMinutes: 180,
  timeZone: 'Asia/Shanghai',
  startsOn: '2026-03-01',
  endsOn: null,
};

describe('weekly occurrences', () => {
  it('puts every session at 20:00 Shanghai (12:00 UTC) through the week Europe changes its clocks', () => {
    const week = occurrences(rule, '2026-03-23', '2026-03-29');
    expect(week.map((o) => o.date)).toEqual(['2026-03-23', '2026-03-25', '2026-03-27', '2026-03-29']);
    expect(week.map((o) => new Date(o.start).toISOString())).toEqual([
      '2026-03-23T12:00:00.000Z',
      '2026-03-25T12:00:00.000Z',
      '2026-03-27T12:00:00.000Z',
      '2026-03-29T12:00:00.000Z',
    ]);
    expect(week.every((o) => o.end - o.start === 3 * 3600_000)).toBe(true);
  });

  it('follows a zone that has summer time across its change', () => {
    const berlin = occurrences({ ...rule, timeZone: 'Europe/Berlin' }, '2026-03-27', '2026-03-29');
    expect(berlin.map((o) => new Date(o.start).toISOString())).toEqual([
      '2026-03-27T19:00:00.000Z',
      '2026-03-29T18:00:00.000Z',
    ]);
  });

  it('stays inside the rule’s own start and end dates', () => {
    const bounded = occurrences(
      { ...rule, startsOn: '2026-03-25', endsOn: '2026-03-27' },
      '2026-03-23',
      '2026-03-29',
    );
    expect(bounded.map((o) => o.date)).toEqual(['2026-03-25', '2026-03-27']);
  });

  it('keeps a session that runs past midnight on the day it starts', () => {
    const late = occurrences(
      { ...rule, daysOfWeek: [6], startTime: '23:30', durationMinutes: 120 },
      '2026-03-28',
      '2026-03-28',
    );
    expect(late).toEqual([
      { date: '2026-03-28', start: Date.UTC(2026, 2, 28, 15, 30), end: Date.UTC(2026, 2, 28, 17, 30) },
    ]);
  });
});
