import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { DeadLettersPage } from './dead-letters-page';
import { EventOverviewPanel } from './event-overview-panel';

type TabKey = 'overview' | 'dead-letters';

/** 事件概览: the overview and the dead letters as tabs; `?tab=dead-letters` opens the second. */
export function EventsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const active: TabKey = asked === 'dead-letters' ? 'dead-letters' : 'overview';
  return (
    <div data-testid="page-audience-events">
      <PageHeader title={t('events.overviewTitle')} subtitle={t('events.overviewSubtitle')} />
      <Tabs
        activeKey={active}
        onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'overview', label: t('events.tabs.overview'), children: <EventOverviewPanel /> },
          { key: 'dead-letters', label: t('events.tabs.deadLetters'), children: <DeadLettersPage /> },
        ]}
        data-testid="events-tabs"
      />
    </div>
  );
}
