import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { SystemStatusCard } from '../overview/system-status-card';

/** 设置 → 系统状态: the stores and engines and their latencies, for the administrator. */
export function SystemPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="page-settings-system">
      <PageHeader title={t('nav.items.system')} subtitle={t('overview.home.systemLead')} />
      <SystemStatusCard />
    </div>
  );
}
