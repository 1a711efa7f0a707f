import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enUS } from './en-us';
import { zhCN } from './zh-cn';

import { initialLanguage, isLanguage, languages, type Language } from './initial-language';

export { languages, type Language };

/** localStorage key that remembers the chosen language across visits. */
export const languageStorageKey = 'livecloud.lang';
const defaultLanguage: Language = 'zh-CN';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
    // Permission codes such as `org:manage` are keys, so ':' must not split namespaces.
    nsSeparator: false;
  }
}

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(languageStorageKey);
  } catch {
    return null;
  }
}

function browserLanguages(): readonly string[] {
  const list = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  return list.filter((tag): tag is string => typeof tag === 'string');
}

/** The language i18next currently renders, narrowed to the ones the app ships. */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : defaultLanguage;
}

/** Switches the UI language and remembers the choice. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(languageStorageKey, language);
  } catch {
    // Private mode or a full quota: the switch still applies to this visit.
  }
  await i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

const firstLanguage = initialLanguage(readStoredLanguage(), browserLanguages());
document.documentElement.lang = firstLanguage;

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: firstLanguage,
  fallbackLng: defaultLanguage,
  supportedLngs: [...languages],
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export { i18next };
