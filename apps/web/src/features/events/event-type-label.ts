import { useTranslation } from 'react-i18next';
import { zhCN } from '../../i18n/zh-cn';
import { eventTypeKey } from './event-overview.api';

type TypeKey = keyof typeof zhCN.events.types;

/** An event type in words; a type the app has no label for yet shows as it is. */
export function useEventTypeLabel(): (type: string) => string {
  const { t } = useTranslation();
  return (type) => {
    const key = eventTypeKey(type);
    return Object.hasOwn(zhCN.events.types, key) ? t(`events.types.${key as TypeKey}`) : type;
  };
}
