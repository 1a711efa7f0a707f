import type { Permission } from '@livecloud/contracts/vocabulary';
import {
  ApartmentOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FundOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  ShoppingOutlined,
  TeamOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Messages } from '../../i18n/zh-cn';

export type NavItemKey = keyof Messages['nav']['items'];
export type NavGroupKey = keyof Messages['nav']['groups'];
/** Modules that are still being built have a one-line purpose to show in their empty state. */
export type PendingItemKey = keyof Messages['modules']['purpose'];

export interface NavItem {
  key: NavItemKey;
  path: string;
  /** The permission that shows the item; admins see everything. */
  permission: Permission | null;
}

export interface NavGroup {
  key: NavGroupKey;
  icon: ReactNode;
  items: NavItem[];
}

function item(key: NavItemKey, path: string, permission: Permission | null): NavItem {
  return { key, path, permission };
}

export const overviewItem: NavItem = item('overview', '/', null);
export const overviewIcon = <DashboardOutlined />;

/** The side menu, grouped as the product spec groups the flows. */
export const navGroups: NavGroup[] = [
  {
    key: 'before',
    icon: <ShopOutlined />,
    items: [
      item('merchants', '/before/merchants', 'commerce:read'),
      item('approvals', '/before/approvals', 'commerce:read'),
      item('submissions', '/before/submissions', 'commerce:read'),
      item('selection', '/before/selection', 'commerce:read'),
      item('qc', '/before/qc', 'commerce:read'),
      item('warehouse', '/before/warehouse', 'commerce:read'),
      item('schedule', '/before/schedule', 'live:read'),
      item('lineups', '/before/lineups', 'live:read'),
      item('forecast', '/before/forecast', 'live:read'),
    ],
  },
  {
    key: 'during',
    icon: <VideoCameraOutlined />,
    items: [
      item('bigScreen', '/during/big-screen', 'live:read'),
      item('ads', '/during/ads', 'ads:manage'),
      item('refeature', '/during/refeature', 'live:read'),
    ],
  },
  {
    key: 'after',
    icon: <ReconciliationOutlined />,
    items: [
      item('profit', '/after/profit', 'live:read'),
      item('productReview', '/after/products', 'live:read'),
      item('sessionReview', '/after/sessions', 'live:read'),
    ],
  },
  {
    key: 'audience',
    icon: <TeamOutlined />,
    items: [
      item('events', '/audience/events', 'events:read'),
      item('profiles', '/audience/profiles', 'audience:read'),
      item('segments', '/audience/segments', 'audience:read'),
      item('journeys', '/audience/journeys', 'audience:read'),
    ],
  },
  {
    key: 'analysis',
    icon: <FundOutlined />,
    items: [
      item('funnels', '/analysis/funnels', 'analytics:read'),
      item('paths', '/analysis/paths', 'analytics:read'),
      item('retention', '/analysis/retention', 'analytics:read'),
      item('attribution', '/analysis/attribution', 'analytics:read'),
    ],
  },
  {
    key: 'recommend',
    icon: <ExperimentOutlined />,
    items: [
      item('recommendation', '/recommend/recommendation', 'recommend:read'),
      item('experiments', '/recommend/experiments', 'experiments:manage'),
    ],
  },
  {
    key: 'risk',
    icon: <SafetyCertificateOutlined />,
    items: [item('alerts', '/risk/alerts', 'risk:read'), item('moderation', '/risk/moderation', 'risk:read')],
  },
  {
    key: 'matrix',
    icon: <ApartmentOutlined />,
    items: [
      item('accounts', '/matrix/accounts', 'matrix:read'),
      item('productPool', '/matrix/product-pool', 'matrix:read'),
      item('sop', '/matrix/sop', 'matrix:read'),
    ],
  },
  {
    key: 'portal',
    icon: <ShoppingOutlined />,
    items: [item('merchantPortal', '/portal', 'merchant:portal')],
  },
  {
    key: 'settings',
    icon: <SettingOutlined />,
    items: [
      item('org', '/settings/org', 'org:manage'),
      item('staff', '/settings/staff', 'staff:read'),
      item('roles', '/settings/roles', 'staff:read'),
      item('apiKeys', '/settings/api-keys', 'keys:manage'),
      item('audit', '/settings/audit', 'audit:read'),
      item('system', '/settings/system', 'org:manage'),
    ],
  },
];

/** A stable test id derived from the route: `/settings/staff` → `settings-staff`, `/` → `overview`. */
export function routeTestId(path: string): string {
  return path === '/' ? 'overview' : path.slice(1).replaceAll('/', '-');
}

/** The group and item a pathname belongs to, for the open sub-menu and the breadcrumb. */
export function findNavEntry(pathname: string): { group: NavGroup | null; item: NavItem } | null {
  if (pathname === '/') return { group: null, item: overviewItem };
  for (const group of navGroups) {
    const match = group.items.find((candidate) => candidate.path === pathname);
    if (match) return { group, item: match };
  }
  return null;
}
