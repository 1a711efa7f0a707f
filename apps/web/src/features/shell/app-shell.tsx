import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { App, Avatar, Breadcrumb, Button, Divider, Flex, Layout, Spin, Tag, Tooltip, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { errorMessage } from '../../api/error-message';
import { BrandLogo } from '../../components/brand-logo';
import { LanguageSwitch } from '../../components/language-switch';
import { roleLabel } from '../../i18n/labels';
import { useCurrentSession, useSession } from '../auth/session-context';
import { findNavEntry } from './navigation';
import { OrgSwitcher } from './org-switcher';
import { SideMenu } from './side-menu';

const siderStorageKey = 'livecloud.sider.collapsed';

function readCollapsed(): boolean {
  try {
    return window.localStorage.getItem(siderStorageKey) === '1';
  } catch {
    return false;
  }
}

function PageFallback() {
  return (
    <div className="lc-page-loading">
      <Spin />
    </div>
  );
}

/** The signed-in frame: side menu, header with organisation, language and user, and the page. */
export function AppShell() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const session = useCurrentSession();
  const { logout } = useSession();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const [loggingOut, setLoggingOut] = useState(false);
  const entry = findNavEntry(pathname);

  const toggleCollapsed = (next: boolean) => {
    setCollapsed(next);
    try {
      window.localStorage.setItem(siderStorageKey, next ? '1' : '0');
    } catch {
      // Not remembering the menu state is harmless.
    }
  };

  useEffect(() => {
    const page = entry ? t(`nav.items.${entry.item.key}`) : null;
    document.title = page ? `${page} · LiveCloud 直播云` : 'LiveCloud 直播云';
  }, [entry, t, i18n.language]);

  const onLogout = async () => {
    setLoggingOut(true);
    try {
      await logout();
    } catch (cause) {
      void message.error(errorMessage(t, cause));
      setLoggingOut(false);
    }
  };

  const breadcrumb = entry
    ? [
        ...(entry.group ? [{ title: t(`nav.groups.${entry.group.key}`) }] : []),
        { title: t(`nav.items.${entry.item.key}`) },
      ]
    : [];

  return (
    <Layout className="lc-shell" hasSider>
      <Layout.Sider
        className="lc-sider"
        width={224}
        collapsedWidth={64}
        collapsible
        collapsed={collapsed}
        onCollapse={toggleCollapsed}
        breakpoint="lg"
        trigger={null}
        data-testid="sider"
      >
        <div className="lc-sider-brand">
          <BrandLogo tone="light" compact={collapsed} />
        </div>
        <div className="lc-sider-menu">
          <SideMenu collapsed={collapsed} />
        </div>
      </Layout.Sider>
      <Layout className="lc-main">
        <Layout.Header className="lc-header">
          <Flex align="center" gap={12} className="lc-header-left">
            <Tooltip title={collapsed ? t('shell.expand') : t('shell.collapse')}>
              <Button
                type="text"
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={() => toggleCollapsed(!collapsed)}
                aria-label={collapsed ? t('shell.expand') : t('shell.collapse')}
                data-testid="sider-toggle"
              />
            </Tooltip>
            <Breadcrumb items={breadcrumb} data-testid="breadcrumb" />
          </Flex>
          <Flex align="center" gap={4} className="lc-header-right">
            <OrgSwitcher />
            <Divider orientation="vertical" />
            <LanguageSwitch tone="text" />
            <Divider orientation="vertical" />
            <Flex align="center" gap={8} className="lc-header-user" data-testid="header-user">
              <Avatar size={28} className="lc-avatar">
                {session.user.name.slice(0, 1).toUpperCase()}
              </Avatar>
              <Flex vertical className="lc-header-user-text">
                <Typography.Text strong data-testid="user-name" className="lc-header-user-name">
                  {session.user.name}
                </Typography.Text>
              </Flex>
              <Tag color="blue" variant="filled" data-testid="user-role" style={{ marginInlineEnd: 0 }}>
                {roleLabel(t, session.role)}
              </Tag>
            </Flex>
            <Tooltip title={t('shell.logout')}>
              <Button
                type="text"
                icon={<LogoutOutlined />}
                loading={loggingOut}
                onClick={() => void onLogout()}
                data-testid="logout"
                aria-label={t('shell.logout')}
              />
            </Tooltip>
          </Flex>
        </Layout.Header>
        <Layout.Content className="lc-content">
          <div key={session.org.id} className="lc-content-inner">
            <Suspense fallback={<PageFallback />}>
              <Outlet />
            </Suspense>
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
