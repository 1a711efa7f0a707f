import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, startDemo, type DemoServer } from './browser.js';

/**
 * Dead letters (事件采集) in a real browser against `livecloud demo`: a collector key sends
 * events with mistakes; the admin corrects one in the page and replays it, then replays two
 * others together.
 */
let demo: DemoServer;
let browser: Browser;
let page: Page;
let secret = '';
const consoleErrors: string[] = [];
const stamp = Date.now();

/** Sends events through the collector with the test's write key; answers the dead-letter ids. */
async function collect(events: Record<string, unknown>[]): Promise<string[]> {
  const sent = await fetch(`${demo.url}/collect/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(events),
  });
  expect(sent.status).toBe(200);
  return ((await sent.json()) as { rejected: { deadLetterId: string }[] }).rejected.map(
    (r) => r.deadLetterId,
  );
}

const order = (n: number, amountFen: unknown) => ({
  id: `e2e_dl_${stamp}_${n}`,
  type: 'order.pay',
  occurredAt: Date.now() - 60_000,
  accountId: 'acc_e2e',
  sessionId: `ses_e2e_dead_letters_${stamp}`,
  platformUserId: `dy_e2e_${n}`,
  orderId: `o_e2e_${stamp}_${n}`,
  amountFen,
});

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
    body: JSON.stringify({ name: '死信 e2e', purpose: 'collector', source: 'douyin' }),
  });
  expect(created.status).toBe(201);
  secret = ((await created.json()) as { secret: string }).secret;

  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
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

describe('dead letters in a real browser', () => {
  it('corrects a rejected order in the page and replays it into the store', async () => {
    const [id] = await collect([order(1, '99.00')]);
    await page.goto(`${demo.url}/audience/events?tab=dead-letters`);
    await page.getByTestId('page-audience-events').waitFor();
    await page.locator(`tr[data-row-key="${id}"]`).getByText('详情').click();
    await page.getByTestId(`dead-letter-drawer-edit-${id}`).click();
    const editor = page.getByTestId('dead-letter-edit-text');
    await editor.fill('{"id": ');
    await page.getByTestId('dead-letter-edit-submit').click();
    await expect.poll(() => page.getByTestId('dead-letter-edit-error').textContent()).toContain('JSON');
    await editor.fill(JSON.stringify({ ...order(1, 9900) }, null, 2));
    await page.getByTestId('dead-letter-edit-submit').click();
    await expect.poll(() => page.getByTestId('dead-letter-detail-status').textContent()).toContain('已重放');
    await expect
      .poll(() => page.getByTestId('dead-letter-original-payload').textContent())
      .toContain('99.00');
    expect(await page.getByTestId('dead-letter-edited').textContent()).toContain('已修正');
    await page.locator('.ant-modal:visible').waitFor({ state: 'hidden' });
    await page.screenshot({ path: join(screenshotDir, 'dead-letters-01-corrected.png') });
    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('dead-letter-detail').waitFor({ state: 'detached' });
  });

  it('replays selected letters together and says what each did', async () => {
    const ids = await collect([order(2, 1.5), order(3, 2.5)]);
    await page.getByTestId('dead-letter-refresh').click();
    for (const id of ids) await page.getByTestId(`dead-letter-select-${id}`).check();
    await page.getByTestId('dead-letter-replay-selected').click();
    await page.locator('.ant-message-notice', { hasText: '仍被拒绝 2 条' }).waitFor();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: join(screenshotDir, 'dead-letters-02-bulk-1366.png') });
  });

  it('shows the corrections and replays in the audit log, under the person who made them', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${demo.url}/settings/audit`);
    await page.getByTestId('page-settings-audit').waitFor();
    // The log reads newest first: the corrections and replays just made lead it unfiltered.
    const table = page.getByTestId('audit-table');
    await expect.poll(() => table.textContent()).toContain('死信 · 修正');
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('死信 · 重放');
    await page.screenshot({ path: join(screenshotDir, 'dead-letters-03-audit.png') });
  });

  it('reads in English too, without console errors', async () => {
    await page.getByTestId('lang-switch').click();
    await expect
      .poll(() => page.getByTestId('audit-table').textContent())
      .toContain('Dead letter · corrected');
    await expect.poll(() => page.getByTestId('page-settings-audit').textContent()).toContain('Audit log');
    await page.getByTestId('lang-switch').click();
    expect(consoleErrors.filter((e) => !/Failed to load resource/i.test(e))).toEqual([]);
  });
});
