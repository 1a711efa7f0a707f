import { createFakeClock } from '@livecloud/core';
import { describe, expect, it } from 'vitest';
import { createStoreDeduper } from './deduper.js';

function deduperOver(stored: Set<string>) {
  const asked: string[][] = [];
  const deduper = createStoreDeduper({
    clock: createFakeClock(),
    lookup: (_orgId, ids) => {
      asked.push([...ids]);
      return Promise.resolve(new Set(ids.filter((id) => stored.has(id))));
    },
  });
  return { deduper, asked };
}

describe('store-backed deduper', () => {
  it('claims new ids, and reports ids the store already has as seen', async () => {
    const { deduper } = deduperOver(new Set(['old']));
    expect([...(await deduper.claim('org', ['old', 'new']))]).toEqual(['new']);
  });

  it('answers a retry of a committed batch from memory, without asking the store', async () => {
    const { deduper, asked } = deduperOver(new Set());
    await deduper.claim('org', ['a', 'b']);
    await deduper.commit('org', ['a', 'b']);
    expect((await deduper.claim('org', ['a', 'b'])).size).toBe(0);
    expect(asked).toEqual([['a', 'b']]);
  });

  it('treats an id claimed by a request in flight as seen', async () => {
    const { deduper } = deduperOver(new Set());
    await deduper.claim('org', ['a']);
    expect((await deduper.claim('org', ['a'])).size).toBe(0);
  });

  it('accepts the retry of a batch whose store failed and was released', async () => {
    const { deduper } = deduperOver(new Set());
    await deduper.claim('org', ['a']);
    await deduper.release('org', ['a']);
    expect([...(await deduper.claim('org', ['a']))]).toEqual(['a']);
  });

  it('releases its claims when the store cannot be asked', async () => {
    let fail = true;
    const deduper = createStoreDeduper({
      clock: createFakeClock(),
      lookup: () => (fail ? Promise.reject(new Error('down')) : Promise.resolve(new Set<string>())),
    });
    await expect(deduper.claim('org', ['a'])).rejects.toThrow('down');
    fail = false;
    expect([...(await deduper.claim('org', ['a']))]).toEqual(['a']);
  });

  it('keeps the same id in two organisations apart', async () => {
    const { deduper } = deduperOver(new Set());
    await deduper.claim('org_a', ['x']);
    expect([...(await deduper.claim('org_b', ['x']))]).toEqual(['x']);
  });
});
