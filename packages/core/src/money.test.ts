import { describe, expect, it } from 'vitest';
import { applyRate, fenToYuanString, formatFen, formatFenCompact, parseYuan } from './money.js';

describe('money in fen', () => {
  it('parses yuan text to fen without floating point error', () => {
    expect(parseYuan('0.07')).toBe(7);
    expect(parseYuan('19.9')).toBe(1990);
    expect(parseYuan('1,234.56')).toBe(123456);
    expect(parseYuan('-3.07')).toBe(-307);
    expect(parseYuan('1.005')).toBeUndefined();
    expect(parseYuan('abc')).toBeUndefined();
  });

  it('formats fen for people', () => {
    expect(fenToYuanString(123456)).toBe('1234.56');
    expect(fenToYuanString(-5)).toBe('-0.05');
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(-990)).toBe('-¥9.90');
    expect(formatFenCompact(1234567800)).toBe('1234.57万');
    expect(formatFenCompact(25_000_000_000)).toBe('2.50亿');
  });

  it('refuses a fractional fen', () => {
    expect(() => fenToYuanString(1.5)).toThrow(RangeError);
  });

  it('applies a rate with banker’s rounding and stays an integer', () => {
    expect(applyRate(1000, 0.2)).toBe(200);
    expect(applyRate(5, 0.5)).toBe(2);
    expect(applyRate(7, 0.5)).toBe(4);
    expect(Number.isInteger(applyRate(333, 0.137))).toBe(true);
  });
});
