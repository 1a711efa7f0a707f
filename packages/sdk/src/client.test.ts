import { describe, expect, it } from 'vitest';
import { createLiveCloud, type LiveCloudOptions } from './client.js';
import type { DeliveryError } from './delivery.js';
import { fakeEnvironment, type FakeOptions } from './fake-environment.js';
import { version } from './version.js';

const writeKey = 'lc_wk_test';

function setup(options: Partial<LiveCloudOptions> = {}, fake: FakeOptions = {}) {
  const browser = fakeEnvironment(fake);
  const errors: DeliveryError[] = [];
  const client = createLiveCloud({
    writeKey,
    endpoint: 'https://livecloud.example.com/',
    environment: browser.env,
    onError: (error) => errors.push(error),
    ...options,
  });
  return { browser, client, errors };
}

describe('createLiveCloud', () => {
  it('sends a Segment batch to /v1/batch as text/plain with the write key in the body', async () => {
    const { browser, client } = setup();
    client.track('product.click', { productId: 'p1' });
    await client.flush();

    expect(browser.requests).toHaveLength(1);
    const [request] = browser.requests;
    expect(request?.url).toBe('https://livecloud.example.com/v1/batch');
    expect(request?.init).toMatchObject({
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      credentials: 'omit',
      keepalive: false,
    });
    expect(Object.keys(request?.init.headers ?? {})).toEqual(['Content-Type']);
    expect(request?.body.writeKey).toBe(writeKey);
    expect(request?.body.sentAt).toBe('2026-03-14T12:00:00.000Z');
    expect(request?.body.batch).toEqual([
      {
        type: 'track',
        event: 'product.click',
        properties: { productId: 'p1' },
        messageId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
        anonymousId: client.anonymousId(),
        originalTimestamp: '2026-03-14T12:00:00.000Z',
        context: {
          library: { name: '@livecloud/sdk', version },
          page: {
            url: 'https://shop.example.com/live/room-1?utm_source=wechat&utm_medium=social',
            path: '/live/room-1',
            search: '?utm_source=wechat&utm_medium=social',
            referrer: 'https://m.example.cn/',
            title: 'Room 1',
          },
          campaign: { source: 'wechat', medium: 'social' },
          userAgent: 'Mozilla/5.0 (iPhone) MicroMessenger/8.0',
          locale: 'zh-CN',
        },
      },
    ]);
  });

  it('identifies the user on this and later messages and keeps traits on the identify only', async () => {
    const { browser, client } = setup();
    client.identify('u-42', { plan: 'vip' });
    client.track('cart.add');
    await client.flush();

    const [identify, track] = browser.sent();
    expect(identify).toMatchObject({ type: 'identify', userId: 'u-42', traits: { plan: 'vip' } });
    expect(track).toMatchObject({ type: 'track', userId: 'u-42', anonymousId: client.anonymousId() });
    expect(track?.traits).toBeUndefined();
    expect(client.userId()).toBe('u-42');
  });

  it('fills a page view with the url, path, search, referrer and title', async () => {
    const { browser, client } = setup();
    client.page('Live room', { roomId: 'r1' });
    await client.flush();

    expect(browser.sent()[0]).toMatchObject({
      type: 'page',
      name: 'Live room',
      properties: {
        url: 'https://shop.example.com/live/room-1?utm_source=wechat&utm_medium=social',
        path: '/live/room-1',
        search: '?utm_source=wechat&utm_medium=social',
        referrer: 'https://m.example.cn/',
        title: 'Room 1',
        roomId: 'r1',
      },
    });
  });

  it('aliases from the current user id, else from the anonymous id', async () => {
    const { browser, client } = setup();
    client.alias('u-1');
    client.identify('u-1');
    client.alias('u-2');
    client.alias('u-3', 'legacy-9');
    await client.flush();

    const aliases = browser.sent().filter((message) => message.type === 'alias');
    expect(aliases.map(({ userId, previousId }) => ({ userId, previousId }))).toEqual([
      { userId: 'u-1', previousId: client.anonymousId() },
      { userId: 'u-2', previousId: 'u-1' },
      { userId: 'u-3', previousId: 'legacy-9' },
    ]);
  });

  it('sends once flushAt messages wait, and not before', async () => {
    const { browser, client } = setup({ flushAt: 3 });
    client.track('a');
    client.track('b');
    await browser.settle();
    expect(browser.requests).toHaveLength(0);

    client.track('c');
    await browser.settle();
    expect(browser.requests).toHaveLength(1);
    expect(browser.requests[0]?.body.batch.map((message) => message.event)).toEqual(['a', 'b', 'c']);
  });

  it('sends flushIntervalMs after the first message waits', async () => {
    const { browser, client } = setup({ flushIntervalMs: 5000 });
    const start = browser.now();
    client.track('a');
    await browser.advance(2000);
    client.track('b');
    await browser.advance(2999);
    expect(browser.requests).toHaveLength(0);

    await browser.advance(1);
    expect(browser.requests).toHaveLength(1);
    expect(browser.requests[0]?.at).toBe(start + 5000);
    expect(browser.sent().map((message) => message.event)).toEqual(['a', 'b']);
    expect(browser.timers.size).toBe(0);
  });

  it('flush() reports what was delivered, dropped and is still queued', async () => {
    const { client } = setup({}, { answers: [200] });
    client.track('a');
    client.track('b');
    expect(await client.flush()).toEqual({ delivered: 2, dropped: 0, queued: 0 });
    expect(client.stats()).toMatchObject({ queued: 0, delivered: 2 });
  });

  it('reset() forgets the user and starts a new anonymous id, and queued messages keep theirs', async () => {
    const { browser, client } = setup();
    client.identify('u-42');
    const before = client.anonymousId();
    client.track('before');
    client.reset();
    client.track('after');
    await client.flush();

    expect(client.userId()).toBeUndefined();
    expect(client.anonymousId()).not.toBe(before);
    const [, beforeReset, afterReset] = browser.sent();
    expect(beforeReset).toMatchObject({ event: 'before', userId: 'u-42', anonymousId: before });
    expect(afterReset).toMatchObject({ event: 'after', anonymousId: client.anonymousId() });
    expect(afterReset?.userId).toBeUndefined();
  });

  it('queues a copy, so changing the properties afterwards changes nothing', async () => {
    const { browser, client } = setup();
    const properties: Record<string, unknown> = { step: 1 };
    client.track('a', properties);
    properties['step'] = 2;
    properties['self'] = properties;
    await client.flush();
    expect(browser.sent()[0]?.properties).toEqual({ step: 1 });
  });

  it('refuses a message over 32 kB or one that is not JSON, and says so', async () => {
    const { browser, client, errors } = setup();
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    client.track('big', { text: 'x'.repeat(32_000) });
    client.track('circular', circular);
    client.track('fine');
    await client.flush();

    expect(browser.sent().map((message) => message.event)).toEqual(['fine']);
    expect(errors.map((error) => [error.reason, error.messages[0]?.event])).toEqual([
      ['too_large', 'big'],
      ['invalid', 'circular'],
    ]);
    expect(errors[1]?.error).toBeInstanceOf(TypeError);
    expect(client.stats().dropped).toMatchObject({ too_large: 1, invalid: 1 });
  });

  it('refuses a configuration without a write key or an http(s) endpoint', () => {
    const env = fakeEnvironment().env;
    expect(() => createLiveCloud({ writeKey: '', endpoint: 'https://x.example', environment: env })).toThrow(
      /writeKey/,
    );
    expect(() => createLiveCloud({ writeKey, endpoint: 'livecloud.example.com', environment: env })).toThrow(
      /endpoint/,
    );
    expect(() =>
      createLiveCloud({ writeKey, endpoint: 'https://x.example', flushAt: Number.NaN, environment: env }),
    ).toThrow(/flushAt/);
  });

  it('keeps working when the onError handler throws', async () => {
    const { browser, client } = setup({
      onError: () => {
        throw new Error('handler bug');
      },
    });
    client.track('big', { text: 'x'.repeat(40_000) });
    client.track('fine');
    await client.flush();
    expect(browser.sent().map((message) => message.event)).toEqual(['fine']);
  });
});
