import { recordsEngines } from '@livecloud/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeWorld, openWorld, operator, seedResources, type World } from './fixtures.js';

describe.each(recordsEngines)('recurring schedules on %s', (engine) => {
  let w: World;
  let r: Awaited<ReturnType<typeof seedResources>>;

  beforeEach(async () => {
    w = await openWorld(engine);
    r = await seedResources(w.schedule, w.orgId);
  });
  afterEach(async () => {
    await closeWorld(w);
  });

  const weekly = (overrides: { daysOfWeek?: number[]; startTime?: string; roomId?: string } = {}) =>
    w.schedule.recurrences.create(
      w.orgId,
      {
        title: '美妆日播',
        roomId: overrides.roomId ?? r.room.id,
        accountId: r.account.id,
        anchorIds: [r.li.id],
        daysOfWeek: overrides.daysOfWeek ?? [2, 4, 6],
        startTime: overrides.startTime ?? '20:00',
        durationMinutes: 180,
        timeZone: 'Asia/Shanghai',
        startsOn: '2026-11-30',
        endsOn: null,
      },
      operator,
    );

  it('generates a week of sessions at 20:00 Shanghai time', async () => {
    const rule = await weekly();
    const result = await w.schedule.recurrences.generate(
      w.orgId,
      rule.id,
      { from: '2026-11-30', to: '2026-12-06' },
      operator,
    );
    expect(result.skipped).toEqual([]);
    expect(result.created.map((s) => [s.plannedStart, s.plannedEnd])).toEqual([
      ['2026-12-01T12:00:00.000Z', '2026-12-01T15:00:00.000Z'],
      ['2026-12-03T12:00:00.000Z', '2026-12-03T15:00:00.000Z'],
      ['2026-12-05T12:00:00.000Z', '2026-12-05T15:00:00.000Z'],
    ]);
    expect(
      result.created.every((s) => s.recurringScheduleId === rule.id && s.anchors[0]?.id === r.li.id),
    ).toBe(true);
  });

  it('skips dates it already generated, so generating twice is harmless', async () => {
    const rule = await weekly();
    await w.schedule.recurrences.generate(
      w.orgId,
      rule.id,
      { from: '2026-11-30', to: '2026-12-03' },
      operator,
    );
    const again = await w.schedule.recurrences.generate(
      w.orgId,
      rule.id,
      { from: '2026-11-30', to: '2026-12-06' },
      operator,
    );
    expect(again.created.map((s) => s.plannedStart)).toEqual(['2026-12-05T12:00:00.000Z']);
    expect(again.skipped).toEqual([
      { date: '2026-12-01', reason: 'already_generated' },
      { date: '2026-12-03', reason: 'already_generated' },
    ]);
  });

  it('creates nothing when one occurrence clashes, and lists the clash with its date', async () => {
    const blocker = await w.schedule.sessions.create(
      w.orgId,
      {
        title: '品牌专场',
        roomId: r.room.id,
        accountId: r.account2.id,
        anchorIds: [r.wang.id],
        plannedStart: Date.UTC(2026, 11, 3, 13),
        plannedEnd: Date.UTC(2026, 11, 3, 14),
      },
      operator,
    );
    const rule = await weekly();
    await expect(
      w.schedule.recurrences.generate(w.orgId, rule.id, { from: '2026-11-30', to: '2026-12-06' }, operator),
    ).rejects.toMatchObject({
      code: 'schedule_conflict',
      details: { clashes: [{ resource: 'room', sessionId: blocker.id, occurrenceDate: '2026-12-03' }] },
    });
    const sessions = await w.schedule.sessions.list(w.orgId, {
      from: Date.UTC(2026, 10, 30),
      to: Date.UTC(2026, 11, 7),
    });
    expect(sessions.map((s) => s.id)).toEqual([blocker.id]);
  });

  it('refuses a rule for another organisation’s room and an over-long range', async () => {
    const rule = await weekly();
    await expect(w.schedule.recurrences.get(w.otherOrgId, rule.id)).rejects.toMatchObject({
      code: 'recurring_schedule_not_found',
    });
    await expect(
      w.schedule.recurrences.generate(
        w.otherOrgId,
        rule.id,
        { from: '2026-12-01', to: '2026-12-02' },
        operator,
      ),
    ).rejects.toMatchObject({
      code: 'recurring_schedule_not_found',
    });
    await expect(
      w.schedule.recurrences.generate(w.orgId, rule.id, { from: '2026-12-01', to: '2027-06-01' }, operator),
    ).rejects.toMatchObject({
      code: 'range_too_long',
    });
    const foreignRoom = await w.schedule.resources.createRoom(w.otherOrgId, { name: '对手直播间' }, operator);
    await expect(weekly({ roomId: foreignRoom.id })).rejects.toMatchObject({ code: 'room_not_found' });
  });
});
