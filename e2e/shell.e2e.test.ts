import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, startDemo, type DemoServer } from './browser.js';

let demo: DemoServer;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

/** Clicks a menu item, opening its group first when it is folded away. */
async function openNav(item: string, group: string): Promise<void> {
  const link = page.getByTestId(item);
  if (!(await link.isVisible())) await page.getByTestId(group).click();
  await link.click();
}

const shot = (name: string) => page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('the web app in a real browser', () => {
  it('sends a visitor to the login page and refuses a wrong password', async () => {
    await page.goto(demo.url);
    await page.getByTestId('page-login').waitFor();
    expect(page.url()).toContain('/login');
    await page.getByTestId('login-email').fill('admin@demo.livecloud.dev');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    await shot('01-login-error');
  });

  it('signs in as the demo admin and shows the overview with real store health', async () => {
    const admin = demo.logins.find((l) => l.role === 'admin')!;
    await page.getByTestId('login-password').fill(admin.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('page-overview').waitFor();
    await page.getByTestId('system-status').waitFor();
    await expect.poll(() => page.getByTestId('org-name').first().textContent()).toContain('星河直播');
    const status = await page.getByTestId('system-status').textContent();
    expect(status).toMatch(/pglite/i);
    expect(status).toMatch(/chdb/i);
    await shot('02-overview-zh');
  });

  it('walks every area of the navigation; areas not built yet say so', async () => {
    const groups = await page
      .locator('[data-testid^="nav-group-"]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid') ?? ''));
    expect(groups.length).toBeGreaterThanOrEqual(8);
    const visited: string[] = [];
    let unavailable = 0;
    for (const group of groups) {
      const header = page.getByTestId(group);
      const submenu = page
        .locator(`li:has(> div [data-testid="${group}"]), li:has(> [data-testid="${group}"])`)
        .first();
      await header.click();
      const links = submenu.locator('a[data-testid^="nav-"]');
      await links.first().waitFor();
      const ids = await links.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid') ?? ''));
      for (const id of ids) {
        await page.getByTestId(id).click();
        const pageId = id.replace(/^nav-/, 'page-');
        await page.getByTestId(pageId).waitFor();
        if ((await page.getByTestId('module-unavailable').count()) > 0) unavailable += 1;
        visited.push(pageId);
      }
    }
    expect(visited.length).toBeGreaterThanOrEqual(30);
    expect(unavailable).toBeGreaterThan(0);
    await page.goto(`${demo.url}/during/refeature`);
    await page.getByTestId('page-during-refeature').waitFor();
    await page.getByTestId('module-unavailable').waitFor();
    await shot('03-area-not-built');
  });

  it('manages staff for real: on-boards a person who then appears in the table', async () => {
    await openNav('nav-settings-staff', 'nav-group-settings');
    await page.getByTestId('page-settings-staff').waitFor();
    await page.getByTestId('staff-table').waitFor();
    await expect.poll(() => page.getByTestId('staff-table').textContent()).toContain('周运营');
    await page.getByTestId('staff-onboard').click();
    await page.getByTestId('staff-email').fill('new.anchor@demo.livecloud.dev');
    await page.getByTestId('staff-name').fill('新主播小美');
    await page.getByTestId('staff-role').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: /主播/ })
      .first()
      .click();
    await page.getByTestId('staff-password').fill('new-anchor-password');
    await page.getByTestId('staff-onboard-submit').click();
    await expect.poll(() => page.getByTestId('staff-table').textContent()).toContain('新主播小美');
    await page.getByTestId('staff-onboard-form').waitFor({ state: 'hidden' });
    await shot('04-staff');
  });

  it('switches to English and back, and the shell follows', async () => {
    const before = await page.getByTestId('nav-menu').textContent();
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('nav-menu').textContent()).not.toBe(before);
    const english = await page.getByTestId('nav-menu').textContent();
    expect(english).toMatch(/Settings|Overview/);
    await openNav('nav-settings-roles', 'nav-group-settings');
    await page.getByTestId('page-settings-roles').waitFor();
    await shot('05-roles-en');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('nav-menu').textContent()).toContain('设置');
  });

  it('signs out to the login page', async () => {
    await page.getByTestId('logout').click();
    await page.getByTestId('page-login').waitFor();
    await page.goto(`${demo.url}/settings/staff`);
    await page.getByTestId('page-login').waitFor();
    expect(consoleErrors.filter((e) => !/401|Unauthorized|Failed to load resource/i.test(e))).toEqual([]);
  });
});
