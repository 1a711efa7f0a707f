import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, startDemo, type DemoServer } from './browser.js';

/**
 * Selection (选品比价) in a real browser against `livecloud demo`, signed in as the selection
 * role: score the pool against tomorrow's planned session, shortlist and watch the requirement
 * coverage move, record a lower price elsewhere and see the lowest-price check flag it, compare.
 */

let demo: DemoServer;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const session = '星河美妆 · 明晚宠粉专场';

async function shot(name: string): Promise<void> {
  await page
    .locator('.ant-message-notice')
    .first()
    .waitFor({ state: 'detached', timeout: 6000 })
    .catch(() => undefined);
  // The shell's header and menu are fixed: a full-page shot taken scrolled down draws them mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(screenshotDir, `selection-${name}.png`), fullPage: true });
}

/** The SKU ids of the score table's rows, in the order shown. */
const rowKeys = (): Promise<string[]> =>
  page
    .getByTestId('selection-scores')
    .locator('tr[data-row-key]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key') ?? ''));

const row = (skuId: string) => page.getByTestId('selection-scores').locator(`tr[data-row-key="${skuId}"]`);

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  const selector = demo.logins.find((l) => l.role === 'selection')!;
  await page.goto(`${demo.url}/login`);
  await page.getByTestId('login-email').fill(selector.email);
  await page.getByTestId('login-password').fill(selector.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('page-overview').waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('selection in a real browser', () => {
  it('scores the pool against the planned session and shortlists towards its requirements', async () => {
    await page.goto(`${demo.url}/before/selection`);
    await page.getByTestId('page-before-selection').waitFor();
    await expect.poll(async () => (await rowKeys()).length).toBeGreaterThan(5);
    await page.getByTestId('selection-session').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: session })
      .click();
    await page.getByTestId('selection-coverage').waitFor();
    await expect.poll(() => page.getByTestId('selection-coverage').textContent()).toContain('美妆主推');
    const [first] = await rowKeys();
    await page.getByTestId(`selection-shortlist-toggle-${first}`).click();
    const title = ((await row(first!).locator('td').nth(1).textContent()) ?? '').slice(0, 6);
    await expect.poll(() => page.getByTestId('selection-shortlist').textContent()).toContain(title);
    await expect.poll(() => page.getByTestId('selection-coverage').textContent()).toMatch(/1 \/ [24]/);
    await shot('01-shortlisted');
  });

  it('flags a live price above a lower price recorded on another platform', async () => {
    const keys = await rowKeys();
    const target = keys.at(-1)!;
    expect(await row(target).textContent()).not.toContain('高于最低价');
    await page.getByTestId(`selection-observe-${target}`).click();
    await page.getByTestId('observation-price').fill('1.00');
    await page.getByTestId('observation-submit').click();
    await page.locator('.ant-modal:visible').waitFor({ state: 'hidden' });
    await expect.poll(() => row(target).textContent()).toContain('高于最低价');
    await shot('02-flagged');
  });

  it('compares two SKUs side by side', async () => {
    const [a, b] = await rowKeys();
    await row(a!).locator('input[type="checkbox"]').check();
    await row(b!).locator('input[type="checkbox"]').check();
    await page.getByTestId('selection-compare').click();
    await page.getByTestId('compare-table').waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(screenshotDir, 'selection-03-compare.png') });
    await page.keyboard.press('Escape');
  });

  it('reads in English too, without console errors', async () => {
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('page-before-selection').textContent()).toContain('Selection');
    await shot('04-en');
    await page.getByTestId('lang-switch').click();
    expect(consoleErrors.filter((e) => !/Failed to load resource/i.test(e))).toEqual([]);
  });
});
