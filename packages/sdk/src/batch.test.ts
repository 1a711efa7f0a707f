import { describe, expect, it } from 'vitest';
import { toBatches, utf8Length } from './batch.js';
import type { LiveCloudMessage } from './message.js';

function message(i: number, text = ''): LiveCloudMessage {
  return {
    type: 'track',
    event: `e${i}`,
    messageId: `m${i}`,
    anonymousId: 'anon',
    properties: { text },
    originalTimestamp: '2026-03-14T12:00:00.000Z',
    context: { library: { name: '@livecloud/sdk', version: '0.1.0' } },
  };
}

describe('utf8Length', () => {
  it('counts the bytes UTF-8 needs: ASCII, Chinese, emoji', () => {
    for (const text of ['', 'abc', '直播间 ¥99', '🛒🎁 ok', JSON.stringify('\ud800 lone')]) {
      expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });
});

describe('toBatches', () => {
  it('splits the queue in order into bodies no larger than the limit', () => {
    const messages = Array.from({ length: 30 }, (_, i) => message(i, '商品'.repeat(100 + i * 10)));
    const batches = toBatches(messages, 'lc_wk_test', '2026-03-14T12:00:01.000Z', 4_000);

    expect(batches.length).toBeGreaterThan(5);
    for (const batch of batches) {
      expect(Buffer.byteLength(batch.body)).toBeLessThanOrEqual(4_000);
      expect(JSON.parse(batch.body)).toEqual({
        batch: batch.messages,
        sentAt: '2026-03-14T12:00:01.000Z',
        writeKey: 'lc_wk_test',
      });
    }
    expect(batches.flatMap((batch) => batch.messages)).toEqual(messages);
  });

  it('fills a body right up to the limit', () => {
    const messages = [message(1), message(2)];
    const [whole] = toBatches(messages, 'k', 'now', 10_000);
    const exact = Buffer.byteLength(whole?.body ?? '');
    expect(toBatches(messages, 'k', 'now', exact)).toHaveLength(1);
    expect(toBatches(messages, 'k', 'now', exact - 1)).toHaveLength(2);
  });

  it('sends a message larger than the limit on its own', () => {
    const batches = toBatches([message(1), message(2, 'x'.repeat(500)), message(3)], 'k', 'now', 300);
    expect(batches.map((batch) => batch.messages.map((m) => m.event))).toEqual([['e1'], ['e2'], ['e3']]);
  });

  it('makes no batch of an empty queue', () => {
    expect(toBatches([], 'k', 'now', 1000)).toEqual([]);
  });
});
