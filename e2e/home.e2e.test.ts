import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, startDemo, type DemoServer } from './browser.js';

/**
 * The home page per role (issue 12): the operator's sessions and to-dos, the anchor's own
 * schedule, store health on the admin's 系统状态 page; QC, warehouse and SOP open on the tab
 * with work in it. The demo has no sample waiting for QC, nothing waiting for the warehouse and
 * no SOP run, so each of those pages must open on its other tab.
 */

let demo: DemoServer;
let browser: Browser;
const title = '星河美妆 · 明晚宠粉专场';

async function signIn(
  role: string,
  size: { width: number; height: number },
  locale = 'zh-CN',
): Promise<Page> {
  const login = demo.logins.find((l) => l.role === role)!;
  const page = await browser.newPage({ viewport: size, locale });
  await page.goto(`${demo.url}/login`);
  await page.getByTestId('login-email').fill(login.email);
  await page.getByTestId('login-password').fill(login.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('page-overview').waitFor();
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshotDir, `home-${name}.png`), fullPage: true });

const activeTab = (page: Page) => page.locator('.ant-tabs-tab-active').first().textContent();

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('the home page per role', () => {
  it('shows the operator the coming sessions and to-dos, and no store latencies', async () => {
    const page = await signIn('operator', { width: 1920, height: 1080 });
    await expect.poll(() => page.getByTestId('home-upcoming').textContent()).toContain(title);
    await page.getByTestId('home-todo-qc').waitFor();
    expect(await page.getByTestId('home-todo-sop').textContent()).toMatch(/SOP/);
    expect(await page.getByTestId('system-status').count()).toBe(0);
    await shot(page, 'operator-zh-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'operator-zh-1366');
    await page.getByTestId('home-upcoming').getByRole('link').first().click();
    await page.getByTestId('page-before-lineups').waitFor();
    await page.close();
  });

  it('shows the anchor their own schedule', async () => {
    const page = await signIn('anchor', { width: 1366, height: 768 }, 'en-US');
    await expect.poll(() => page.getByTestId('home-mine').textContent()).toContain(title);
    expect(await page.getByTestId('home-todos').count()).toBe(0);
    await shot(page, 'anchor-1366');
    await page.close();
  });

  it('moves store health to the admin’s system status page', async () => {
    const page = await signIn('admin', { width: 1920, height: 1080 }, 'en-US');
    await page.getByTestId('home-upcoming').waitFor();
    expect(await page.getByTestId('system-status').count()).toBe(0);
    await page.goto(`${demo.url}/settings/system`);
    await page.getByTestId('page-settings-system').waitFor();
    await expect.poll(() => page.getByTestId('system-status').textContent()).toMatch(/pglite/i);
    await shot(page, 'system-en-1920');
    await page.close();
  });
});

describe('pages open on the tab with work in it', () => {
  it('opens QC on its records, the warehouse on its stock and SOP on its templates', async () => {
    const page = await signIn('admin', { width: 1366, height: 768 });
    await page.goto(`${demo.url}/before/qc`);
    await page.getByTestId('page-before-qc').waitFor();
    await expect.poll(() => activeTab(page)).toBe('检验记录');
    await page.getByTestId('qc-records-table').waitFor();
    await page.goto(`${demo.url}/before/warehouse`);
    await page.getByTestId('page-before-warehouse').waitFor();
    await page.getByTestId('warehouse-stock-table').waitFor();
    await page.goto(`${demo.url}/matrix/sop`);
    await page.getByTestId('page-matrix-sop').waitFor();
    await expect.poll(() => activeTab(page)).toContain('模板');
    await shot(page, 'sop-zh-1366');
    await page.close();
  });
});
