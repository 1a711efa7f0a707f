export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * The first language of a visit: the one the user chose before, otherwise the browser's
 * (any zh* → zh-CN, anything else → en-US), otherwise zh-CN.
 */
export function initialLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  const first = browserLanguages.find((tag) => tag.trim() !== '');
  if (first === undefined) return 'zh-CN';
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}
