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

/** Signs in over the API; answers the headers that make a signed-in, CSRF-checked request. */
async function signIn(email: string, password: string): Promise<Record<string, string>> {
  const login = await fetch(`${demo.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(login.status).toBe(200);
  const cookie =
    (login.headers.getSetCookie().find((c) => c.startsWith('lc_session=')) ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

async function post(headers: Record<string, string>, path: string, body: unknown): Promise<{ id: string }> {
  const response = await fetch(`${demo.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string };
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

  it('signs in as the demo admin; 设置 → 系统状态 shows real store health', async () => {
    const admin = demo.logins.find((l) => l.role === 'admin')!;
    await page.getByTestId('login-password').fill(admin.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('page-overview').waitFor();
    await expect.poll(() => page.getByTestId('org-name').first().textContent()).toContain('星河直播');
    await shot('02-overview-zh');
    await openNav('nav-settings-system', 'nav-group-settings');
    await page.getByTestId('system-status').waitFor();
    // The health read answers after the page shows its title: wait for both engines.
    const status = () => page.getByTestId('system-status').textContent();
    await expect.poll(status).toMatch(/pglite/i);
    await expect.poll(status).toMatch(/chdb/i);
    await shot('02-system-status-zh');
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

  it('off-boards a person: lists their keys, revokes the personal one, hands the service key over', async () => {
    const admin = demo.logins.find((l) => l.role === 'admin');
    if (!admin) throw new Error('the demo printed no admin login');
    const asAdmin = await signIn(admin.email, admin.password);
    await post(asAdmin, '/api/v1/staff', {
      email: 'leaving.admin@demo.livecloud.dev',
      name: '离职管理员',
      role: 'admin',
      password: 'leaving-admin-pw',
    });
    const asLeaving = await signIn('leaving.admin@demo.livecloud.dev', 'leaving-admin-pw');
    const personal = await post(asLeaving, '/api/v1/api-keys', { name: '个人报表脚本', purpose: 'admin' });
    const service = await post(asLeaving, '/api/v1/api-keys', {
      name: '抖店订单回调',
      purpose: 'collector',
      source: 'douyin',
      kind: 'service',
    });

    await page.reload();
    await page.getByTestId('staff-table').waitFor();
    await page.getByPlaceholder('搜索姓名或邮箱').fill('离职管理员');
    const row = page.getByTestId('staff-table').locator('tr', { hasText: '离职管理员' });
    await row.getByRole('button', { name: '办理离职' }).click();
    await expect
      .poll(() => page.getByTestId('offboard-personal-keys').textContent())
      .toContain('个人报表脚本');
    await expect
      .poll(() => page.getByTestId('offboard-service-keys').textContent())
      .toContain('抖店订单回调');
    await shot('04b-offboard-keys');
    // Without a new owner for the service key the form refuses.
    await page.getByTestId('staff-offboard-confirm').click();
    await page.getByText('请选择接手服务密钥的成员').waitFor();
    await page.getByTestId('staff-offboard-heir').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: admin.email })
      .first()
      .click();
    await page.getByTestId('staff-offboard-confirm').click();
    await page.getByText(/吊销个人密钥 1 个，移交服务密钥 1 个/).waitFor();

    await openNav('nav-settings-api-keys', 'nav-group-settings');
    await page.getByTestId('api-keys-table').waitFor();
    await expect
      .poll(() => page.getByTestId(`api-key-status-${personal.id}`).textContent())
      .toContain('已吊销');
    const owner = page.getByTestId(`api-key-owner-${service.id}`);
    await expect.poll(() => owner.textContent()).toContain('服务密钥');
    expect(await owner.textContent()).not.toContain('离职管理员');
    await shot('04c-api-key-owners');
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
