import { describe, expect, it } from 'vitest';
import { defaultAllowList, defaultLexicon } from './moderation-lexicon.js';
import { moderationCategories } from './moderation.types.js';
import { normaliseForModeration } from './text-normaliser.js';

const normal = (text: string) => normaliseForModeration(text).text;

describe('default lexicon', () => {
  it('covers every built-in category, with a sound list of Advertising Law absolute terms', () => {
    for (const category of moderationCategories) {
      expect(defaultLexicon.some((t) => t.category === category)).toBe(true);
    }
    expect(defaultLexicon.filter((t) => t.category === 'absolute_term').length).toBeGreaterThanOrEqual(40);
    expect(
      defaultLexicon.every((t) => (moderationCategories as readonly string[]).includes(t.category)),
    ).toBe(true);
  });

  it('writes every term and allowed phrase in its normalised form, once', () => {
    for (const phrase of [...defaultLexicon.map((t) => t.term), ...defaultAllowList]) {
      expect(normal(phrase)).toBe(phrase);
    }
    expect(new Set(defaultLexicon.map((t) => t.term)).size).toBe(defaultLexicon.length);
    expect(new Set(defaultAllowList).size).toBe(defaultAllowList.length);
  });

  it('allows only phrases that contain a banned term, since any other entry would do nothing', () => {
    for (const phrase of defaultAllowList) {
      expect(defaultLexicon.some((t) => phrase.includes(t.term))).toBe(true);
    }
  });
});
