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

describe('store-backed deduper as the sole writer', () => {
  function soleWriterOver(stored: Set<string>, options: { failLoads?: number } = {}) {
    const asked: string[][] = [];
    let loads = 0;
    let failLoads = options.failLoads ?? 0;
    const deduper = createStoreDeduper({
      clock: createFakeClock(),
      lookup: (_orgId, ids) => {
        asked.push([...ids]);
        return Promise.resolve(new Set(ids.filter((id) => stored.has(id))));
      },
      soleWriter: {
        loadIds: (_orgId, add) => {
          loads += 1;
          if (failLoads > 0) {
            failLoads -= 1;
            return Promise.reject(new Error('store down'));
          }
          add([...stored]);
          return Promise.resolve();
        },
      },
    });
    return { deduper, asked, loads: () => loads };
  }

  // The load runs beside the claim that started it; a turn of the event loop lets it finish.
  const loadsDone = () => new Promise((resolve) => setImmediate(resolve));

  it('takes fresh ids without asking the store, and still finds the stored ones', async () => {
    const stored = new Set(Array.from({ length: 1_000 }, (_, i) => `old_${i}`));
    const { deduper, asked } = soleWriterOver(stored);
    await deduper.claim('org', ['first']);
    await loadsDone();
    asked.length = 0;
    const fresh = Array.from({ length: 1_000 }, (_, i) => `new_${i}`);
    const claimed = await deduper.claim('org', [...fresh, 'old_1', 'old_999']);
    expect([...claimed].sort()).toEqual([...fresh].sort());
    const askedIds = asked.flat();
    expect(askedIds).toEqual(expect.arrayContaining(['old_1', 'old_999']));
    // Only the filter's false positives among the fresh ids reach the store.
    expect(askedIds.length).toBeLessThan(2 + 30);
  });

  it('loads an organisation once, and keeps organisations apart', async () => {
    const { deduper, loads } = soleWriterOver(new Set(['x']));
    await deduper.claim('org_a', ['a1']);
    await deduper.claim('org_a', ['a2']);
    await deduper.claim('org_b', ['b1']);
    expect(loads()).toBe(2);
  });

  it('remembers committed ids after the in-memory window has forgotten them', async () => {
    const asked: string[][] = [];
    const stored = new Set<string>();
    const deduper = createStoreDeduper({
      clock: createFakeClock(),
      windowSize: 1,
      lookup: (_orgId, ids) => {
        asked.push([...ids]);
        return Promise.resolve(new Set(ids.filter((id) => stored.has(id))));
      },
      soleWriter: { loadIds: () => Promise.resolve() },
    });
    await deduper.claim('org', ['a']);
    stored.add('a');
    await deduper.commit('org', ['a']);
    await deduper.claim('org', ['b']);
    await deduper.commit('org', ['b']);
    expect((await deduper.claim('org', ['a'])).size).toBe(0);
    expect(asked.flat()).toContain('a');
  });

  it('asks the store about the retry of a batch whose insert failed', async () => {
    const { deduper, asked } = soleWriterOver(new Set());
    await deduper.claim('org', ['first']);
    await loadsDone();
    asked.length = 0;
    await deduper.claim('org', ['a']);
    await deduper.release('org', ['a']);
    expect([...(await deduper.claim('org', ['a']))]).toEqual(['a']);
    expect(asked).toEqual([['a']]);
  });

  it('asks the store while the ids cannot be loaded, and loads again on the next claim', async () => {
    const { deduper, loads } = soleWriterOver(new Set(['old']), { failLoads: 1 });
    expect([...(await deduper.claim('org', ['old', 'new']))]).toEqual(['new']);
    await loadsDone();
    expect([...(await deduper.claim('org', ['old2', 'new2']))]).toEqual(['old2', 'new2']);
    expect(loads()).toBe(2);
  });

  it('does not hold claims while the ids load: the store answers until they are in', async () => {
    const asked: string[][] = [];
    let finish: () => void = () => undefined;
    const deduper = createStoreDeduper({
      clock: createFakeClock(),
      lookup: (_orgId, ids) => {
        asked.push([...ids]);
        return Promise.resolve(new Set(ids.filter((id) => id.startsWith('old'))));
      },
      soleWriter: {
        loadIds: (_orgId, add) =>
          new Promise<void>((resolve) => {
            finish = () => {
              add(['old_1', 'old_9']);
              resolve();
            };
          }),
      },
    });
    expect([...(await deduper.claim('org', ['old_1', 'new_1']))]).toEqual(['new_1']);
    expect([...(await deduper.claim('org', ['new_2']))]).toEqual(['new_2']);
    expect(asked).toEqual([['old_1', 'new_1'], ['new_2']]);
    finish();
    await loadsDone();
    // Loaded: a fresh id is taken without asking, a stored one is still found.
    expect([...(await deduper.claim('org', ['old_9', 'new_3']))]).toEqual(['new_3']);
    expect(asked).toEqual([['old_1', 'new_1'], ['new_2'], ['old_9']]);
  });
});
