import { describe, expect, it } from 'vitest';
import { createCachedNames } from './names-by-id.js';

function catalogue(titles: Record<string, string>) {
  const asked: string[][] = [];
  return {
    asked,
    lookup: async (orgId: string, ids: readonly string[]) => {
      asked.push([orgId, ...ids]);
      return new Map(
        ids.flatMap((id) => (titles[`${orgId}/${id}`] ? [[id, titles[`${orgId}/${id}`]!]] : [])),
      );
    },
  };
}

describe('cached names by id for the big screen (product titles, account names)', () => {
  it('names the products the catalogue knows and leaves the others out', async () => {
    const c = catalogue({ 'org_a/prd_1': '玻尿酸补水精华液' });
    const titles = createCachedNames({ lookup: c.lookup, now: () => 0 });
    expect(await titles.of('org_a', ['prd_1', 'prd_unknown'])).toEqual({ prd_1: '玻尿酸补水精华液' });
  });

  it('asks the catalogue once per product while cached, and again after it expires', async () => {
    const c = catalogue({ 'org_a/prd_1': '口红', 'org_a/prd_2': '面霜' });
    let now = 0;
    const titles = createCachedNames({ lookup: c.lookup, now: () => now, ttlMs: 1000 });
    await titles.of('org_a', ['prd_1', 'prd_x']);
    await titles.of('org_a', ['prd_1', 'prd_x']);
    await titles.of('org_a', ['prd_1', 'prd_2']);
    expect(c.asked).toEqual([
      ['org_a', 'prd_1', 'prd_x'],
      ['org_a', 'prd_2'],
    ]);
    now = 1000;
    await titles.of('org_a', ['prd_1']);
    expect(c.asked.at(-1)).toEqual(['org_a', 'prd_1']);
  });

  it('keeps organisations apart', async () => {
    const c = catalogue({ 'org_a/prd_1': '甲方商品' });
    const titles = createCachedNames({ lookup: c.lookup, now: () => 0 });
    expect(await titles.of('org_a', ['prd_1'])).toEqual({ prd_1: '甲方商品' });
    expect(await titles.of('org_b', ['prd_1'])).toEqual({});
  });

  it('shows no titles, rather than failing, when the catalogue is down, and asks again next time', async () => {
    let down = true;
    const titles = createCachedNames({
      lookup: async (_orgId, ids) => {
        if (down) throw new Error('records store unavailable');
        return new Map(ids.map((id) => [id, `商品 ${id}`]));
      },
      now: () => 0,
    });
    expect(await titles.of('org_a', ['prd_1'])).toEqual({});
    down = false;
    expect(await titles.of('org_a', ['prd_1'])).toEqual({ prd_1: '商品 prd_1' });
  });

  it('has no titles without a catalogue', async () => {
    expect(await createCachedNames({ now: () => 0 }).of('org_a', ['prd_1'])).toEqual({});
  });
});
