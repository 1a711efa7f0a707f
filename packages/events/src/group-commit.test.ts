import { describe, expect, it } from 'vitest';
import { coalesceIdLookups, createGroupCommit } from './group-commit.js';

/** A sink whose calls finish only when the test says so. */
function gatedSink<T>() {
  const calls: T[][] = [];
  const gates: (() => void)[] = [];
  let failNext: Error | undefined;
  return {
    calls,
    failNext: (error: Error) => (failNext = error),
    open: () => gates.shift()?.(),
    sink: (items: T[]) => {
      calls.push(items);
      const error = failNext;
      failNext = undefined;
      return new Promise<void>((resolve, reject) => gates.push(() => (error ? reject(error) : resolve())));
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createGroupCommit', () => {
  it('starts the first batch at once and groups the batches that arrive while it runs', async () => {
    const gated = gatedSink<number>();
    const commit = createGroupCommit(gated.sink, { maxItems: 100 });
    const done: number[] = [];
    const a = commit.submit([1, 2]).then(() => done.push(1));
    await tick();
    expect(gated.calls).toEqual([[1, 2]]);
    const b = commit.submit([3]).then(() => done.push(2));
    const c = commit.submit([4, 5]).then(() => done.push(3));
    await tick();
    expect(gated.calls).toHaveLength(1);
    expect(done).toEqual([]);
    gated.open();
    await a;
    expect(done).toEqual([1]);
    await tick();
    expect(gated.calls[1]).toEqual([3, 4, 5]);
    expect(done).toEqual([1]);
    gated.open();
    await Promise.all([b, c]);
    expect(done).toEqual([1, 2, 3]);
  });

  it('never lets a group grow past maxItems, unless one batch alone is larger', async () => {
    const gated = gatedSink<number>();
    const commit = createGroupCommit(gated.sink, { maxItems: 3 });
    const all = [
      commit.submit([1]),
      commit.submit([2, 3]),
      commit.submit([4, 5]),
      commit.submit([6, 7, 8, 9]),
    ];
    for (let i = 0; i < 4; i++) {
      await tick();
      gated.open();
    }
    await Promise.all(all);
    expect(gated.calls).toEqual([[1], [2, 3], [4, 5], [6, 7, 8, 9]]);
  });

  it('fails every caller of a failed group, and carries on with the next group', async () => {
    const gated = gatedSink<string>();
    const commit = createGroupCommit(gated.sink, { maxItems: 100 });
    const first = commit.submit(['a']);
    await tick();
    gated.failNext(new Error('store down'));
    const second = commit.submit(['b']);
    const third = commit.submit(['c']);
    gated.open();
    await first;
    await tick();
    gated.open();
    await expect(second).rejects.toThrow('store down');
    await expect(third).rejects.toThrow('store down');
    const fourth = commit.submit(['d']);
    await tick();
    gated.open();
    await fourth;
    expect(gated.calls).toEqual([['a'], ['b', 'c'], ['d']]);
  });
});

describe('coalesceIdLookups', () => {
  it('asks once per organisation for the union and answers each caller about its own ids', async () => {
    const asked: [string, string[]][] = [];
    const stored = new Set(['e1', 'e3', 'x9']);
    let release: () => void = () => undefined;
    const lookup = coalesceIdLookups(
      async (orgId, ids) => {
        asked.push([orgId, [...ids]]);
        if (asked.length === 1) await new Promise<void>((r) => (release = r));
        return new Set(ids.filter((id) => stored.has(id) && orgId === 'org_a'));
      },
      { maxIds: 1000 },
    );
    const first = lookup('org_a', ['e0']);
    await tick();
    const second = lookup('org_a', ['e1', 'e2']);
    const third = lookup('org_a', ['e3', 'e1']);
    const other = lookup('org_b', ['x9']);
    release();
    expect(await first).toEqual(new Set());
    expect(await second).toEqual(new Set(['e1']));
    expect(await third).toEqual(new Set(['e3', 'e1']));
    expect(await other).toEqual(new Set());
    expect(asked).toEqual([
      ['org_a', ['e0']],
      ['org_b', ['x9']],
      ['org_a', ['e1', 'e2', 'e3']],
    ]);
  });
});
