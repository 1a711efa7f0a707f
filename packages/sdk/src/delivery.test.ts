import { describe, expect, it } from 'vitest';
import { maxBeaconBytes } from './batch.js';
import { createLiveCloud, type LiveCloudOptions } from './client.js';
import type { DeliveryError } from './delivery.js';
import { fakeEnvironment, memoryStorage, type FakeOptions } from './fake-environment.js';

function setup(options: Partial<LiveCloudOptions> = {}, fake: FakeOptions = {}) {
  const storage = memoryStorage();
  const browser = fakeEnvironment({ storage, ...fake });
  const errors: DeliveryError[] = [];
  const client = createLiveCloud({
    writeKey: 'lc_wk_test',
    endpoint: 'https://livecloud.example.com',
    environment: browser.env,
    onError: (error) => errors.push(error),
    ...options,
  });
  const start = browser.now();
  /** Request times in ms after the client was created. */
  const times = (): number[] => browser.requests.map((request) => request.at - start);
  return { browser, client, errors, storage, times };
}

describe('retries', () => {
  it('retries network errors and 5xx with exponential back-off and jitter, with the same messageIds', async () => {
    // random() is 0.5, so each wait is three quarters of min(60 s, 1 s × 2^(n−1)).
    const { browser, client, times } = setup({}, { answers: [503, 'network-error', 502, 200] });
    client.track('a');
    client.track('b');
    expect(await client.flush()).toEqual({ delivered: 0, dropped: 0, queued: 2 });
    await browser.advance(10_000);

    expect(times()).toEqual([0, 750, 750 + 1500, 750 + 1500 + 3000]);
    const ids = browser.requests.map((request) => request.body.batch.map((message) => message.messageId));
    expect(new Set(ids.map((batch) => batch.join()))).toHaveProperty('size', 1);
    expect(browser.requests.map((request) => request.body.sentAt)).toEqual([
      '2026-03-14T12:00:00.000Z',
      '2026-03-14T12:00:00.750Z',
      '2026-03-14T12:00:02.250Z',
      '2026-03-14T12:00:05.250Z',
    ]);
    expect(client.stats()).toMatchObject({ queued: 0, delivered: 2 });
  });

  it('caps the back-off at 60 s', async () => {
    const { browser, client, times } = setup({ maxRetries: 20 }, { answers: Array<number>(9).fill(500) });
    client.track('a');
    await client.flush();
    await browser.advance(10 * 60_000);
    const gaps = times()
      .slice(1)
      .map((at, i) => at - (times()[i] ?? 0));
    expect(gaps).toEqual([750, 1500, 3000, 6000, 12_000, 24_000, 45_000, 45_000, 45_000]);
  });

  it('waits at least as long as a 429 Retry-After in seconds', async () => {
    const { browser, client, times } = setup({}, { answers: [{ status: 429, retryAfter: '7' }] });
    client.track('a');
    await client.flush();
    await browser.advance(6_999);
    expect(times()).toEqual([0]);
    await browser.advance(1);
    expect(times()).toEqual([0, 7_000]);
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    const { browser, client, times } = setup(
      {},
      { answers: [{ status: 429, retryAfter: 'Sat, 14 Mar 2026 12:00:20 GMT' }] },
    );
    client.track('a');
    await client.flush();
    await browser.advance(60_000);
    expect(times()).toEqual([0, 20_000]);
  });

  it('never retries a 400: the batch is dropped and reported', async () => {
    const { browser, client, errors, storage, times } = setup({}, { answers: [400] });
    client.track('a');
    client.track('b');
    expect(await client.flush()).toEqual({ delivered: 0, dropped: 2, queued: 0 });
    await browser.advance(10 * 60_000);

    expect(times()).toEqual([0]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reason: 'rejected', status: 400 });
    expect(errors[0]?.messages.map((message) => message.event)).toEqual(['a', 'b']);
    expect(storage.map.has('lc_queue:lc_wk_test')).toBe(false);
  });

  it('drops a batch after maxRetries retries and goes on with the next messages', async () => {
    const { browser, client, errors, times } = setup({ maxRetries: 2 }, { answers: [500, 500, 503] });
    client.track('a');
    await client.flush();
    await browser.advance(750 + 1500);

    expect(times()).toEqual([0, 750, 2250]);
    expect(errors).toMatchObject([{ reason: 'retries_exhausted', status: 503 }]);
    client.track('b');
    expect(await client.flush()).toEqual({ delivered: 1, dropped: 0, queued: 0 });
    expect(browser.requests.at(-1)?.body.batch.map((message) => message.event)).toEqual(['b']);
    expect(client.stats().dropped.retries_exhausted).toBe(1);
  });

  it('sends nothing during a back-off, whatever flushAt or flush() ask, then sends all in order', async () => {
    const { browser, client, times } = setup({ flushAt: 2 }, { answers: [503] });
    client.track('a');
    client.track('b');
    await browser.settle();
    client.track('c');
    client.track('d');
    expect(await client.flush()).toEqual({ delivered: 0, dropped: 0, queued: 4 });
    expect(times()).toEqual([0]);

    await browser.advance(750);
    expect(times()).toEqual([0, 750]);
    expect(browser.requests[1]?.body.batch.map((message) => message.event)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('treats a request unanswered for 30 s as a network error', async () => {
    const { browser, client, times } = setup({}, { answers: ['hang'] });
    client.track('a');
    const flushed = client.flush();
    await browser.advance(30_000);
    expect(await flushed).toMatchObject({ delivered: 0, queued: 1 });
    await browser.advance(750);
    expect(times()).toEqual([0, 30_750]);
    expect(client.stats().queued).toBe(0);
  });
});

describe('page hide', () => {
  const bulky = { text: '字'.repeat(5_000) }; // 15 kB of UTF-8 per message

  it('sends the queue by sendBeacon when the page is hidden, each body under 64 kB', async () => {
    const { browser, client } = setup();
    for (let i = 0; i < 8; i++) client.track(`e${i}`, bulky);
    browser.hide('visibilitychange');

    expect(browser.requests).toHaveLength(0);
    expect(browser.beacons.length).toBe(2);
    expect(browser.beacons.reduce((bytes, beacon) => bytes + beacon.bytes, 0)).toBeGreaterThan(
      maxBeaconBytes,
    );
    for (const beacon of browser.beacons) {
      expect(beacon.url).toBe('https://livecloud.example.com/v1/batch');
      expect(beacon.bytes).toBeLessThanOrEqual(maxBeaconBytes);
      expect(beacon.body.writeKey).toBe('lc_wk_test');
    }
    expect(browser.beacons.flatMap((beacon) => beacon.body.batch.map((message) => message.event))).toEqual([
      'e0',
      'e1',
      'e2',
      'e3',
      'e4',
      'e5',
      'e6',
      'e7',
    ]);
    expect(client.stats()).toMatchObject({ queued: 0, delivered: 8 });

    browser.hide('pagehide');
    await browser.advance(60_000);
    expect(browser.beacons).toHaveLength(2);
    expect(browser.requests).toHaveLength(0);
  });

  it('sends on pagehide as well', () => {
    const { browser, client } = setup();
    client.track('a');
    browser.hide('pagehide');
    expect(browser.beacons).toHaveLength(1);
  });

  it('falls back to fetch with keepalive when sendBeacon refuses a body', async () => {
    const { browser, client } = setup({}, { beaconAccepts: () => false });
    for (let i = 0; i < 8; i++) client.track(`e${i}`, bulky);
    browser.hide();
    await browser.settle();

    expect(browser.beacons).toHaveLength(0);
    expect(browser.requests).toHaveLength(2);
    expect(browser.requests.every((request) => request.init.keepalive)).toBe(true);
    expect(client.stats()).toMatchObject({ queued: 0, delivered: 8 });
  });

  it('falls back to fetch with keepalive where there is no sendBeacon', async () => {
    const { browser, client } = setup({}, { sendBeacon: false });
    client.track('a');
    browser.hide();
    await browser.settle();
    expect(browser.requests.map((request) => request.init.keepalive)).toEqual([true]);
    expect(client.stats().queued).toBe(0);
  });

  it('keeps the queue in localStorage instead of beaconing while the collector is failing', async () => {
    const { browser, client, storage } = setup({}, { answers: [503] });
    client.track('a');
    await client.flush();
    browser.hide('pagehide');

    expect(browser.beacons).toHaveLength(0);
    expect(storage.map.get('lc_queue:lc_wk_test')).toContain('"event":"a"');
  });

  it('beacons nothing when the tab comes back to the foreground', () => {
    const { browser, client } = setup();
    client.track('a');
    browser.show();
    expect(browser.beacons).toHaveLength(0);
    expect(client.stats().queued).toBe(1);
  });
});
