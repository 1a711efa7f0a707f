import type { SessionDto as LiveSession } from '@livecloud/schedule/schemas';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { sessionsApi } from '../schedule/schedule.api';
import { shanghaiDateTime } from '../../lib/shanghai-time';

const day = 86_400_000;

/** Sessions of the last 30 and next 60 days: planned soonest first, then live, then past newest first. */
export async function loadForecastSessions(signal: AbortSignal): Promise<LiveSession[]> {
  const now = Date.now();
  const range = { from: new Date(now - 30 * day).toISOString(), to: new Date(now + 60 * day).toISOString() };
  const items = (await sessionsApi.list(range, signal)).items;
  const start = (s: LiveSession) => Date.parse(s.plannedStart);
  return [
    ...items.filter((s) => s.status === 'planned').sort((a, b) => start(a) - start(b)),
    ...items.filter((s) => s.status === 'live'),
    ...items
      .filter((s) => s.status === 'ended' || s.status === 'reviewed')
      .sort((a, b) => start(b) - start(a)),
  ];
}

/** The next planned session that has not ended yet: what an operator most likely wants to forecast. */
export function nextPlanned(sessions: LiveSession[] | undefined): LiveSession | undefined {
  const now = Date.now();
  return sessions?.find((s) => s.status === 'planned' && Date.parse(s.plannedEnd) > now);
}

const sessionLabel = (s: LiveSession) =>
  `${shanghaiDateTime(s.plannedStart).slice(5)} ${s.title} · ${s.account.displayName}`;

/** Picks the session whose line-up to forecast, grouped by status. */
export function ForecastSessionSelect({
  sessions,
  loading,
  value,
  onChange,
}: {
  sessions: LiveSession[] | undefined;
  loading: boolean;
  value: string | null;
  onChange: (sessionId: string) => void;
}) {
  const { t } = useTranslation();
  const list = sessions ?? [];
  const groups = [
    { key: 'planned', items: list.filter((s) => s.status === 'planned') },
    { key: 'live', items: list.filter((s) => s.status === 'live') },
    { key: 'past', items: list.filter((s) => s.status === 'ended' || s.status === 'reviewed') },
  ] as const;
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: 380 }}
      placeholder={t('forecast.pickSession')}
      value={value ?? undefined}
      loading={loading}
      onChange={onChange}
      options={groups
        .filter((g) => g.items.length > 0)
        .map((g) => ({
          label: t(`forecast.sessionGroups.${g.key}`),
          title: t(`forecast.sessionGroups.${g.key}`),
          options: g.items.map((s) => ({ value: s.id, label: sessionLabel(s) })),
        }))}
      data-testid="forecast-session"
    />
  );
}
