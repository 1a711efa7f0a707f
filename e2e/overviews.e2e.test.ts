import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, startDemo, type DemoServer } from './browser.js';

/**
 * 事件概览 and 内容审核 in a real browser against `livecloud demo`: events sent through the
 * collector (some refused) show in the overview's counts, chart and latest events; a comment
 * that breaks the lexicon shows among the flagged comments with its session's title.
 */
let demo: DemoServer;
let browser: Browser;
let page: Page;
let secret = '';
let session: { id: string; title: string; accountId: string };
const pageErrors: string[] = [];
const stamp = Date.now();

async function collect(events: Record<string, unknown>[]): Promise<void> {
  const sent = await fetch(`${demo.url}/collect/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(events),
  });
  expect(sent.status).toBe(200);
}

const event = (n: number, type: string, extra: Record<string, unknown> = {}) => ({
  id: `e2e_ov_${stamp}_${n}`,
  type,
  occurredAt: Date.now() - 5_000 + n,
  accountId: session.accountId,
  sessionId: session.id,
  platformUserId: `dy_e2e_overview_${n}`,
  ...extra,
});

const shot = async (name: string) => {
  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(400); // let the chart resize before the picture
    await page.screenshot({ path: join(screenshotDir, `${name}-${width}.png`), fullPage: true });
  }
};

beforeAll(async () => {
  demo = await startDemo();
  const admin = demo.logins.find((l) => l.role === 'admin');
  if (!admin) throw new Error('the demo printed no admin login');
  const login = await fetch(`${demo.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  const cookie =
    (login.headers.getSetCookie().find((c) => c.startsWith('lc_session=')) ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const created = await fetch(`${demo.url}/api/v1/api-keys`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ name: '概览 e2e', purpose: 'collector', source: 'douyin' }),
  });
  expect(created.status).toBe(201);
  secret = ((await created.json()) as { secret: string }).secret;
  // A session of our own, planned around now, as a platform's events would name it.
  const post = async (url: string, body: Record<string, unknown>): Promise<{ id: string }> => {
    const res = await fetch(`${demo.url}${url}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string };
  };
  const room = await post('/api/v1/rooms', { name: `概览直播间 ${stamp}` });
  const anchor = await post('/api/v1/anchors', { name: '概览主播' });
  const account = await post('/api/v1/platform-accounts', {
    platform: 'douyin',
    handle: `overview_${stamp}`,
    displayName: '概览抖音号',
  });
  const start = Date.now() - 600_000;
  const first = {
    ...(await post('/api/v1/live-sessions', {
      title: '秋冬护肤专场',
      roomId: room.id,
      accountId: account.id,
      anchorIds: [anchor.id],
      plannedStart: new Date(start).toISOString(),
      plannedEnd: new Date(start + 3_600_000).toISOString(),
    })),
    title: '秋冬护肤专场',
    account: { id: account.id },
  };
  session = { id: first.id, title: first.title, accountId: first.account.id };

  await collect([
    event(1, 'room.enter'),
    event(2, 'like'),
    event(3, 'like'),
    event(4, 'comment', { properties: { text: '主播好，这件多少钱？', nickname: '小蓝' } }),
    event(5, 'comment', { properties: { text: `加V私聊，全網最低價 ${stamp}`, nickname: '路人甲' } }),
    event(6, 'order.pay', { orderId: `o_e2e_ov_${stamp}`, amountFen: '99.00' }),
  ]);

  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${demo.url}/login`);
  await page.getByTestId('login-email').fill(admin.email);
  await page.getByTestId('login-password').fill(admin.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('page-overview').waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

const numberIn = async (testId: string): Promise<number> =>
  Number(
    ((await page.getByTestId(testId).locator('.ant-statistic-content-value').textContent()) ?? '').replace(
      /[^\d.]/g,
      '',
    ),
  );

describe('the events overview and the moderation page in a real browser', () => {
  it('counts the collected and refused events, charts them and lists the latest', async () => {
    await page.goto(`${demo.url}/audience/events`);
    await page.getByTestId('page-audience-events').waitFor();
    expect(await page.getByTestId('page-audience-events').textContent()).toContain('事件概览');
    await expect.poll(() => numberIn('kpi-accepted'), { timeout: 20_000 }).toBeGreaterThanOrEqual(5);
    expect(await numberIn('kpi-rejected')).toBeGreaterThanOrEqual(1);
    expect(await numberIn('kpi-rejected-share')).toBeGreaterThan(0);
    await page.getByTestId('event-volume-chart').locator('canvas').first().waitFor();
    const recent = page.getByTestId('recent-events-table');
    await expect.poll(() => recent.textContent(), { timeout: 20_000 }).toContain('评论');
    const text = (await recent.textContent()) ?? '';
    expect(text).toContain('抖音');
    expect(text).toContain(session.title);
    expect(text).not.toContain(session.id);
    expect(text).toContain('dy_***_5');
    expect(text).not.toContain('dy_e2e_overview_5');
    await shot('overviews-01-events');
    await page.getByRole('tab', { name: '死信' }).click();
    await page.getByTestId('dead-letter-table').waitFor();
    await expect.poll(() => page.getByTestId('dead-letter-table').textContent()).toContain('amountFen');
    await page.setViewportSize({ width: 1920, height: 1080 });
  }, 60_000);

  it('shows the lexicon and the flagged comment with its session title', async () => {
    await page.goto(`${demo.url}/risk/moderation`);
    await page.getByTestId('page-risk-moderation').waitFor();
    const flagged = page.getByTestId('flagged-table');
    await expect.poll(() => flagged.textContent(), { timeout: 20_000 }).toContain(String(stamp));
    const row = flagged.locator('tr').filter({ hasText: String(stamp) });
    expect(await row.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['全網最低價']));
    expect(await row.textContent()).toContain(session.title);
    expect(await row.textContent()).toContain('广告法极限词');
    expect(await flagged.textContent()).not.toContain('这件多少钱');
    const lexicon = page.getByTestId('lexicon-table');
    await page.getByTestId('lexicon-search').locator('input').fill('微信');
    await expect.poll(() => lexicon.textContent()).toContain('加微信');
    expect(await lexicon.textContent()).toContain('站外导流');
    await page.getByTestId('lexicon-search').locator('input').fill('');
    await shot('overviews-02-moderation');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
