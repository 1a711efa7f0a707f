import { addDays, isoWeekday, zonedToUtc } from './zoned-time.js';

/** A weekly rule: these weekdays, at this local time, for this long, in this zone. */
export interface WeeklyRule {
  daysOfWeek: readonly number[];
  startTime: string;
  durationMinutes: number;
  timeZone: string;
  startsOn: string;
  endsOn: string | null;
}

export interface Occurrence {
  /** The local calendar date the session starts on. */
  date: string;
  start: number;
  end: number;
}

/** The concrete sessions a rule gives between two local dates, both inclusive, in date order. */
export function occurrences(rule: WeeklyRule, from: string, to: string): Occurrence[] {
  const first = from > rule.startsOn ? from : rule.startsOn;
  const last = rule.endsOn !== null && rule.endsOn < to ? rule.endsOn : to;
  const out: Occurrence[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    if (!rule.daysOfWeek.includes(isoWeekday(date))) continue;
    const start = zonedToUtc(date, rule.startTime, rule.timeZone);
    out.push({ date, start, end: start + rule.durationMinutes * 60_000 });
  }
  return out;
}
