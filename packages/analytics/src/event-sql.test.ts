import { describe, expect, it } from 'vitest';
import { toInt, toIntOrNull, windowParams } from './event-sql.js';

describe('integers from the event store', () => {
  it('parses the strings the store returns for 64-bit integers', () => {
    expect(toInt('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(toInt(42)).toBe(42);
  });

  it('reads a missing value as 0, or as null when asked to keep it', () => {
    expect(toInt(null)).toBe(0);
    expect(toInt(undefined)).toBe(0);
    expect(toIntOrNull(null)).toBeNull();
    expect(toIntOrNull('7')).toBe(7);
  });

  it('refuses a value that would lose precision', () => {
    expect(() => toInt('9007199254740993')).toThrow(/not a safe integer/);
    expect(() => toInt('1.5')).toThrow(/not a safe integer/);
  });
});

describe('window parameters', () => {
  it('closes open ends with the epoch and a far future', () => {
    expect(windowParams({})).toEqual({ since: 0, until: Date.UTC(2200, 0, 1) });
    expect(windowParams({ since: 5, until: 10 })).toEqual({ since: 5, until: 10 });
  });

  it('rejects an end that is not epoch milliseconds', () => {
    expect(() => windowParams({ since: -1 })).toThrow(
      expect.objectContaining({ code: 'invalid_history_window' }),
    );
    expect(() => windowParams({ until: 1.5 })).toThrow(/until must be epoch milliseconds/);
  });
});
