import { describe, expect, it } from 'vitest';
import { createLiveCloud } from './client.js';
import type { DeliveryError } from './delivery.js';
import type { StorageLike } from './environment.js';
import {
  fakeEnvironment,
  memoryStorage,
  quotaExceededStorage,
  type FakeOptions,
} from './fake-environment.js';
import type { LiveCloudMessage } from './message.js';
import { createQueue } from './queue.js';

const queueKey = 'lc_queue:lc_wk_test';

function open(storage: StorageLike | undefined, fake: FakeOptions = {}, maxQueue?: number) {
  const browser = fakeEnvironment({ storage, ...fake });
  const errors: DeliveryError[] = [];
  const client = createLiveCloud({
    writeKey: 'lc_wk_test',
    endpoint: 'https://livecloud.example.com',
    environment: browser.env,
    flushIntervalMs: 60_000,
    onError: (error) => errors.push(error),
    ...(maxQueue !== undefined && { maxQueue }),
  });
  return { browser, client, errors };
}

function message(messageId: string): LiveCloudMessage {
  return {
    type: 'track',
    event: messageId,
    messageId,
    anonymousId: 'anon',
    originalTimestamp: '2026-03-14T12:00:00.000Z',
    context: { library: { name: '@livecloud/sdk', version: '0.1.0' } },
  };
}

describe('the queue', () => {
  it('survives a reload: the next page sends what the last one had queued, with the same messageIds', async () => {
    const storage = memoryStorage();
    const first = open(storage, { answers: ['network-error'] });
    first.client.track('a');
    first.client.track('b');
    await first.client.flush();
    const queued = first.browser.sent().map((sent) => sent.messageId);

    const second = open(storage);
    await second.browser.advance(0);
    expect(second.browser.sent().map((sent) => sent.messageId)).toEqual(queued);
    expect(second.browser.sent().map((sent) => sent.event)).toEqual(['a', 'b']);
    expect(storage.map.has(queueKey)).toBe(false);
  });

  it('keeps a message in storage until the collector has acknowledged it', async () => {
    const storage = memoryStorage();
    const { client } = open(storage, { answers: [503] });
    client.track('a');
    expect(JSON.parse(storage.map.get(queueKey) ?? '[]')).toHaveLength(1);
    await client.flush();
    expect(JSON.parse(storage.map.get(queueKey) ?? '[]')).toHaveLength(1);
  });

  it('holds at most maxQueue messages: the oldest are dropped, counted and reported', async () => {
    const storage = memoryStorage();
    const { browser, client, errors } = open(storage, { answers: [503] }, 3);
    client.track('a');
    await client.flush();
    for (const event of ['b', 'c', 'd', 'e']) client.track(event);

    expect(client.stats()).toMatchObject({ queued: 3, dropped: { queue_full: 2 } });
    expect(errors.map((error) => [error.reason, error.messages.map((lost) => lost.event)])).toEqual([
      ['queue_full', ['a']],
      ['queue_full', ['b']],
    ]);
    expect((JSON.parse(storage.map.get(queueKey) ?? '[]') as LiveCloudMessage[]).map((m) => m.event)).toEqual(
      ['c', 'd', 'e'],
    );
    await browser.advance(750);
    expect(browser.requests.at(-1)?.body.batch.map((sent) => sent.event)).toEqual(['c', 'd', 'e']);
  });

  it('delivers without storage when localStorage throws (Safari private mode)', async () => {
    const { browser, client } = open(quotaExceededStorage());
    client.track('a');
    expect(await client.flush()).toMatchObject({ delivered: 1 });
    expect(browser.sent().map((sent) => sent.event)).toEqual(['a']);
  });

  it('starts empty from stored text that is not a queue', () => {
    for (const junk of ['{not json', '{"a":1}', '[1,"x",null,{"type":"track"}]']) {
      const storage = memoryStorage();
      storage.map.set(queueKey, junk);
      expect(createQueue(storage, queueKey, 10).messages()).toEqual([]);
    }
  });

  it("never erases another tab's backlog in the shared storage", () => {
    const storage = memoryStorage();
    const tabA = createQueue(storage, queueKey, 10);
    const tabB = createQueue(storage, queueKey, 10);
    tabA.push(message('a1'));
    tabB.push(message('b1'));
    tabA.push(message('a2'));
    tabA.remove(['a1']);

    const stored = (JSON.parse(storage.map.get(queueKey) ?? '[]') as LiveCloudMessage[]).map(
      (m) => m.messageId,
    );
    expect(stored.sort()).toEqual(['a2', 'b1']);
    expect(
      createQueue(storage, queueKey, 10)
        .messages()
        .map((m) => m.messageId),
    ).toHaveLength(2);
  });

  it('keeps the queues of two write keys apart', () => {
    const storage = memoryStorage();
    createQueue(storage, 'lc_queue:key-1', 10).push(message('m1'));
    expect(createQueue(storage, 'lc_queue:key-2', 10).messages()).toEqual([]);
  });
});
