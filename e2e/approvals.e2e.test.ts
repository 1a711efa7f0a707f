import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, startDemo, type DemoServer } from './browser.js';

/**
 * Two-person approval in a real browser against `livecloud demo`: the selection person asks
 * for a ¥8,000 deposit refund (above the default ¥5,000 threshold), which waits in 待审批 with
 * the balance unchanged; the admin, a second person, approves it and the balance drops.
 */

let demo: DemoServer;
let browser: Browser;
let maker: Page;
let checker: Page;
const consoleErrors: string[] = [];
const company = '杭州星选优品供应链有限公司';
const reason = '合作结束，退还部分保证金';

async function signIn(role: string, size: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport: size, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  const login = demo.logins.find((l) => l.role === role)!;
  await page.goto(`${demo.url}/login`);
  await page.getByTestId('login-email').fill(login.email);
  await page.getByTestId('login-password').fill(login.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('page-overview').waitFor();
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(screenshotDir, `approvals-${name}.png`), fullPage: true });
}

async function openMerchant(page: Page): Promise<void> {
  await page.goto(`${demo.url}/before/merchants`);
  await page.getByTestId('merchant-table').getByText(company).click();
  await page.getByTestId('merchant-drawer').waitFor();
  // The demo's first entry: the ledger has loaded, not just its placeholder.
  await expect.poll(() => page.getByTestId('deposit-ledger').textContent()).toContain('入驻保证金');
}

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  maker = await signIn('selection', { width: 1366, height: 768 });
  checker = await signIn('admin', { width: 1920, height: 1080 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('two-person approval, in a real browser', () => {
  it('holds a large refund for approval and leaves the balance as it was', async () => {
    await openMerchant(maker);
    expect(await maker.getByTestId('deposit-balance').textContent()).toContain('¥30,000.00');
    await maker.getByTestId('deposit-record').click();
    await maker.getByTestId('deposit-kind').getByText('退还').click();
    await maker.getByTestId('deposit-amount').fill('8000');
    await maker.getByTestId('deposit-reason').fill(reason);
    await maker.getByTestId('deposit-submit').click();
    await maker.getByText('退还保证金已提交审批').waitFor();
    expect(await maker.getByTestId('deposit-balance').textContent()).toContain('¥30,000.00');
    await expect
      .poll(() => maker.getByTestId('merchant-pending-approvals').textContent())
      .toContain('退还保证金 ¥8,000.00');
    await shot(maker, '01-submitted-1366');

    await maker.goto(`${demo.url}/before/approvals`);
    const row = maker.getByTestId('approval-table').locator('tr', { hasText: reason });
    await row.waitFor();
    expect(await row.textContent()).toContain('¥8,000.00');
    expect(await row.textContent()).toContain('你提交的');
    expect(await row.locator('[data-testid^="approval-approve-"]').count()).toBe(0);
    expect(await row.locator('[data-testid^="approval-cancel-"]').count()).toBe(1);
    await shot(maker, '02-queue-maker-1366');
  });

  it('lets a second person approve it, and the refund reaches the ledger', async () => {
    await checker.goto(`${demo.url}/before/approvals`);
    const row = checker.getByTestId('approval-table').locator('tr', { hasText: reason });
    await row.waitFor();
    expect(await checker.getByTestId('approval-policy').textContent()).toContain('¥5,000.00');
    await shot(checker, '03-queue-checker-1920');
    await row.locator('[data-testid^="approval-approve-"]').click();
    await checker.getByTestId('reason-input').fill('已核对合作终止协议');
    await shot(checker, '04-approve-modal-1920');
    await checker.getByTestId('reason-submit').click();
    await checker.getByText('已通过，操作已执行').waitFor();
    await expect.poll(() => row.count()).toBe(0);
    await checker.getByTestId('approval-filter').getByText('已通过').click();
    const done = checker.getByTestId('approval-table').locator('tr', { hasText: reason });
    await done.waitFor();
    expect(await done.textContent()).toContain('已核对合作终止协议');
    await shot(checker, '05-approved-1920');

    await openMerchant(checker);
    await expect.poll(() => checker.getByTestId('deposit-balance').textContent()).toContain('¥22,000.00');
    expect(await checker.getByTestId('deposit-ledger').textContent()).toContain(reason);
    expect(await checker.getByTestId('merchant-pending-approvals').count()).toBe(0);
    await shot(checker, '06-ledger-1920');

    await checker.goto(`${demo.url}/settings/audit`);
    const actions = checker.getByTestId('page-settings-audit').locator('[data-testid^="audit-action-"]');
    await expect.poll(() => actions.allTextContents(), { timeout: 15_000 }).toContain('审批 · 通过');
    expect(await actions.allTextContents()).toContain('审批 · 提交审批');
    expect(await actions.allTextContents()).toContain('保证金 · 退还');
    await shot(checker, '07-audit-1920');
    // The login page asks who is signed in first and is told 401: nothing else may fail.
    expect(consoleErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});
