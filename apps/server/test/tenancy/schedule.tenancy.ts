import type { SessionClient } from '../test-app.js';
import { seedCall, type TenancyCase, type TenancyContext, type TenancyWorld } from './tenancy-case.js';

/**
 * Scheduling: rooms, anchors, accounts, sessions, line-ups and SOP records of both
 * organisations, made through their own APIs; A aims at B's by id and must get 404.
 */
let scheduleCalls = 0;
let aSchedule: Record<string, string> = {};
const nextWindow = () => {
  const start = Date.UTC(2027, 1, 1, 12) + scheduleCalls++ * 86_400_000;
  return {
    plannedStart: new Date(start).toISOString(),
    plannedEnd: new Date(start + 3_600_000).toISOString(),
  };
};
const scheduleCases: Record<string, TenancyCase> = {
  'GET /api/v1/rooms': { kind: 'own' },
  'POST /api/v1/rooms': {
    kind: 'own',
    body: () => ({ name: `甲方直播间 ${scheduleCalls++}` }),
    expect: [201],
  },
  'PATCH /api/v1/rooms/{id}': { kind: 'foreign', resource: 'sched-room', body: () => ({ name: '甲方改名' }) },
  'GET /api/v1/anchors': { kind: 'own' },
  'POST /api/v1/anchors': { kind: 'own', body: () => ({ name: '甲方主播' }), expect: [201] },
  'PATCH /api/v1/anchors/{id}': {
    kind: 'foreign',
    resource: 'sched-anchor',
    body: () => ({ archived: true }),
  },
  'GET /api/v1/platform-accounts': { kind: 'own' },
  'POST /api/v1/platform-accounts': {
    kind: 'own',
    body: () => ({ platform: 'kuaishou', handle: `tenant_a_${scheduleCalls++}`, displayName: '甲方快手号' }),
    expect: [201],
  },
  'PATCH /api/v1/platform-accounts/{id}': {
    kind: 'foreign',
    resource: 'sched-account',
    body: () => ({ displayName: '甲方改名' }),
  },
  'GET /api/v1/live-sessions': { kind: 'own', query: 'from=2027-01-01T00:00:00Z&to=2027-03-01T00:00:00Z' },
  'POST /api/v1/live-sessions': {
    kind: 'own',
    body: () => ({ title: '甲方专场', ...aBooking(), ...nextWindow() }),
    expect: [201],
  },
  'GET /api/v1/live-sessions/{id}': { kind: 'foreign', resource: 'sched-session' },
  'PATCH /api/v1/live-sessions/{id}': {
    kind: 'foreign',
    resource: 'sched-session',
    body: () => ({ title: '甲方改名' }),
  },
  'DELETE /api/v1/live-sessions/{id}': { kind: 'foreign', resource: 'sched-session' },
  'POST /api/v1/live-sessions/{id}/status': {
    kind: 'foreign',
    resource: 'sched-session',
    body: () => ({ status: 'live' }),
  },
  'GET /api/v1/me/schedule': {
    kind: 'own',
    query: 'from=2027-01-01T00:00:00Z&to=2027-03-01T00:00:00Z',
    expect: [200, 403],
  },
  'GET /api/v1/recurring-schedules': { kind: 'own' },
  'POST /api/v1/recurring-schedules': {
    kind: 'own',
    body: () => ({
      title: '甲方日播',
      ...aBooking(),
      daysOfWeek: [1],
      startTime: '20:00',
      durationMinutes: 60,
      startsOn: '2027-01-04',
    }),
    expect: [201],
  },
  'GET /api/v1/recurring-schedules/{id}': { kind: 'foreign', resource: 'sched-recurring' },
  'POST /api/v1/recurring-schedules/{id}/generate': {
    kind: 'foreign',
    resource: 'sched-recurring',
    body: () => ({ from: '2027-01-04', to: '2027-01-10' }),
  },
  'GET /api/v1/live-sessions/{id}/lineup': { kind: 'foreign', resource: 'sched-session' },
  'GET /api/v1/live-sessions/{id}/lineup/validation': { kind: 'foreign', resource: 'sched-session' },
  'POST /api/v1/live-sessions/{id}/lineup/items': {
    kind: 'foreign',
    resource: 'sched-session',
    body: () => lineupItem,
  },
  'PUT /api/v1/live-sessions/{id}/lineup/order': {
    kind: 'foreign',
    resource: 'sched-session',
    body: (w) => ({ itemIds: [w.bIds['sched-lineup-item']] }),
  },
  'PATCH /api/v1/lineup-items/{id}': {
    kind: 'foreign',
    resource: 'sched-lineup-item',
    body: () => ({ explainMinutes: 1 }),
  },
  'DELETE /api/v1/lineup-items/{id}': { kind: 'foreign', resource: 'sched-lineup-item' },
  'GET /api/v1/live-sessions/{id}/requirements': { kind: 'foreign', resource: 'sched-session' },
  'PUT /api/v1/live-sessions/{id}/requirements': {
    kind: 'foreign',
    resource: 'sched-session',
    body: () => ({ items: [] }),
  },
  'GET /api/v1/sop-templates': { kind: 'own' },
  'POST /api/v1/sop-templates': {
    kind: 'own',
    body: () => ({ name: '甲方清单', tasks: [sopTask] }),
    expect: [201],
  },
  'GET /api/v1/sop-templates/{id}': { kind: 'foreign', resource: 'sop-template' },
  'PUT /api/v1/sop-templates/{id}': {
    kind: 'foreign',
    resource: 'sop-template',
    body: () => ({ name: '甲方改名', tasks: [sopTask] }),
  },
  'DELETE /api/v1/sop-templates/{id}': { kind: 'foreign', resource: 'sop-template' },
  'GET /api/v1/sop-runs': { kind: 'own' },
  'POST /api/v1/sop-runs': {
    kind: 'own',
    body: () => ({ templateId: aSchedule['sop-template'], roomId: aSchedule['sched-room'] }),
    expect: [201],
  },
  'GET /api/v1/sop-runs/{id}': { kind: 'foreign', resource: 'sop-run' },
  'PATCH /api/v1/sop-tasks/{id}': {
    kind: 'foreign',
    resource: 'sop-task',
    body: () => ({ dueAt: '2027-02-01T20:00:00+08:00' }),
  },
  'POST /api/v1/sop-tasks/{id}/complete': { kind: 'foreign', resource: 'sop-task' },
  'POST /api/v1/sop-tasks/{id}/reopen': { kind: 'foreign', resource: 'sop-task' },
};
const lineupItem = {
  productId: 'prd_tenant_b',
  skuId: 'sku_tenant_b',
  explainMinutes: 5,
  livePriceFen: 9900,
  stockAllocation: 0,
};
const sopTask = { key: 'only', title: '唯一任务', ownerRole: 'operator', dueDay: 0 };
const scheduleListsOfB = (w: TenancyWorld): string[] => [
  '/api/v1/rooms?includeArchived=true',
  '/api/v1/anchors?includeArchived=true',
  '/api/v1/platform-accounts?includeArchived=true',
  '/api/v1/live-sessions?from=2027-01-01T00:00:00Z&to=2027-03-01T00:00:00Z',
  '/api/v1/recurring-schedules',
  `/api/v1/live-sessions/${w.bIds['sched-session']}/lineup`,
  `/api/v1/live-sessions/${w.bIds['sched-session']}/requirements`,
  '/api/v1/sop-templates?includeArchived=true',
  `/api/v1/sop-runs/${w.bIds['sop-run']}`,
];

function aBooking(): { roomId: string; accountId: string; anchorIds: string[] } {
  return {
    roomId: aSchedule['sched-room'] ?? '',
    accountId: aSchedule['sched-account'] ?? '',
    anchorIds: [aSchedule['sched-anchor'] ?? ''],
  };
}

/** Both organisations' scheduling records, made through their own APIs; B's telling names are secrets. */
async function seedSchedules(w: TenancyWorld): Promise<void> {
  aSchedule = (await seedScheduleOf(w.a, '甲方')).ids;
  const b = await seedScheduleOf(w.b, '乙方');
  Object.assign(w.bIds, b.ids);
  w.bSecrets.push(...Object.values(b.ids), ...b.names);
}

async function seedScheduleOf(
  client: SessionClient,
  side: string,
): Promise<{ ids: Record<string, string>; names: string[] }> {
  const post = <T>(url: string, payload: object, method: 'POST' | 'PUT' = 'POST') =>
    seedCall<T>(client, url, payload, method);
  const room = await post<{ id: string }>('/api/v1/rooms', { name: `${side}一号厅` });
  const account = await post<{ id: string }>('/api/v1/platform-accounts', {
    platform: 'douyin',
    handle: `${side}_douyin`,
    displayName: `${side}抖音号`,
  });
  const anchor = await post<{ id: string }>('/api/v1/anchors', { name: `${side}主播小红` });
  const booking = { roomId: room.id, accountId: account.id, anchorIds: [anchor.id] };
  const session = await post<{ id: string }>('/api/v1/live-sessions', {
    title: `${side}年货专场`,
    ...booking,
    plannedStart: '2027-01-05T12:00:00Z',
    plannedEnd: '2027-01-05T15:00:00Z',
  });
  const recurring = await post<{ id: string }>('/api/v1/recurring-schedules', {
    title: `${side}日播`,
    ...booking,
    daysOfWeek: [3],
    startTime: '20:00',
    durationMinutes: 120,
    startsOn: '2027-01-06',
  });
  const lineup = await post<{ items: { id: string }[] }>(`/api/v1/live-sessions/${session.id}/lineup/items`, {
    ...lineupItem,
    note: `${side}讲解脚本`,
  });
  await post(
    `/api/v1/live-sessions/${session.id}/requirements`,
    { items: [{ categories: [`${side}类目`], count: 3 }] },
    'PUT',
  );
  const template = await post<{ id: string }>('/api/v1/sop-templates', {
    name: `${side}开播清单`,
    tasks: [{ ...sopTask, title: `${side}任务` }],
  });
  const run = await post<{ id: string; tasks: { id: string }[] }>('/api/v1/sop-runs', {
    templateId: template.id,
    roomId: room.id,
  });
  return {
    ids: {
      'sched-room': room.id,
      'sched-account': account.id,
      'sched-anchor': anchor.id,
      'sched-session': session.id,
      'sched-recurring': recurring.id,
      'sched-lineup-item': lineup.items[0]?.id ?? 'none',
      'sop-template': template.id,
      'sop-run': run.id,
      'sop-task': run.tasks[0]?.id ?? 'none',
    },
    names: [
      `${side}一号厅`,
      `${side}_douyin`,
      `${side}抖音号`,
      `${side}主播小红`,
      `${side}年货专场`,
      `${side}日播`,
      `${side}讲解脚本`,
      `${side}类目`,
      `${side}开播清单`,
      `${side}任务`,
    ],
  };
}

export const scheduleTenancy: TenancyContext = {
  name: 'schedule',
  cases: scheduleCases,
  seed: seedSchedules,
  listsOfB: scheduleListsOfB,
};
