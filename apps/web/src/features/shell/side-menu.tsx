import { Menu, type MenuProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../auth/session-context';
import {
  findNavEntry,
  navGroups,
  overviewIcon,
  overviewItem,
  routeTestId,
  type NavGroupKey,
} from './navigation';

type MenuItem = Required<MenuProps>['items'][number];

/** The grouped side menu, showing only what the user's permissions allow. */
export function SideMenu({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { pathname } = useLocation();
  const currentGroup = findNavEntry(pathname)?.group?.key ?? null;

  const [openKeys, setOpenKeys] = useState<string[]>(currentGroup ? [currentGroup] : []);
  const [openedFor, setOpenedFor] = useState<NavGroupKey | null>(currentGroup);
  if (openedFor !== currentGroup) {
    // Navigating into another group (e.g. from a shortcut) opens that group.
    setOpenedFor(currentGroup);
    if (currentGroup !== null) setOpenKeys([currentGroup]);
  }

  const items = useMemo<MenuItem[]>(() => {
    const link = (path: string, label: string) => (
      <Link to={path} data-testid={`nav-${routeTestId(path)}`}>
        {label}
      </Link>
    );
    const groups = navGroups
      .map((group): MenuItem | null => {
        const visible = group.items.filter((item) => can(item.permission));
        if (visible.length === 0) return null;
        return {
          key: group.key,
          icon: group.icon,
          label: (
            <span
              className="lc-menu-group-label"
              data-testid={`nav-group-${group.key}`}
              title={t(`nav.groups.${group.key}`)}
            >
              {t(`nav.groups.${group.key}`)}
            </span>
          ),
          children: visible.map((item) => ({
            key: item.path,
            label: link(item.path, t(`nav.items.${item.key}`)),
          })),
        };
      })
      .filter((group): group is MenuItem => group !== null);
    return [
      { key: overviewItem.path, icon: overviewIcon, label: link(overviewItem.path, t('nav.items.overview')) },
      ...groups,
    ];
  }, [can, t]);

  const onOpenChange: MenuProps['onOpenChange'] = (keys) => {
    // One group open at a time keeps a 30-item menu readable.
    const opened = keys.find((key) => !openKeys.includes(key));
    setOpenKeys(opened === undefined ? keys : [opened]);
  };

  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={[pathname]}
      {...(collapsed ? {} : { openKeys, onOpenChange })}
      data-testid="nav-menu"
      className="lc-side-menu"
    />
  );
}
