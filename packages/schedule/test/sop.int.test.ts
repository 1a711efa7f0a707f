import { recordsEngines } from '@livecloud/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeWorld, openWorld, operator, seedResources, type World } from './fixtures.js';

describe.each(recordsEngines)('SOP checklists on %s', (engine) => {
  let w: World;
  let roomId: string;

  beforeEach(async () => {
    w = await openWorld(engine);
    roomId = (await seedResources(w.schedule, w.orgId)).room.id;
  });
  afterEach(async () => {
    await closeWorld(w);
  });

  const defaultTemplate = async () => {
    const [template] = await w.schedule.sopTemplates.list(w.orgId);
    return template!;
  };

  it('gives each organisation the default 7-day template once, even when asked at the same time', async () => {
    const lists = await Promise.all([
      w.schedule.sopTemplates.list(w.orgId),
      w.schedule.sopTemplates.list(w.orgId),
    ]);
    expect(lists.map((l) => l.length)).toEqual([1, 1]);
    const template = lists[0][0]!;
    expect(template).toMatchObject({ name: '新直播间 7 天开播', isDefault: true, version: 1 });
    expect(template.tasks.map((t) => t.title)).toEqual(
      expect.arrayContaining([
        '开通账号',
        '直播间装修',
        '设备调试',
        '主播培训',
        '选品',
        '样品到位',
        '排品',
        '预热视频',
        '试播',
        '正式开播',
      ]),
    );
    await w.schedule.sopTemplates.archive(w.orgId, template.id, operator);
    expect(await w.schedule.sopTemplates.list(w.orgId)).toEqual([]);
    expect((await w.schedule.sopTemplates.list(w.otherOrgId)).map((t) => t.name)).toEqual([
      '新直播间 7 天开播',
    ]);
  });

  it('starts a run for a room with due dates from day 0 in Shanghai', async () => {
    const template = await defaultTemplate();
    w.clock.set(Date.UTC(2026, 10, 30, 17)); // 2026-12-01 01:00 in Shanghai
    const run = await w.schedule.sopRuns.start(w.orgId, { templateId: template.id, roomId }, operator);
    expect(run).toMatchObject({
      name: '新直播间 7 天开播 · 杭州 A 厅',
      startDate: '2026-12-01',
      status: 'active',
      room: { id: roomId },
    });
    expect(run.tasks.find((t) => t.key === 'account')?.dueDate).toBe('2026-12-01');
    expect(run.tasks.find((t) => t.key === 'launch')?.dueDate).toBe('2026-12-08');
    expect(run.progress).toEqual({ total: 12, done: 0, percent: 0, overdue: 0 });
  });

  it('refuses to complete a task before its dependencies, and to reopen one another task builds on', async () => {
    const run = await w.schedule.sopRuns.start(
      w.orgId,
      { templateId: (await defaultTemplate()).id, roomId, startDate: '2026-11-25' },
      operator,
    );
    const byKey = (key: string) => run.tasks.find((t) => t.key === key)!;
    await expect(w.schedule.sopRuns.complete(w.orgId, byKey('samples').id, operator)).rejects.toMatchObject({
      code: 'dependencies_not_done',
      details: { blockedBy: [{ key: 'selection', title: '选品' }] },
    });
    await w.schedule.sopRuns.complete(w.orgId, byKey('account').id, operator);
    const afterSelection = await w.schedule.sopRuns.complete(w.orgId, byKey('selection').id, operator);
    expect(afterSelection.tasks.find((t) => t.key === 'samples')?.blockedBy).toEqual([]);
    expect(afterSelection.progress).toMatchObject({ done: 2, percent: 16 });
    await expect(w.schedule.sopRuns.reopen(w.orgId, byKey('account').id, operator)).rejects.toMatchObject({
      code: 'dependents_done',
      details: { dependents: [{ key: 'selection' }] },
    });
    const reopened = await w.schedule.sopRuns.reopen(w.orgId, byKey('selection').id, operator);
    expect(reopened.progress.done).toBe(1);
  });

  it('counts overdue tasks and completes the run when the last task is done', async () => {
    const template = await w.schedule.sopTemplates.create(
      w.orgId,
      {
        name: '短清单',
        tasks: [
          { key: 'a', title: '准备', ownerRole: 'operator', dueDay: 0, dependsOn: [] },
          { key: 'b', title: '开播', ownerRole: 'anchor', dueDay: 2, dependsOn: ['a'] },
        ],
      },
      operator,
    );
    const run = await w.schedule.sopRuns.start(
      w.orgId,
      { templateId: template.id, roomId, startDate: '2026-11-20' },
      operator,
    );
    expect(run.progress).toEqual({ total: 2, done: 0, percent: 0, overdue: 2 });
    await w.schedule.sopRuns.complete(w.orgId, run.tasks[0]!.id, operator);
    const done = await w.schedule.sopRuns.complete(w.orgId, run.tasks[1]!.id, operator);
    expect(done).toMatchObject({
      status: 'completed',
      progress: { total: 2, done: 2, percent: 100, overdue: 0 },
    });
    expect(done.completedAt).not.toBeNull();
    expect((await w.schedule.sopRuns.list(w.orgId, { status: 'completed' })).map((r) => r.id)).toEqual([
      run.id,
    ]);
  });

  it('edits a template with a new version while a running checklist keeps its copy', async () => {
    const template = await defaultTemplate();
    const run = await w.schedule.sopRuns.start(
      w.orgId,
      { templateId: template.id, roomId, startDate: '2026-11-25' },
      operator,
    );
    const edited = await w.schedule.sopTemplates.update(
      w.orgId,
      template.id,
      {
        name: template.name,
        tasks: [
          ...template.tasks,
          { key: 'review', title: '首播复盘', ownerRole: 'operator', dueDay: 8, dependsOn: ['launch'] },
        ],
      },
      operator,
    );
    expect(edited.version).toBe(2);
    expect(edited.tasks).toHaveLength(13);
    const still = await w.schedule.sopRuns.get(w.orgId, run.id);
    expect(still.templateVersion).toBe(1);
    expect(still.tasks).toHaveLength(12);
    await expect(
      w.schedule.sopTemplates.update(
        w.orgId,
        template.id,
        {
          name: '环',
          tasks: [
            { key: 'a', title: 'A', ownerRole: 'operator', dueDay: 1, dependsOn: ['b'] },
            { key: 'b', title: 'B', ownerRole: 'operator', dueDay: 1, dependsOn: ['a'] },
          ],
        },
        operator,
      ),
    ).rejects.toMatchObject({ code: 'dependency_cycle' });
  });

  it('keeps runs and tasks inside their organisation', async () => {
    const run = await w.schedule.sopRuns.start(
      w.orgId,
      { templateId: (await defaultTemplate()).id, roomId },
      operator,
    );
    await expect(w.schedule.sopRuns.get(w.otherOrgId, run.id)).rejects.toMatchObject({
      code: 'sop_run_not_found',
    });
    await expect(w.schedule.sopRuns.complete(w.otherOrgId, run.tasks[0]!.id, operator)).rejects.toMatchObject(
      { code: 'sop_task_not_found' },
    );
    const theirs = await w.schedule.sopTemplates.list(w.otherOrgId);
    await expect(
      w.schedule.sopRuns.start(w.orgId, { templateId: theirs[0]!.id, roomId }, operator),
    ).rejects.toMatchObject({
      code: 'sop_template_not_found',
    });
  });
});
