import { useTranslation } from 'react-i18next';
import { zhCN } from '../../i18n/zh-cn';

type CategoryKey = keyof typeof zhCN.moderation.categories;

/** A lexicon category in words; a custom category shows under its own name. */
export function useCategoryLabel(): (category: string) => string {
  const { t } = useTranslation();
  return (category) =>
    Object.hasOwn(zhCN.moderation.categories, category)
      ? t(`moderation.categories.${category as CategoryKey}`)
      : category;
}

export const severityColors = { high: 'red', medium: 'orange', low: 'default' } as const;
