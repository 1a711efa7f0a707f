import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, searchAndPick, startDemo, type DemoServer } from './browser.js';

let demo: DemoServer;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

/** A full-page screenshot once toasts have faded and dialogs have finished opening. */
async function shot(name: string): Promise<void> {
  await page
    .locator('.ant-message-notice')
    .first()
    .waitFor({ state: 'detached', timeout: 6000 })
    .catch(() => undefined);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** This week's Wednesday in Shanghai: always inside the schedule's default week view. */
function wednesday(): string {
  const shanghai = new Date(Date.now() + 8 * 3600_000);
  const weekday = shanghai.getUTCDay() === 0 ? 7 : shanghai.getUTCDay();
  return new Date(shanghai.getTime() + (3 - weekday) * 86_400_000).toISOString().slice(0, 10);
}

async function pick(select: Locator, option: string): Promise<void> {
  const item = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first();
  // A click that lands while a dropdown is still opening is lost; try again until it shows.
  for (let attempt = 0; attempt < 3 && !((await select.textContent()) ?? '').includes(option); attempt++) {
    if (!(await item.isVisible())) await select.click();
    await item.waitFor();
    await item.click();
    await page.waitForTimeout(200);
  }
  expect(await select.textContent()).toContain(option);
}

async function addResource(tab: string, fill: () => Promise<void>): Promise<void> {
  await page.getByRole('tab', { name: tab }).click();
  await page.getByTestId('resource-add').click();
  await fill();
  await page.getByTestId('resource-submit').click();
  await page.locator('.ant-modal:visible').waitFor({ state: 'hidden' });
}

async function planSession(title: string, date: string, start: string, end: string): Promise<void> {
  await page.getByTestId('session-new').click();
  await page.getByTestId('session-title').fill(title);
  await pick(page.getByTestId('session-room'), '一号厅');
  await pick(page.getByTestId('session-account'), '星河美妆');
  await pick(page.getByTestId('session-anchors'), '李主播');
  await page.locator('.ant-modal-title:visible').click();
  await page.getByTestId('session-date').fill(date);
  await page.getByTestId('session-start').fill(start);
  await page.getByTestId('session-end').fill(end);
  await page.getByTestId('session-submit').click();
}

/** Drags with real pointer movement, the way a person does. */
async function drag(from: Locator, to: { x: number; y: number }): Promise<void> {
  await page.locator('.ant-modal-wrap:visible').waitFor({ state: 'hidden' });
  const box = await from.boundingBox();
  if (!box) throw new Error('nothing to drag');
  const start = { x: box.x + box.width / 2, y: box.y + 12 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++)
    await page.mouse.move(start.x + ((to.x - start.x) * i) / 8, start.y + ((to.y - start.y) * i) / 8);
  await page.mouse.up();
}

/** How many sessions the week on screen holds (the demo brings its own planned session). */
async function shownSessions(): Promise<number> {
  await page.waitForLoadState('networkidle');
  await expect
    .poll(async () => /(\d+) 场/.test((await page.getByTestId('schedule-summary').textContent()) ?? ''))
    .toBe(true);
  return Number(/(\d+) 场/.exec((await page.getByTestId('schedule-summary').textContent()) ?? '')?.[1]);
}

const blockOf = (title: string) => page.locator('[data-testid^="session-block-"]').filter({ hasText: title });

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 960 }, locale: 'zh-CN' });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  const operator = demo.logins.find((l) => l.role === 'operator')!;
  await page.goto(`${demo.url}/login`);
  await page.getByTestId('login-email').fill(operator.email);
  await page.getByTestId('login-password').fill(operator.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('page-overview').waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('scheduling in a real browser', () => {
  it('builds the account matrix: an account, two rooms and two anchors', async () => {
    await page.goto(`${demo.url}/matrix/accounts`);
    await page.getByTestId('page-matrix-accounts').waitFor();
    await addResource('平台账号', async () => {
      await page.getByTestId('account-display-name').fill('星河美妆官方号');
      await page.getByTestId('account-handle').fill('xinghe_beauty');
    });
    for (const room of ['一号厅', '二号厅']) {
      await addResource('直播间', () => page.getByTestId('resource-name').fill(room));
    }
    for (const anchor of ['李主播', '王主播']) {
      await addResource('主播', () => page.getByTestId('resource-name').fill(anchor));
    }
    await expect.poll(() => page.getByTestId('resource-table-anchor').textContent()).toContain('王主播');
    await page.getByRole('tab', { name: '平台账号' }).click();
    await expect
      .poll(() => page.getByTestId('resource-table-account').textContent())
      .toContain('xinghe_beauty');
    await shot('schedule-01-accounts');
  });

  it('schedules a session and refuses a clashing one, naming the clash', async () => {
    await page.goto(`${demo.url}/before/schedule`);
    await page.getByTestId('page-before-schedule').waitFor();
    const before = await shownSessions();
    const date = wednesday();
    await planSession('双11 美妆专场', date, '20:00', '23:00');
    await blockOf('双11 美妆专场').waitFor();
    await planSession('加播场', date, '22:00', '23:30');
    await page.getByTestId('schedule-conflict').waitFor();
    const conflict = await page.getByTestId('schedule-conflict').textContent();
    expect(conflict).toContain('一号厅');
    expect(conflict).toContain('李主播');
    expect(conflict).toContain('双11 美妆专场');
    await shot('schedule-02-conflict-refused');
    await page
      .getByTestId('session-date')
      .fill(new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
    await page.getByTestId('session-submit').click();
    await blockOf('加播场').waitFor();
    await expect.poll(shownSessions).toBe(before + 2);
  });

  it('refuses a drag onto a taken slot and moves a session to a free one', async () => {
    const first = await blockOf('双11 美妆专场').boundingBox();
    const second = blockOf('加播场');
    if (!first) throw new Error('no session block');
    // Onto the first session's day and time: refused, with the clashes listed.
    await drag(second, { x: first.x + first.width / 2, y: first.y + 12 });
    await page.getByTestId('schedule-conflict').waitFor();
    await shot('schedule-03-drag-refused');
    await page.locator('.ant-modal:visible .ant-modal-footer button').click();
    await expect.poll(async () => (await second.textContent()) ?? '').toContain('22:00–23:30');
    // Two hours earlier on its own day: free.
    const box = await second.boundingBox();
    if (!box) throw new Error('no session block');
    await drag(second, { x: box.x + box.width / 2, y: box.y + 12 - 2 * 44 });
    await expect.poll(async () => (await second.textContent()) ?? '').toContain('20:00–21:30');
    await shot('schedule-04-moved');
  });

  it('generates a weekly recurring schedule and shows a day per room', async () => {
    const before = await shownSessions();
    await page.getByTestId('recurring-open').click();
    const modal = page.locator('.ant-modal:visible');
    await modal.locator('input').first().fill('周六美妆日播');
    await pick(modal.locator('.ant-select').nth(0), '二号厅');
    await pick(modal.locator('.ant-select').nth(1), '星河美妆');
    await pick(modal.locator('.ant-select').nth(2), '王主播');
    await modal.locator('.ant-modal-title').click();
    await modal.getByRole('checkbox', { name: '周二' }).uncheck();
    await modal.getByRole('checkbox', { name: '周四' }).uncheck();
    await modal.locator('input[type="time"]').fill('14:00');
    await page.getByTestId('recurring-submit').click();
    await page.locator('.ant-message').filter({ hasText: '已生成' }).waitFor();
    await expect.poll(shownSessions).toBe(before + 1);
    // The day view of that Saturday, one column per room.
    await page.getByTestId('schedule-view').getByText('日').click();
    const saturday = new Date(Date.parse(`${wednesday()}T00:00:00Z`) + 3 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    for (
      let i = 0;
      i < 7 && !((await page.getByTestId('schedule-range').textContent()) ?? '').includes(saturday);
      i++
    ) {
      const shown = ((await page.getByTestId('schedule-range').textContent()) ?? '').slice(0, 10);
      await page.getByTestId(shown < saturday ? 'schedule-next' : 'schedule-prev').click();
    }
    await blockOf('周六美妆日播').waitFor();
    await shot('schedule-05-day-by-room');
    await page.getByTestId('schedule-view').getByText('周').click();
  });

  it('builds a line-up, reorders it by dragging, and keeps the order', async () => {
    await blockOf('双11 美妆专场').click();
    await page.getByTestId('session-open-lineup').click();
    await page.getByTestId('page-before-lineups').waitFor();
    // The mask's 170 minutes overrun the 3-hour session: the line-up fails its checks (see going live).
    const items = [
      {
        search: '口红',
        product: '完美日记小细跟口红 #316',
        spec: '#316 色号',
        price: '69.90',
        minutes: '12',
      },
      { search: '精华', product: '珀莱雅双抗精华液 30ml', spec: '30ml', price: '259.00', minutes: '15' },
      {
        search: '敷料',
        product: '可复美重组胶原蛋白敷料 10片',
        spec: '10 片装',
        price: '299.00',
        minutes: '170',
      },
    ];
    for (const [index, item] of items.entries()) {
      // The first product goes in with "save and add another"; the dialog comes back empty.
      if (index !== 1) await page.getByTestId('lineup-add').click();
      await searchAndPick(page, 'lineup-product', item.search, item.product);
      // Picking the product fills its SKU (by spec) and live price from the catalogue.
      await expect.poll(() => page.getByTestId('lineup-sku').textContent()).toContain(item.spec);
      expect(await page.getByTestId('lineup-price').inputValue()).toBe(item.price);
      await page.getByTestId('lineup-minutes').fill(item.minutes);
      await page.getByTestId('lineup-stock').fill('50');
      if (index === 2) {
        await pick(page.getByTestId('lineup-mechanism'), '秒杀');
        await page.locator('#flashPriceYuan').fill('39.9');
        await page.locator('#flashQuantity').fill('500');
        await page.locator('#flashMinutes').fill('5');
      }
      if (index === 0) {
        await page.getByTestId('lineup-item-submit-next').click();
        await expect.poll(() => page.getByTestId('lineup-product').textContent()).not.toContain(item.product);
        expect(await page.getByTestId('lineup-stock').inputValue()).toBe('100');
      } else {
        await page.getByTestId('lineup-item-submit').click();
        await page.locator('.ant-modal:visible').waitFor({ state: 'hidden' });
      }
    }
    const titles = () => page.getByTestId('lineup-title').allTextContents();
    const [lipstick, serum, mask] = items.map((i) => i.product);
    await expect.poll(titles).toEqual([lipstick, serum, mask]);
    expect(await page.getByTestId('lineup-minutes-total').textContent()).toContain('197 / 180');
    // Every check runs (catalogue and selection are wired in); the explain time overruns the session.
    await expect.poll(() => page.getByTestId('lineup-checks').textContent()).toContain('有问题');
    // The checks that need the catalogue and selection run; only the requirement check may skip
    // (this session has no product-pool requirements).
    expect(await page.getByTestId('lineup-checks').textContent()).not.toMatch(
      /(商品已审核|库存充足|全网最低价|价格规则)未校验/,
    );
    await page
      .getByTestId('lineup-row-3')
      .dragTo(page.getByTestId('lineup-row-1'), { targetPosition: { x: 200, y: 4 } });
    await expect.poll(titles).toEqual([mask, lipstick, serum]);
    await page.locator('.lc-lineup-busy').waitFor({ state: 'detached' });
    await shot('schedule-06-lineup-reordered');
    await page.reload();
    await page.getByTestId('lineup-list').waitFor();
    await expect.poll(titles).toEqual([mask, lipstick, serum]);
  });

  it('goes live only with a reason while the line-up fails its checks, then opens the big screen', async () => {
    await page.goto(`${demo.url}/before/schedule`);
    await page.getByTestId('page-before-schedule').waitFor();
    await blockOf('双11 美妆专场').click();
    await page.getByTestId('session-transition').click();
    await page.locator('.ant-popover:visible .ant-btn-primary').click();
    // The explain time overruns the session: the line-up fails, so going live is refused.
    await page.getByTestId('go-live-problem-lineup_invalid').waitFor();
    expect(await page.getByTestId('go-live-problems').textContent()).toMatch(/排品检查未通过：共 \d+ 个问题/);
    await shot('schedule-07a-go-live-refused');
    await page.getByTestId('go-live-override').click();
    await page.getByText('请填写原因').waitFor();
    await page.getByTestId('go-live-reason').fill('品牌方要求按时开播，排品现场调整');
    await page.getByTestId('go-live-override').click();
    await page.waitForURL(/\/big-screen\/ses_/);
    await expect.poll(() => page.getByTestId('screen-session').textContent()).toContain('双11 美妆专场');
    await shot('schedule-07b-live-board');
  });

  it('runs the 7-day SOP for a room and keeps tasks in dependency order', async () => {
    await page.goto(`${demo.url}/matrix/sop`);
    await page.getByTestId('page-matrix-sop').waitFor();
    await page.getByTestId('sop-start').click();
    await pick(page.getByTestId('sop-start-room'), '二号厅');
    await page.getByTestId('sop-start-submit').click();
    await page.getByTestId('sop-run-panel').waitFor();
    await page.getByTestId('sop-check-samples').click();
    await page.locator('.ant-message').filter({ hasText: '请先完成它依赖的任务' }).waitFor();
    await page.getByTestId('sop-check-account').click();
    await expect.poll(() => page.getByTestId('sop-run-progress').textContent()).toContain('8%');
    await shot('schedule-07-sop');
  });

  it('shows the schedule in English too, without console errors', async () => {
    await page.goto(`${demo.url}/before/schedule`);
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('page-before-schedule').textContent()).toContain('Schedule');
    await blockOf('双11 美妆专场').waitFor();
    await shot('schedule-08-schedule-en');
    await page.getByTestId('lang-switch').click();
    expect(consoleErrors.filter((e) => !/Failed to load resource/i.test(e))).toEqual([]);
  });
});
