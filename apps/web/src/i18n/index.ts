import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enUS } from './en-us';
import { zhCN } from './zh-cn';

export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];

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

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(languageStorageKey);
    return isLanguage(stored) ? stored : defaultLanguage;
  } catch {
    return defaultLanguage;
  }
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

const initialLanguage = readStoredLanguage();
document.documentElement.lang = initialLanguage;

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: initialLanguage,
  fallbackLng: defaultLanguage,
  supportedLngs: [...languages],
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export { i18next };
