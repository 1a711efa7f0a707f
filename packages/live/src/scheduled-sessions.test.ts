import { describe, expect, it } from 'vitest';
import { mergeSessionList, type ScheduledSession } from './scheduled-sessions.js';

const now = 10_000_000;
const seen = (sessionId: string, firstEventAt: number, lastEventAt: number) => ({
  sessionId,
  accountId: 'acc_1',
  firstEventAt,
  lastEventAt,
  eventCount: 10,
  gmvFen: 100,
});
const plan = (id: string, status: ScheduledSession['status'], over: Partial<ScheduledSession> = {}) => ({
  id,
  title: `场次 ${id}`,
  status,
  accountId: 'acc_1',
  roomName: '滨江演播室',
  plannedStart: now + 3_600_000,
  plannedEnd: now + 7_200_000,
  actualStart: null,
  actualEnd: null,
  ...over,
});

describe('the session list of the big screen', () => {
  it('joins the events to the schedule: titles, rooms and the schedule’s state, live first', () => {
    const rows = mergeSessionList(
      [
        seen('ses_past', 1_000, 5_000),
        seen('ses_live', now - 600_000, now - 1_000),
        seen('7350001', 0, 2_000),
      ],
      new Map([
        ['ses_past', plan('ses_past', 'ended', { actualStart: 1_000, actualEnd: 6_000 })],
        ['ses_live', plan('ses_live', 'live', { actualStart: now - 900_000 })],
        ['ses_next', plan('ses_next', 'planned')],
      ]),
      now,
    );
    expect(rows.map((r) => [r.sessionId, r.state, r.title])).toEqual([
      ['ses_live', 'live', '场次 ses_live'],
      ['ses_next', 'upcoming', '场次 ses_next'],
      ['ses_past', 'ended', '场次 ses_past'],
      ['7350001', 'ended', null],
    ]);
    const byId = new Map(rows.map((r) => [r.sessionId, r]));
    expect(byId.get('ses_live')).toMatchObject({
      durationMs: 900_000,
      roomName: '滨江演播室',
      scheduled: true,
    });
    expect(byId.get('ses_past')?.durationMs).toBe(5_000);
    expect(byId.get('ses_next')).toMatchObject({ eventCount: 0, firstEventAt: null, durationMs: null });
    expect(byId.get('7350001')).toMatchObject({ scheduled: false, durationMs: 2_000 });
  });

  it('counts an unscheduled session live while its events arrived in the last two minutes', () => {
    const [row] = mergeSessionList([seen('7350002', now - 300_000, now - 30_000)], new Map(), now);
    expect(row).toMatchObject({ state: 'live', durationMs: 300_000 });
  });
});
