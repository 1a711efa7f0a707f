import { describe, expect, it } from 'vitest';
import { initialLanguage } from './initial-language';

describe('the first language of a visit', () => {
  it('follows the browser when the user has not chosen', () => {
    expect(initialLanguage(null, ['en-GB', 'zh-CN'])).toBe('en-US');
    expect(initialLanguage(null, ['en-US'])).toBe('en-US');
    expect(initialLanguage(null, ['de'])).toBe('en-US');
    expect(initialLanguage(null, ['zh-TW'])).toBe('zh-CN');
    expect(initialLanguage(null, ['zh'])).toBe('zh-CN');
  });

  it('keeps the choice the user made, and falls back to zh-CN without any hint', () => {
    expect(initialLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(initialLanguage('en-US', ['zh-CN'])).toBe('en-US');
    expect(initialLanguage('fr-FR', ['en-US'])).toBe('en-US');
    expect(initialLanguage(null, [])).toBe('zh-CN');
  });
});
