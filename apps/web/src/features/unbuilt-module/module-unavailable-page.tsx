import { HourglassOutlined } from '@ant-design/icons';
import { Card, Result, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { zhCN } from '../../i18n/zh-cn';
import {
  routeTestId,
  type NavGroupKey,
  type NavItem,
  type NavItemKey,
  type PendingItemKey,
} from '../shell/navigation';

/** Whether a menu item is a module still being built (it has a purpose line to show). */
export function isPendingItem(key: NavItemKey): key is PendingItemKey {
  return Object.hasOwn(zhCN.modules.purpose, key);
}

/**
 * The honest state of a module that is not built yet: its name, that it is not available,
 * and one line on what it will do. No sample numbers, no placeholder charts.
 */
export function ModuleUnavailablePage({
  item,
  itemKey,
  group,
}: {
  item: NavItem;
  itemKey: PendingItemKey;
  group: NavGroupKey;
}) {
  const { t } = useTranslation();
  const name = t(`nav.items.${itemKey}`);
  return (
    <div data-testid={`page-${routeTestId(item.path)}`}>
      <PageHeader
        title={
          <>
            {name}{' '}
            <Tag style={{ marginInlineStart: 8, verticalAlign: 'middle' }}>{t(`nav.groups.${group}`)}</Tag>
          </>
        }
      />
      <Card className="lc-card" data-testid="module-unavailable">
        <Result
          icon={<HourglassOutlined style={{ color: '#1677ff' }} />}
          title={t('modules.unavailableTitle', { name })}
          subTitle={
            <div className="lc-unavailable-text">
              <Typography.Paragraph style={{ marginBottom: 8 }}>
                {t('modules.unavailableLead', { purpose: t(`modules.purpose.${itemKey}`) })}
              </Typography.Paragraph>
              <Typography.Text type="secondary">{t('modules.unavailableNote')}</Typography.Text>
            </div>
          }
        />
      </Card>
    </div>
  );
}
