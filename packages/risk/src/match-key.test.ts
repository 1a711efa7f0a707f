import { describe, expect, it } from 'vitest';
import { keysOfText, soundOfPhrase, spanOf, writingOfPhrase } from './match-key.js';

describe('match keys', () => {
  it('spells a text by writing as ASCII, one barred token per character', () => {
    const { writing } = keysOfText('加v', false);
    expect(writing.key).toBe(`|${(0x52a0).toString(36)}|v|`);
    expect(writing.key).toMatch(/^[\x20-\x7e]*$/);
  });

  it('spells a text by sound as toneless pinyin', () => {
    expect(keysOfText('加威信', true).sound?.key).toBe('|jia|wei|xin|');
    expect(keysOfText('绿v1', true).sound?.key).toBe('|lv|v|1|');
  });

  it('has no sound key for a text without Chinese characters, or when none is wanted', () => {
    expect(keysOfText('vx123', true).sound).toBeUndefined();
    expect(keysOfText('加微信', false).sound).toBeUndefined();
  });

  it('reads a phrase in context but a text character by its most common reading', () => {
    expect(soundOfPhrase('银行')?.key).toBe('|yin|hang|');
    expect(keysOfText('银行', true).sound?.key).toBe('|yin|xing|');
  });

  it('sounds out only phrases of two or more Chinese characters', () => {
    expect(soundOfPhrase('最')).toBeUndefined();
    expect(soundOfPhrase('加v')).toBeUndefined();
    expect(soundOfPhrase('100%有效')).toEqual({ key: '|1|0|0|%|you|xiao|', characters: 6 });
  });

  it('maps a phrase match in a key back to the normalised text range', () => {
    const text = '我要加威信';
    const { sound } = keysOfText(text, true);
    const phrase = soundOfPhrase('加微信')!;
    const offset = sound!.key.indexOf(phrase.key);
    expect(spanOf(sound!, offset, phrase.characters)).toEqual({ start: 2, end: 5 });
    const { writing } = keysOfText(text, false);
    const written = writingOfPhrase('威信');
    expect(spanOf(writing, writing.key.indexOf(written.key), written.characters)).toEqual({
      start: 3,
      end: 5,
    });
  });

  it('never lets a token match across a syllable boundary', () => {
    // 西安 is xi|an, which must not be found as the one syllable xian.
    expect(keysOfText('西安', true).sound?.key.includes('|xian|')).toBe(false);
  });
});
