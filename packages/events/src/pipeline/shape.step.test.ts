import { describe, expect, it } from 'vitest';
import { boundedJson, checkItemShape, maxItemChars, maxItemDepth, nestsDeeperThan } from './shape.step.js';

function nested(levels: number, leaf: unknown = 1): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < levels; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

describe('item shape step', () => {
  it('measures depth without recursion, even 100,000 levels deep', () => {
    expect(nestsDeeperThan(nested(100_000), maxItemDepth)).toBe(true);
    expect(nestsDeeperThan(nested(maxItemDepth), maxItemDepth)).toBe(false);
    expect(nestsDeeperThan(nested(maxItemDepth + 1), maxItemDepth)).toBe(true);
    expect(nestsDeeperThan('flat', 1)).toBe(false);
  });

  it('keeps an ordinary event', () => {
    expect(
      checkItemShape({ id: 'e1', type: 'like', properties: { text: '好看', tags: ['a', { b: 1 }] } }),
    ).toEqual({
      kind: 'ok',
    });
  });

  it('refuses an item nested too deep as too_deep, keeping a bounded trace of it as text', () => {
    const shape = checkItemShape({ id: 'e1', properties: nested(5_000) });
    expect(shape.kind).toBe('rejected');
    if (shape.kind !== 'rejected') return;
    expect(shape.reason).toMatch(/^too_deep: /);
    expect(shape.issues[0]?.code).toBe('too_deep');
    expect(shape.text).toContain('"id":"e1"');
    expect(shape.text?.length).toBeLessThan(20_000);
    expect(() => JSON.parse(shape.text ?? '') as unknown).not.toThrow();
  });

  it('refuses an item over the size limit as too_large and keeps it whole', () => {
    const shape = checkItemShape({ id: 'e1', properties: { text: 'x'.repeat(maxItemChars) } });
    expect(shape.kind).toBe('rejected');
    if (shape.kind !== 'rejected') return;
    expect(shape.reason).toMatch(/^too_large: /);
    expect(shape.issues[0]?.code).toBe('too_large');
    expect(shape.text).toBeUndefined();
  });

  it('renders deep parts as an ellipsis and cuts long text', () => {
    expect(boundedJson({ a: { b: { c: 1 } } }, 2)).toBe('{"a":"…"}');
    expect(boundedJson('y'.repeat(50), 5, 10)).toBe(`"${'y'.repeat(9)}…`);
  });
});
