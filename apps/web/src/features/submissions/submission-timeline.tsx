import type { SubmissionEventDto as SubmissionEvent } from '@livecloud/commerce/schemas';
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { SubmissionStatusTag } from '../../components/status-tags';
import { actorLabel } from '../merchants/use-staff-names';

const failing = new Set(['rejected', 'qc_failed', 'withdrawn']);

/** Every status change of a submission: when, by whom, why. */
export function SubmissionTimeline({
  history,
  names,
}: {
  history: SubmissionEvent[];
  names: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="submission-history"
      items={[...history].reverse().map((event) => ({
        key: event.id,
        color: failing.has(event.to) ? 'red' : event.to === 'warehoused' ? 'green' : 'blue',
        content: (
          <div>
            <SubmissionStatusTag status={event.to} />
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {formatDateTime(event.at)} · {actorLabel(t, event.actor, names)}
            </Typography.Text>
            {event.reason ? <div style={{ marginTop: 4 }}>{event.reason}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
