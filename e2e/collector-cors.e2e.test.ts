import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startDemo, type DemoServer } from './browser.js';

/**
 * Collection from a web page on another origin, in real Chromium: the project's SDK and the
 * unmodified analytics.js (@segment/analytics-next), each bundled into a page served by a second
 * local server, send live events to the demo's collector with a write key that lists the page's
 * origin; they reach the big screen. A page of an origin the key does not list gets nothing in.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let demo: DemoServer;
let browser: Browser;
let pages: Server;
let pageOrigin: string;
let otherOrigin: string;
let cookie: string;
let writeKey: string;
const outside: string[] = [];

async function bundle(contents: string, globalName: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName,
    target: 'es2020',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles[0]?.text ?? '';
}

async function serveTestPages(): Promise<void> {
  const scripts: Record<string, string> = {
    '/livecloud.js': await bundle("export * from './packages/sdk/src/index.ts';", 'LiveCloud'),
    '/analytics.js': await bundle("export { AnalyticsBrowser } from '@segment/analytics-next';", 'Segment'),
  };
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>商城直播间</title>' +
    '<script src="/livecloud.js"></script><script src="/analytics.js"></script></head><body>shop</body></html>';
  pages = createServer((request, response) => {
    const script = scripts[request.url ?? ''];
    response.writeHead(200, { 'content-type': script ? 'text/javascript' : 'text/html; charset=utf-8' });
    response.end(script ?? html);
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  const port = (pages.address() as AddressInfo).port;
  pageOrigin = `http://127.0.0.1:${port}`;
  // Another host name for the same server: another origin, which the key does not list.
  otherOrigin = `http://localhost:${port}`;
}

async function signInAndCreateKey(): Promise<void> {
  const admin = demo.logins.find((l) => l.role === 'admin');
  if (!admin) throw new Error('the demo has no admin login');
  const login = await fetch(`${demo.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  cookie = (login.headers.getSetCookie().find((c) => c.startsWith('lc_session=')) ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const created = await fetch(`${demo.url}/api/v1/api-keys`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: '商城页面 e2e',
      purpose: 'collector',
      source: 'sdk',
      allowedOrigins: [pageOrigin],
    }),
  });
  expect(created.status).toBe(201);
  writeKey = ((await created.json()) as { secret: string }).secret;
}

async function openShopPage(origin: string): Promise<Page> {
  const page = await browser.newPage();
  // Nothing may leave the machine: analytics.js would otherwise ask Segment's CDN and API.
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin || url.origin === demo.url) return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  await page.goto(`${origin}/`);
  return page;
}

/** The board of a session once it shows `count` events (or what it shows at the deadline). */
async function boardOf(
  sessionId: string,
  count: number,
  waitMs = 20_000,
): Promise<{ eventCount: number; gmvFen: number }> {
  const deadline = Date.now() + waitMs;
  let seen = { eventCount: 0, gmvFen: 0 };
  while (Date.now() < deadline) {
    const response = await fetch(`${demo.url}/api/v1/sessions/${sessionId}/live`, { headers: { cookie } });
    if (response.status === 200) {
      const board = (await response.json()) as { eventCount: number; totals: { gmvFen: number } };
      seen = { eventCount: board.eventCount, gmvFen: board.totals.gmvFen };
      if (seen.eventCount >= count) return seen;
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  return seen;
}

const live = (sessionId: string, viewer: string) => ({
  accountId: 'acc_shop_e2e',
  sessionId,
  platformUserId: viewer,
});

beforeAll(async () => {
  await serveTestPages();
  demo = await startDemo();
  browser = await launchBrowser();
  await signInAndCreateKey();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  await new Promise((resolve) => pages?.close(resolve));
});

describe('events from a page on another origin', () => {
  it('reach the big screen through @livecloud/sdk', async () => {
    const page = await openShopPage(pageOrigin);
    const result = await page.evaluate(
      async ({ endpoint, key, props, pay }) => {
        const lc = LiveCloud.createLiveCloud({ writeKey: key, endpoint, flushAt: 100 });
        lc.page('直播间');
        lc.track('room.enter', props);
        lc.track('order.pay', { ...props, ...pay });
        return lc.flush();
      },
      {
        endpoint: demo.url,
        key: writeKey,
        props: live('ses_shop_sdk', 'dy_sdk_1'),
        pay: { orderId: 'o-sdk-1', amountFen: 9_900 },
      },
    );
    expect(result).toMatchObject({ delivered: 3, dropped: 0, queued: 0 });
    expect(await boardOf('ses_shop_sdk', 2)).toEqual({ eventCount: 2, gmvFen: 9_900 });
    await page.close();
  });

  it('reach the big screen through the unmodified analytics.js', async () => {
    const page = await openShopPage(pageOrigin);
    const host = new URL(demo.url).host;
    await page.evaluate(
      async ({ key, apiHost, props, pay }) => {
        const segment = { apiHost, protocol: 'http' as const };
        const [analytics] = await Segment.AnalyticsBrowser.load(
          { writeKey: key, cdnSettings: { integrations: { 'Segment.io': { apiKey: key, ...segment } } } },
          { disableClientPersistence: true, initialPageview: false, integrations: { 'Segment.io': segment } },
        );
        await analytics.track('room.enter', props);
        await analytics.track('order.pay', { ...props, ...pay });
        await analytics.identify('u-analytics-1', { city: '杭州' });
      },
      {
        key: writeKey,
        apiHost: `${host}/v1`,
        props: live('ses_shop_ajs', 'dy_ajs_1'),
        pay: { orderId: 'o-ajs-1', amountFen: 12_800 },
      },
    );
    expect(await boardOf('ses_shop_ajs', 2)).toEqual({ eventCount: 2, gmvFen: 12_800 });
    await page.close();
  });

  it('never get in from an origin the key does not list', async () => {
    const page = await openShopPage(otherOrigin);
    const result = await page.evaluate(
      async ({ endpoint, key, props }) => {
        const lost: string[] = [];
        const lc = LiveCloud.createLiveCloud({
          writeKey: key,
          endpoint,
          maxRetries: 0,
          onError: (error) => lost.push(error.reason),
        });
        lc.track('room.enter', props);
        const flushed = await lc.flush();
        return { ...flushed, lost };
      },
      { endpoint: demo.url, key: writeKey, props: live('ses_shop_refused', 'dy_refused_1') },
    );
    expect(result).toMatchObject({ delivered: 0, lost: ['retries_exhausted'] });
    // The flush has been answered: anything the collector took would be on the board by now.
    expect(await boardOf('ses_shop_refused', 1, 3_000)).toEqual({ eventCount: 0, gmvFen: 0 });
    await page.close();
  });

  it('let analytics.js take its settings from the page, not from Segment’s CDN', () => {
    expect(outside.filter((url) => url.includes('cdn.segment.com'))).toEqual([]);
  });
});

declare const LiveCloud: typeof import('../packages/sdk/src/index.js');
declare const Segment: typeof import('@segment/analytics-next');
