import type { Permission } from '@livecloud/contracts/vocabulary';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session-context';

function HomeButton() {
  const { t } = useTranslation();
  return (
    <Link to="/">
      <Button type="primary">{t('common.backHome')}</Button>
    </Link>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="page-forbidden">
      <Result
        status="403"
        title={t('shell.forbiddenTitle')}
        subTitle={t('shell.forbiddenText')}
        extra={<HomeButton />}
      />
    </div>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="page-not-found">
      <Result
        status="404"
        title={t('shell.notFoundTitle')}
        subTitle={t('shell.notFoundText')}
        extra={<HomeButton />}
      />
    </div>
  );
}

/** Shows the page only when the session has `permission`; otherwise a 403 result. */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission | null;
  children: ReactNode;
}) {
  const { can } = useSession();
  return can(permission) ? children : <ForbiddenPage />;
}
