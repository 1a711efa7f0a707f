import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { RequireSession } from '../auth/require-session';
import { RequirePermission } from '../shell/status-pages';

const BigScreenPage = lazy(() => import('./big-screen-page').then((m) => ({ default: m.BigScreenPage })));

/** The full-screen big screen as a route of its own: signed in, `live:read`, loaded on demand, no app shell. */
export function BigScreenRoute() {
  return (
    <RequireSession>
      <RequirePermission permission="live:read">
        <Suspense
          fallback={
            <div className="lc-fullscreen-center" style={{ background: '#040b1c' }}>
              <Spin size="large" />
            </div>
          }
        >
          <BigScreenPage />
        </Suspense>
      </RequirePermission>
    </RequireSession>
  );
}
