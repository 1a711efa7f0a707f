import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme, type ThemeConfig } from 'antd';
import enUSLocale from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import { createQueryClient } from './api/query-client';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { LoginPage } from './features/auth/login-page';
import { RequireSession } from './features/auth/require-session';
import { SessionProvider } from './features/auth/session-context';
import { bigScreenRoute } from './features/big-screen/big-screen-paths';
import { BigScreenRoute } from './features/big-screen/big-screen-route';
import { isPendingItem, ModuleUnavailablePage } from './features/unbuilt-module/module-unavailable-page';
import { HomeRoute } from './features/portal/home-route';
import { MerchantApplyPage } from './features/portal/merchant-apply-page';
import { AppShell } from './features/shell/app-shell';
import { navGroups, type NavItemKey } from './features/shell/navigation';
import { NotFoundPage, RequirePermission } from './features/shell/status-pages';

const OverviewPage = lazy(() =>
  import('./features/overview/overview-page').then((m) => ({ default: m.OverviewPage })),
);

/** The modules that are built; every other menu item shows its "not available yet" state. */
const builtPages: Partial<Record<NavItemKey, LazyExoticComponent<ComponentType>>> = {
  org: lazy(() => import('./features/settings/org-page').then((m) => ({ default: m.OrgPage }))),
  staff: lazy(() => import('./features/settings/staff-page').then((m) => ({ default: m.StaffPage }))),
  roles: lazy(() => import('./features/settings/roles-page').then((m) => ({ default: m.RolesPage }))),
  apiKeys: lazy(() => import('./features/settings/api-keys-page').then((m) => ({ default: m.ApiKeysPage }))),
  audit: lazy(() => import('./features/settings/audit-page').then((m) => ({ default: m.AuditPage }))),
  system: lazy(() => import('./features/settings/system-page').then((m) => ({ default: m.SystemPage }))),
  merchants: lazy(() =>
    import('./features/merchants/merchants-page').then((m) => ({ default: m.MerchantsPage })),
  ),
  approvals: lazy(() =>
    import('./features/approvals/approvals-page').then((m) => ({ default: m.ApprovalsPage })),
  ),
  submissions: lazy(() =>
    import('./features/submissions/submissions-page').then((m) => ({ default: m.SubmissionsPage })),
  ),
  selection: lazy(() =>
    import('./features/selection/selection-page').then((m) => ({ default: m.SelectionPage })),
  ),
  qc: lazy(() => import('./features/qc/qc-page').then((m) => ({ default: m.QcPage }))),
  warehouse: lazy(() =>
    import('./features/warehouse/warehouse-page').then((m) => ({ default: m.WarehousePage })),
  ),
  merchantPortal: lazy(() =>
    import('./features/portal/portal-page').then((m) => ({ default: m.PortalPage })),
  ),
  schedule: lazy(() =>
    import('./features/schedule/schedule-page').then((m) => ({ default: m.SchedulePage })),
  ),
  lineups: lazy(() => import('./features/lineups/lineups-page').then((m) => ({ default: m.LineupsPage }))),
  forecast: lazy(() =>
    import('./features/forecast/forecast-page').then((m) => ({ default: m.ForecastPage })),
  ),
  accounts: lazy(() =>
    import('./features/accounts/accounts-page').then((m) => ({ default: m.AccountsPage })),
  ),
  sop: lazy(() => import('./features/sop/sop-page').then((m) => ({ default: m.SopPage }))),
  events: lazy(() => import('./features/events/events-page').then((m) => ({ default: m.EventsPage }))),
  moderation: lazy(() =>
    import('./features/moderation/moderation-page').then((m) => ({ default: m.ModerationPage })),
  ),
  bigScreen: lazy(() =>
    import('./features/big-screen/session-picker-page').then((m) => ({ default: m.SessionPickerPage })),
  ),
};

const fontFamily =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif";

const themeConfig: ThemeConfig = {
  algorithm: theme.defaultAlgorithm,
  token: { colorPrimary: '#1664ff', borderRadius: 6, fontFamily, colorBgLayout: '#f3f5f9' },
  components: {
    Layout: {
      siderBg: '#0f1a2e',
      headerBg: '#ffffff',
      bodyBg: '#f3f5f9',
      headerHeight: 56,
      headerPadding: '0 16px',
    },
    Menu: {
      darkItemBg: '#0f1a2e',
      darkSubMenuItemBg: '#0a1324',
      darkItemSelectedBg: '#1664ff',
      itemHeight: 40,
      itemMarginInline: 8,
      itemBorderRadius: 6,
    },
    Card: { headerFontSize: 15 },
    Table: { headerBg: '#fafbfc' },
  },
};

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/merchant-apply" element={<MerchantApplyPage />} />
      <Route path={bigScreenRoute} element={<BigScreenRoute />} />
      <Route
        element={
          <RequireSession>
            <AppShell />
          </RequireSession>
        }
      >
        <Route
          index
          element={
            <HomeRoute>
              <OverviewPage />
            </HomeRoute>
          }
        />
        {navGroups.flatMap((group) =>
          group.items.map((item) => {
            const Page = builtPages[item.key];
            const content = Page ? (
              <Page />
            ) : isPendingItem(item.key) ? (
              <ModuleUnavailablePage item={item} itemKey={item.key} group={group.key} />
            ) : (
              <NotFoundPage />
            );
            return (
              <Route
                key={item.path}
                path={item.path}
                element={<RequirePermission permission={item.permission}>{content}</RequirePermission>}
              />
            );
          }),
        )}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

const queryClient = createQueryClient();

/** Providers (server data, antd theme and locale, session, router) around the routes. */
export function App() {
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={i18n.language === 'en-US' ? enUSLocale : zhCNLocale} theme={themeConfig}>
        <AntApp>
          <BrowserRouter>
            <SessionProvider>
              <AppRoutes />
            </SessionProvider>
          </BrowserRouter>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
