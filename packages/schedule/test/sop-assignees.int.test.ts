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

describe.each(recordsEngines)('SOP task assignees and due times on %s', (engine) => {
  let w: World;
  let r: Awaited<ReturnType<typeof seedResources>>;
  const sessionStart = t0 + 26 * hour; // 2026-11-26 10:00 UTC, 18:00 in Shanghai

  beforeEach(async () => {
    w = await openWorld(engine);
    r = await seedResources(w.schedule, w.orgId);
  });
  afterEach(async () => {
    await closeWorld(w);
  });

  const planSession = (anchorIds = [r.wang.id, r.li.id], roomId = r.room.id) =>
    w.schedule.sessions.create(
      w.orgId,
      {
        title: '双12 预热专场',
        roomId,
        accountId: r.account.id,
        anchorIds,
        plannedStart: sessionStart,
        plannedEnd: sessionStart + 3 * hour,
      },
      operator,
    );

  const launchTemplate = () =>
    w.schedule.sopTemplates.create(
      w.orgId,
      {
        name: '开播前检查',
        tasks: [
          {
            key: 'script',
            title: '熟悉脚本',
            ownerRole: 'anchor',
            dueDay: 0,
            dueOffsetMinutes: -120,
            dependsOn: [],
          },
          {
            key: 'lights',
            title: '灯光调试',
            ownerRole: 'operator',
            dueDay: 0,
            dueOffsetMinutes: -30,
            dependsOn: [],
          },
          { key: 'report', title: '复盘报告', ownerRole: 'operator', dueDay: 2, dependsOn: [] },
        ],
      },
      operator,
    );

  it('turns due times relative to the session start into instants and gives anchor tasks to its anchor', async () => {
    const template = await launchTemplate();
    const session = await planSession();
    const run = await w.schedule.sopRuns.start(
      w.orgId,
      { templateId: template.id, roomId: r.room.id, sessionId: session.id, startDate: '2026-11-25' },
      operator,
    );
    expect(run.session).toEqual({ id: session.id, title: '双12 预热专场', plannedStart: iso(sessionStart) });
    const byKey = (key: string) => run.tasks.find((t) => t.key === key)!;
    expect(byKey('script')).toMatchObject({
      dueAt: iso(sessionStart - 2 * hour),
      dueDate: '2026-11-26',
      // 李主播 comes before 王主播 in the session's anchor order (by name)
      assignee: { type: 'anchor', id: r.li.id, name: '李主播' },
    });
    expect(byKey('lights')).toMatchObject({ dueAt: iso(sessionStart - 30 * minute), assignee: null });
    // No offset: due at the end of day 2 in Shanghai (2026-11-27 24:00 = 2026-11-27 16:00 UTC).
    expect(byKey('report')).toMatchObject({
      dueDate: '2026-11-27',
      dueAt: iso(Date.UTC(2026, 10, 27, 16)),
    });

    w.clock.set(sessionStart - 90 * minute);
    const later = await w.schedule.sopRuns.get(w.orgId, run.id);
    expect(later.tasks.map((t) => [t.key, t.overdue])).toEqual([
      ['script', true],
      ['lights', false],
      ['report', false],
    ]);
    expect(later.progress.overdue).toBe(1);
  });

  it('counts from day 0 when the run has no session, and refuses a session of another room', async () => {
    const template = await launchTemplate();
    const run = await w.schedule.sopRuns.start(
      w.orgId,
      { templateId: template.id, roomId: r.room.id, startDate: '2026-11-25' },
      operator,
    );
    expect(run.session).toBeNull();
    expect(run.tasks.map((t) => [t.key, t.dueAt, t.assignee])).toEqual([
      ['script', iso(Date.UTC(2026, 10, 25, 16)), null],
      ['lights', iso(Date.UTC(2026, 10, 25, 16)), null],
      ['report', iso(Date.UTC(2026, 10, 27, 16)), null],
    ]);
    const elsewhere = await planSession([r.wang.id], r.room2.id);
    await expect(
      w.schedule.sopRuns.start(
        w.orgId,
        { templateId: template.id, roomId: r.room.id, sessionId: elsewhere.id },
        operator,
      ),
    ).rejects.toMatchObject({ code: 'sop_session_other_room' });
  });

  it('assigns a task to a staff member by name, moves its due time, and refuses strangers', async () => {
    const template = await launchTemplate();
    const run = await w.schedule.sopRuns.start(
      w.orgId,
      { templateId: template.id, roomId: r.room.id, startDate: '2026-11-25' },
      operator,
    );
    const member = await w.access.staff.onboard(
      w.orgId,
      { email: 'zhou@xinghe.cn', name: '周运营', role: 'operator', password: 'operator-password' },
      system,
    );
    const task = run.tasks.find((t) => t.key === 'lights')!;
    const updated = await w.schedule.sopRuns.updateTask(
      w.orgId,
      task.id,
      { assignee: { type: 'staff', id: member.id }, dueAt: '2026-11-26T09:30:00+08:00' },
      operator,
    );
    expect(updated.tasks.find((t) => t.key === 'lights')).toMatchObject({
      assignee: { type: 'staff', id: member.id, name: '周运营' },
      dueAt: iso(Date.UTC(2026, 10, 26, 1, 30)),
      dueDate: '2026-11-26',
    });
    const toAnchor = await w.schedule.sopRuns.updateTask(
      w.orgId,
      task.id,
      { assignee: { type: 'anchor', id: r.wang.id } },
      operator,
    );
    expect(toAnchor.tasks.find((t) => t.key === 'lights')?.assignee).toEqual({
      type: 'anchor',
      id: r.wang.id,
      name: '王主播',
    });

    const foreign = await w.access.staff.onboard(
      w.otherOrgId,
      { email: 'x@rival.cn', name: '对手运营', role: 'operator', password: 'operator-password' },
      system,
    );
    await expect(
      w.schedule.sopRuns.updateTask(
        w.orgId,
        task.id,
        { assignee: { type: 'staff', id: foreign.id } },
        operator,
      ),
    ).rejects.toMatchObject({ code: 'unknown_assignee' });
    await expect(
      w.schedule.sopRuns.updateTask(w.otherOrgId, task.id, { assignee: null }, operator),
    ).rejects.toMatchObject({ code: 'sop_task_not_found' });
  });
});
