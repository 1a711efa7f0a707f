import { recordsEngines } from '@livecloud/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeWorld,
  hour,
  iso,
  minute,
  openWorld,
  operator,
  seedResources,
  system,
  t0,
  type World,
} from './fixtures.js';

describe.each(recordsEngines)('sessions and conflicts on %s', (engine) => {
  let w: World;
  let r: Awaited<ReturnType<typeof seedResources>>;
  const evening = t0 + 4 * hour; // 20:00 Shanghai
  const goAnyway = { override: { reason: '测试：不看排品' }, mayOverride: true };

  beforeEach(async () => {
    w = await openWorld(engine);
    r = await seedResources(w.schedule, w.orgId);
  });
  afterEach(async () => {
    await closeWorld(w);
  });

  const plan = (
    overrides: Partial<{
      title: string;
      roomId: string;
      accountId: string;
      anchorIds: string[];
      plannedStart: number;
      plannedEnd: number;
    }> = {},
  ) =>
    w.schedule.sessions.create(
      w.orgId,
      {
        title: '双11 美妆专场',
        roomId: r.room.id,
        accountId: r.account.id,
        anchorIds: [r.li.id],
        plannedStart: evening,
        plannedEnd: evening + 3 * hour,
        ...overrides,
      },
      operator,
    );

  it('plans a session with its room, account and anchors', async () => {
    const session = await plan({ anchorIds: [r.li.id, r.wang.id] });
    expect(session).toMatchObject({
      status: 'planned',
      room: { id: r.room.id, name: '杭州 A 厅' },
      account: { platform: 'douyin', displayName: '星河美妆' },
      plannedStart: iso(evening),
      plannedEnd: iso(evening + 3 * hour),
    });
    expect(session.anchors.map((a) => a.name).sort()).toEqual(['李主播', '王主播']);
    const listed = await w.schedule.sessions.list(w.orgId, {
      from: t0,
      to: t0 + 24 * hour,
      anchorId: r.wang.id,
    });
    expect(listed.map((s) => s.id)).toEqual([session.id]);
  });

  it('refuses the same room in an overlapping time and names the clash', async () => {
    const first = await plan();
    await expect(
      plan({
        title: '晚场',
        accountId: r.account2.id,
        anchorIds: [r.wang.id],
        plannedStart: evening + 2 * hour,
        plannedEnd: evening + 4 * hour,
      }),
    ).rejects.toMatchObject({
      code: 'schedule_conflict',
      kind: 'conflict',
      details: {
        clashes: [
          {
            resource: 'room',
            resourceId: r.room.id,
            resourceName: '杭州 A 厅',
            sessionId: first.id,
            sessionTitle: '双11 美妆专场',
            plannedStart: iso(evening),
            plannedEnd: iso(evening + 3 * hour),
          },
        ],
      },
    });
  });

  it('refuses the same anchor in another room at an overlapping time', async () => {
    const first = await plan();
    await expect(
      plan({ roomId: r.room2.id, accountId: r.account2.id, plannedStart: evening + hour }),
    ).rejects.toMatchObject({
      code: 'schedule_conflict',
      details: { clashes: [{ resource: 'anchor', resourceId: r.li.id, sessionId: first.id }] },
    });
  });

  it('refuses the same account in another room with other anchors', async () => {
    const first = await plan();
    await expect(
      plan({
        roomId: r.room2.id,
        anchorIds: [r.wang.id],
        plannedStart: evening - hour,
        plannedEnd: evening + 30 * minute,
      }),
    ).rejects.toMatchObject({
      code: 'schedule_conflict',
      details: { clashes: [{ resource: 'account', resourceId: r.account.id, sessionId: first.id }] },
    });
  });

  it('lists every clash: each resource against each session it collides with', async () => {
    const a = await plan({ title: '早场', plannedStart: evening - 2 * hour, plannedEnd: evening });
    const b = await plan({
      title: '午场',
      roomId: r.room2.id,
      accountId: r.account2.id,
      anchorIds: [r.wang.id],
      plannedStart: evening,
      plannedEnd: evening + 2 * hour,
    });
    const error = await plan({
      anchorIds: [r.li.id, r.wang.id],
      plannedStart: evening - hour,
      plannedEnd: evening + hour,
    }).catch((e: unknown) => e);
    const clashes = (error as { details: { clashes: { resource: string; sessionId: string }[] } }).details
      .clashes;
    expect(clashes.map((c) => `${c.sessionId === a.id ? 'a' : 'b'}:${c.resource}`)).toEqual([
      'a:account',
      'a:anchor',
      'a:room',
      'b:anchor',
    ]);
    expect(b.id).toBeDefined();
  });

  it('lets back-to-back sessions touch without clashing', async () => {
    await plan();
    const next = await plan({
      title: '接档',
      plannedStart: evening + 3 * hour,
      plannedEnd: evening + 5 * hour,
    });
    const before = await plan({ title: '前档', plannedStart: evening - 2 * hour, plannedEnd: evening });
    expect(next.status).toBe('planned');
    expect(before.status).toBe('planned');
    await expect(
      plan({
        title: '差一分钟',
        plannedStart: evening + 3 * hour - minute,
        plannedEnd: evening + 3 * hour + minute,
      }),
    ).rejects.toMatchObject({
      code: 'schedule_conflict',
    });
  });

  it('refuses a session inside or around an existing one', async () => {
    await plan();
    await expect(
      plan({ plannedStart: evening + hour, plannedEnd: evening + 2 * hour }),
    ).rejects.toMatchObject({ code: 'schedule_conflict' });
    await expect(
      plan({ plannedStart: evening - hour, plannedEnd: evening + 4 * hour }),
    ).rejects.toMatchObject({ code: 'schedule_conflict' });
  });

  it('re-checks clashes when a session moves, and does not clash with itself', async () => {
    const a = await plan();
    const b = await plan({
      title: '次日',
      plannedStart: evening + 24 * hour,
      plannedEnd: evening + 27 * hour,
    });
    const nudged = await w.schedule.sessions.update(
      w.orgId,
      a.id,
      { plannedStart: evening + hour, plannedEnd: evening + 4 * hour },
      operator,
    );
    expect(nudged.plannedStart).toBe(iso(evening + hour));
    const refused: unknown = await w.schedule.sessions
      .update(w.orgId, b.id, { plannedStart: evening + 2 * hour, plannedEnd: evening + 5 * hour }, operator)
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'schedule_conflict' });
    const clashes = (refused as { details: { clashes: { sessionId: string }[] } }).details.clashes;
    expect(clashes.every((c) => c.sessionId === a.id)).toBe(true);
    const moved = await w.schedule.sessions.update(
      w.orgId,
      b.id,
      {
        roomId: r.room2.id,
        accountId: r.account2.id,
        anchorIds: [r.wang.id],
        plannedStart: evening + 2 * hour,
        plannedEnd: evening + 5 * hour,
      },
      operator,
    );
    expect(moved.room.id).toBe(r.room2.id);
    expect((await w.schedule.sessions.get(w.orgId, b.id)).plannedStart).toBe(iso(evening + 2 * hour));
  });

  it('books only the organisation’s own, active resources', async () => {
    const foreign = await w.schedule.resources.createRoom(w.otherOrgId, { name: '对手直播间' }, system);
    await expect(plan({ roomId: foreign.id })).rejects.toMatchObject({ code: 'room_not_found' });
    await w.schedule.resources.updateAnchor(w.orgId, r.wang.id, { archived: true }, system);
    await expect(plan({ anchorIds: [r.wang.id] })).rejects.toMatchObject({ code: 'resource_archived' });
    const session = await plan();
    await expect(w.schedule.sessions.get(w.otherOrgId, session.id)).rejects.toMatchObject({
      code: 'session_not_found',
    });
    await expect(
      w.schedule.sessions.update(w.otherOrgId, session.id, { title: 'x' }, operator),
    ).rejects.toMatchObject({ code: 'session_not_found' });
    expect(await w.schedule.sessions.list(w.otherOrgId, { from: t0, to: t0 + 48 * hour })).toEqual([]);
  });

  it('walks planned → live → ended → reviewed and refuses every other step', async () => {
    const session = await plan();
    const steps = ['live', 'ended', 'reviewed'] as const;
    const all = ['planned', 'live', 'ended', 'reviewed'] as const;
    let current: (typeof all)[number] = 'planned';
    for (const step of [...steps, null]) {
      for (const to of all.filter((s) => s !== step)) {
        await expect(w.schedule.sessions.transition(w.orgId, session.id, to, operator)).rejects.toMatchObject(
          {
            code: 'illegal_transition',
            details: { from: current, to, allowed: step ? [step] : [] },
          },
        );
      }
      if (step) {
        w.clock.advance(minute);
        const moved = await w.schedule.sessions.transition(w.orgId, session.id, step, operator, goAnyway);
        expect(moved.status).toBe(step);
        current = step;
      }
    }
    const done = await w.schedule.sessions.get(w.orgId, session.id);
    expect(done.actualStart).toBe(iso(t0 + minute));
    expect(done.actualEnd).toBe(iso(t0 + 2 * minute));
  });

  it('changes and removes only planned sessions', async () => {
    const session = await plan();
    await w.schedule.sessions.transition(w.orgId, session.id, 'live', operator, goAnyway);
    await expect(
      w.schedule.sessions.update(w.orgId, session.id, { title: '改名' }, operator),
    ).rejects.toMatchObject({ code: 'session_not_planned' });
    await expect(w.schedule.sessions.remove(w.orgId, session.id, operator)).rejects.toMatchObject({
      code: 'session_not_planned',
    });
    const other = await plan({ plannedStart: evening + 5 * hour, plannedEnd: evening + 6 * hour });
    await w.schedule.sessions.remove(w.orgId, other.id, operator);
    await expect(w.schedule.sessions.get(w.orgId, other.id)).rejects.toMatchObject({
      code: 'session_not_found',
    });
  });

  it('shows an anchor their own schedule through the membership they are linked to', async () => {
    const member = await w.access.staff.onboard(
      w.orgId,
      { email: 'li@xinghe.cn', name: '李主播', role: 'anchor', password: 'anchor-password' },
      system,
    );
    await w.schedule.resources.updateAnchor(w.orgId, r.li.id, { membershipId: member.id }, system);
    const mine = await plan();
    await plan({ title: '别人的', roomId: r.room2.id, accountId: r.account2.id, anchorIds: [r.wang.id] });
    const schedule = await w.schedule.sessions.mySchedule(w.orgId, member.id, {
      from: t0,
      to: t0 + 48 * hour,
    });
    expect(schedule.anchors).toEqual([{ id: r.li.id, name: '李主播' }]);
    expect(schedule.items.map((s) => s.id)).toEqual([mine.id]);
    const nobody = await w.schedule.sessions.mySchedule(w.orgId, 'mem_unlinked', {
      from: t0,
      to: t0 + 48 * hour,
    });
    expect(nobody).toEqual({ anchors: [], items: [] });
  });

  it('links an anchor only to an active member with the anchor role, once', async () => {
    const analyst = await w.access.staff.onboard(
      w.orgId,
      { email: 'sun@xinghe.cn', name: '孙分析', role: 'analyst', password: 'analyst-password' },
      system,
    );
    await expect(
      w.schedule.resources.createAnchor(w.orgId, { name: '孙', membershipId: analyst.id }, system),
    ).rejects.toMatchObject({ code: 'member_not_anchor' });
    const anchor = await w.access.staff.onboard(
      w.orgId,
      { email: 'zhao@xinghe.cn', name: '赵主播', role: 'anchor', password: 'anchor-password' },
      system,
    );
    await w.schedule.resources.createAnchor(w.orgId, { name: '赵主播', membershipId: anchor.id }, system);
    await expect(
      w.schedule.resources.createAnchor(w.orgId, { name: '赵二', membershipId: anchor.id }, system),
    ).rejects.toMatchObject({ code: 'member_already_linked' });
    const foreign = await w.access.staff.onboard(
      w.otherOrgId,
      { email: 'x@rival.cn', name: '对手主播', role: 'anchor', password: 'anchor-password' },
      system,
    );
    await expect(
      w.schedule.resources.createAnchor(w.orgId, { name: 'x', membershipId: foreign.id }, system),
    ).rejects.toMatchObject({ code: 'staff_not_found' });
  });

  it('keeps names unique per organisation', async () => {
    await expect(
      w.schedule.resources.createRoom(w.orgId, { name: '杭州 a 厅' }, system),
    ).rejects.toMatchObject({ code: 'room_name_taken' });
    await expect(
      w.schedule.resources.createAccount(
        w.orgId,
        { platform: 'douyin', handle: 'XINGHE_BEAUTY', displayName: '重复' },
        system,
      ),
    ).rejects.toMatchObject({
      code: 'account_exists',
    });
    await w.schedule.resources.createRoom(w.otherOrgId, { name: '杭州 A 厅' }, system);
  });

  it('lets only one of several simultaneous bookings of the same room through', async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 4 }, (_, i) =>
        plan({
          title: `抢档 ${i}`,
          anchorIds: [i % 2 === 0 ? r.li.id : r.wang.id],
          accountId: i % 2 === 0 ? r.account.id : r.account2.id,
          plannedStart: evening + i * 10 * minute,
        }),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const failed of attempts.filter((a) => a.status === 'rejected')) {
      expect(failed.reason).toMatchObject({ code: 'schedule_conflict' });
    }
    expect(await w.schedule.sessions.list(w.orgId, { from: t0, to: t0 + 24 * hour })).toHaveLength(1);
  });
});
