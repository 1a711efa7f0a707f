import type {
  SelectableSessionDto as SelectableSession,
  SelectionSessionDto as SelectionSession,
} from '@livecloud/selection/schemas';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { shanghaiDateTime } from '../../lib/shanghai-time';
import { selectionQueries } from './selection.queries';

const closed = (status: string) => status === 'ended' || status === 'reviewed';

/**
 * Picks the session to score against, from selection's own session list (the last week and the
 * next two months), so a selection role that may not read the schedule can still choose one.
 */
export function SessionPicker({
  value,
  known,
  onChange,
}: {
  value: string | null;
  /** The chosen session as the scores answered it, so an id outside the listed window still reads well. */
  known: SelectionSession | null;
  onChange: (sessionId: string | null) => void;
}) {
  const { t } = useTranslation();
  const sessions = useQuery({
    ...selectionQueries.sessions(),
    select: (answer): SelectableSession[] => answer.items,
  });

  const options = useMemo(() => {
    const label = (s: { title: string; plannedStart: string; status: string }) =>
      `${shanghaiDateTime(s.plannedStart).slice(5)} ${s.title}${closed(s.status) ? ` (${t('selection.session.ended')})` : ''}`;
    const listed = (sessions.data ?? [])
      .slice()
      .sort(
        (a, b) =>
          Number(closed(a.status)) - Number(closed(b.status)) || a.plannedStart.localeCompare(b.plannedStart),
      )
      .map((s) => ({ value: s.id, label: `${label(s)} · ${s.roomName}` }));
    if (known && !listed.some((o) => o.value === known.id))
      listed.unshift({ value: known.id, label: label(known) });
    return listed;
  }, [sessions.data, known, t]);

  return (
    <Select
      showSearch
      allowClear
      style={{ width: 380 }}
      placeholder={t('selection.session.pick')}
      value={value ?? undefined}
      loading={sessions.isFetching}
      optionFilterProp="label"
      onChange={(id: string | undefined) => onChange(id ?? null)}
      options={options}
      data-testid="selection-session"
    />
  );
}
