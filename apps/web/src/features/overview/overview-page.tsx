import {
  ApiOutlined,
  AppstoreOutlined,
  BankOutlined,
  RightOutlined,
  SafetyOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Card, Empty, Flex, Progress, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { roleLabel } from '../../i18n/labels';
import { useCurrentSession, useSession } from '../auth/session-context';
import { isPendingItem } from '../unbuilt-module/module-unavailable-page';
import { navGroups, type NavItemKey } from '../shell/navigation';
import { AnchorWorkbench, OperatorWorkbench } from './workbench';

const shortcutIcons: Partial<Record<NavItemKey, ReactNode>> = {
  org: <BankOutlined />,
  staff: <TeamOutlined />,
  roles: <SafetyOutlined />,
  apiKeys: <ApiOutlined />,
};

function greetingKey(hour: number) {
  if (hour < 12) return 'overview.greetingMorning' as const;
  if (hour < 18) return 'overview.greetingAfternoon' as const;
  return 'overview.greetingEvening' as const;
}

const maxShortcuts = 8;

function Shortcuts() {
  const { t } = useTranslation();
  const { can } = useSession();
  const all = navGroups.flatMap((group) => group.items);
  const allowed = all.filter((item) => can(item.permission));
  // Built modules first; modules still being built are listed as such, so every role sees where to go.
  const items = [
    ...allowed.filter((item) => !isPendingItem(item.key)),
    ...allowed.filter((item) => isPendingItem(item.key)),
  ].slice(0, maxShortcuts);
  const ready = all.filter((item) => !isPendingItem(item.key)).length + 1; // + the overview itself
  const pending = all.length + 1 - ready;

  return (
    <Card className="lc-card" title={t('overview.quickTitle')} data-testid="shortcuts">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.quickEmpty')} />
      ) : (
        <div className="lc-shortcuts">
          {items.map((item) => (
            <Link key={item.key} to={item.path} className="lc-shortcut" data-testid={`shortcut-${item.key}`}>
              <span className="lc-shortcut-icon">{shortcutIcons[item.key] ?? <AppstoreOutlined />}</span>
              <span className="lc-shortcut-label">
                <span className="lc-shortcut-name" title={t(`nav.items.${item.key}`)}>
                  {t(`nav.items.${item.key}`)}
                </span>
                {isPendingItem(item.key) ? (
                  <span className="lc-shortcut-note">{t('overview.building')}</span>
                ) : null}
              </span>
              <RightOutlined className="lc-shortcut-arrow" />
            </Link>
          ))}
        </div>
      )}
      <div className="lc-subsection-title">{t('overview.modulesTitle')}</div>
      <Progress percent={Math.round((ready / (ready + pending)) * 100)} showInfo={false} size="small" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('overview.modulesLead', { ready, pending })}
      </Typography.Text>
    </Card>
  );
}

/** The home page, per role: the operator's sessions and to-dos, the anchor's own schedule. */
export function OverviewPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const { can } = useSession();

  return (
    <div data-testid="page-overview">
      <Card className="lc-card lc-welcome" data-testid="welcome">
        <Flex justify="space-between" align="center" wrap gap={16}>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t(greetingKey(new Date().getHours()), { name: session.user.name })}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
              {t('overview.welcomeLead', { org: session.org.name, role: roleLabel(t, session.role) })}
            </Typography.Paragraph>
          </div>
          <Flex gap={8} align="center">
            <Tag icon={<BankOutlined />} color="processing" data-testid="welcome-org">
              {session.org.name}
            </Tag>
            <Tag color="blue">{roleLabel(t, session.role)}</Tag>
          </Flex>
        </Flex>
      </Card>
      {session.role === 'anchor' ? <AnchorWorkbench /> : can('live:read') ? <OperatorWorkbench /> : null}
      <div style={{ marginTop: 16 }}>
        <Shortcuts />
      </div>
    </div>
  );
}
