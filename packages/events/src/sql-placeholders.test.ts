import { describe, expect, it } from 'vitest';
import { placeholderNames } from './sql-placeholders.js';

describe('placeholderNames', () => {
  it('lists each placeholder once, in order of first use', () => {
    expect(
      placeholderNames(
        'SELECT {a:String}, { b : Array(UInt8) } FROM t WHERE x = {a:String} AND y IN {c:Array(String)}',
      ),
    ).toEqual(['a', 'b', 'c']);
  });

  it('does not count braces inside string literals, quoted names or comments', () => {
    const sql = [
      "SELECT '{x:String}', 'it''s {y:String}', 'a\\'{z:String}'",
      ', `{q:String}`, "{w:String}" -- {c1:String}',
      '/* {c2:String} */ , {real:UInt8}',
    ].join('\n');
    expect(placeholderNames(sql)).toEqual(['real']);
  });

  it('ignores map literals and braces that are not placeholders', () => {
    expect(placeholderNames("SELECT map('a', 1), {}, {'k': 1}, {1:2}")).toEqual([]);
  });

  it('reads to the end of an unterminated literal without looping', () => {
    expect(placeholderNames("SELECT 'open {a:String}")).toEqual([]);
    expect(placeholderNames('SELECT 1 /* open {a:String}')).toEqual([]);
  });
});
