import { describe, expect, it } from 'vitest';
import { normaliseForModeration, toOriginalRange } from './text-normaliser.js';

const normal = (text: string) => normaliseForModeration(text).text;

describe('normaliseForModeration', () => {
  it('turns full-width letters, digits and punctuation into lower-case half-width', () => {
    expect(normal('ＶＸ１２３')).toBe('vx123');
    expect(normal('ABC def')).toBe('abcdef');
    expect(normal('１００％')).toBe('100%');
  });

  it('turns traditional Chinese into simplified and leaves simplified text alone', () => {
    expect(normal('全網最低價')).toBe('全网最低价');
    expect(normal('這個顏色衞生')).toBe('这个颜色卫生');
    expect(normal('著名的皇后头发')).toBe('著名的皇后头发');
  });

  it('removes symbols, whitespace, emoji and zero-width characters inserted between characters', () => {
    expect(normal('最*好')).toBe('最好');
    expect(normal('最 好')).toBe('最好');
    expect(normal('最\u3000好')).toBe('最好');
    expect(normal('最\u200b好')).toBe('最好');
    expect(normal('最😀好')).toBe('最好');
    expect(normal('最👍🏽好')).toBe('最好');
    expect(normal('加，微。信！')).toBe('加微信');
  });

  it('keeps letters of other scripts and circled or compatibility forms as their plain letters', () => {
    expect(normal('Ⓥⓧ')).toBe('vx');
    expect(normal('①号')).toBe('1号');
    expect(normal('こんにちは')).toBe('こんにちは');
  });

  it('maps every unit of the result back to the character it came from', () => {
    const text = '😀Ａ最*好';
    const n = normaliseForModeration(text);
    expect(n.text).toBe('a最好');
    expect(n.starts).toEqual([2, 3, 5]);
    expect(n.ends).toEqual([3, 4, 6]);
    expect(toOriginalRange(n, 1, 3)).toEqual({ start: 3, end: 6 });
    expect(text.slice(3, 6)).toBe('最*好');
  });

  it('maps every unit of an expansion to the one original character', () => {
    const n = normaliseForModeration('5㎏');
    expect(n.text).toBe('5kg');
    expect(n.starts).toEqual([0, 1, 1]);
    expect(n.ends).toEqual([1, 2, 2]);
  });

  it('returns an empty result for an empty or all-punctuation text', () => {
    expect(normaliseForModeration('')).toEqual({ text: '', starts: [], ends: [] });
    expect(normaliseForModeration('！！ 🎉🎉 ...')).toEqual({ text: '', starts: [], ends: [] });
  });
});
