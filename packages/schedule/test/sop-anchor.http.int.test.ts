import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Who may tick a task off is decided from the signed-in principal, so this goes through the real server.
import {
  closeTestEventStore,
  createTestApp,
  seedOrg,
  signIn,
  type SessionClient,
  type TestApp,
} from '../../../apps/server/test/test-app.js';

interface RunBody {
  id: string;
  tasks: { id: string; key: string; done: boolean; assignee: { type: string; id: string } | null }[];
}

let t: TestApp;
let admin: SessionClient;
let anchor: SessionClient;
let run: RunBody;
let wang: string;
const task = (key: string) => run.tasks.find((k) => k.key === key)!;

beforeAll(async () => {
  t = await createTestApp('pglite');
  const seeded = await seedOrg(t.access, 'sop-anchor', 'SOP 主播');
  admin = await signIn(t.app, seeded.email, seeded.password);
  const post = async <T = { id: string }>(url: string, payload: object) =>
    (await admin.request({ method: 'POST', url, payload })).json<T>();
  const room = (await post('/api/v1/rooms', { name: '一号厅' })).id;
  const account = (
    await post('/api/v1/platform-accounts', { platform: 'douyin', handle: 'sop_dy', displayName: '抖音主号' })
  ).id;
  const li = (await post('/api/v1/anchors', { name: '李主播' })).id;
  wang = (await post('/api/v1/anchors', { name: '王主播' })).id;
  const session = (
    await post('/api/v1/live-sessions', {
      title: '首场',
      roomId: room,
      accountId: account,
      anchorIds: [li],
      plannedStart: '2027-03-01T20:00:00+08:00',
      plannedEnd: '2027-03-01T23:00:00+08:00',
    })
  ).id;
  const template = (
    await post('/api/v1/sop-templates', {
      name: '开播前',
      tasks: [
        { key: 'script', title: '熟悉脚本', ownerRole: 'anchor', dueDay: 0, dueOffsetMinutes: -60 },
        { key: 'lights', title: '灯光调试', ownerRole: 'operator', dueDay: 0 },
        { key: 'outfit', title: '服装', ownerRole: 'operator', dueDay: 0 },
      ],
    })
  ).id;
  run = await post<RunBody>('/api/v1/sop-runs', { templateId: template, roomId: room, sessionId: session });
  const member = await t.access.staff.onboard(
    (await t.access.organisations.findBySlugOrId('sop-anchor'))!.id,
    { email: 'li@sop-anchor.test', name: '李主播', role: 'anchor', password: 'anchor-password' },
    { type: 'system', id: null },
  );
  await admin.request({
    method: 'PATCH',
    url: `/api/v1/anchors/${li}`,
    payload: { membershipId: member.id },
  });
  anchor = await signIn(t.app, 'li@sop-anchor.test', 'anchor-password');
});
afterAll(async () => {
  await t.close();
  await closeTestEventStore();
});

describe('an anchor and their SOP tasks', () => {
  it('lets the anchor complete a task that names their anchor as assignee', async () => {
    expect(task('script').assignee).toMatchObject({ type: 'anchor' });
    const response = await anchor.request({
      method: 'POST',
      url: `/api/v1/sop-tasks/${task('script').id}/complete`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<RunBody>().tasks.find((k) => k.key === 'script')?.done).toBe(true);
  });

  it('refuses with 403 sop_task_not_yours a task that is unassigned or assigned to another anchor', async () => {
    const reassigned = await admin.request({
      method: 'PATCH',
      url: `/api/v1/sop-tasks/${task('outfit').id}`,
      payload: { assignee: { type: 'anchor', id: wang } },
    });
    expect(reassigned.statusCode).toBe(200);
    for (const key of ['lights', 'outfit']) {
      const response = await anchor.request({
        method: 'POST',
        url: `/api/v1/sop-tasks/${task(key).id}/complete`,
      });
      expect(response.statusCode).toBe(403);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('sop_task_not_yours');
    }
    const after = await admin.request({ method: 'GET', url: `/api/v1/sop-runs/${run.id}` });
    expect(
      after
        .json<RunBody>()
        .tasks.filter((k) => k.done)
        .map((k) => k.key),
    ).toEqual(['script']);
  });

  it('keeps reassigning and reopening to those who manage checklists', async () => {
    const reopen = await anchor.request({
      method: 'POST',
      url: `/api/v1/sop-tasks/${task('script').id}/reopen`,
    });
    expect(reopen.statusCode).toBe(403);
    const reassign = await anchor.request({
      method: 'PATCH',
      url: `/api/v1/sop-tasks/${task('lights').id}`,
      payload: { assignee: null },
    });
    expect(reassign.statusCode).toBe(403);
    const byAdmin = await admin.request({
      method: 'POST',
      url: `/api/v1/sop-tasks/${task('lights').id}/complete`,
    });
    expect(byAdmin.statusCode).toBe(200);
  });
});
