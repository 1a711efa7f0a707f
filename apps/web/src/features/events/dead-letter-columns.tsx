import type { DeadLetterDto as DeadLetter } from '@livecloud/events/schemas';
import { Button, Flex, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { DeadLetterStatusTag } from '../../components/status-tags';
import { sourceLabel } from '../../i18n/labels';
import { DeadLetterActions } from './dead-letter-actions';
import { shanghaiDateTimeSeconds } from './dead-letters.api';

type Action = 'replay' | 'discard';

/** The dead-letter table's columns: when, from where, why, status, id, and View / Replay / Discard. */
export function useDeadLetterColumns({
  canManage,
  busyFor,
  onOpen,
  onReplay,
  onDiscard,
}: {
  canManage: boolean;
  /** Which action is on its way for a letter, if any. */
  busyFor: (letter: DeadLetter) => Action | null;
  onOpen: (id: string) => void;
  onReplay: (letter: DeadLetter) => void;
  onDiscard: (letter: DeadLetter) => void;
}): TableProps<DeadLetter>['columns'] {
  const { t } = useTranslation();
  return [
    {
      key: 'receivedAt',
      title: t('events.receivedAt'),
      width: 170,
      render: (_, letter) => (
        <span className="lc-mono" style={{ whiteSpace: 'nowrap' }}>
          {shanghaiDateTimeSeconds(letter.receivedAt)}
        </span>
      ),
    },
    {
      key: 'source',
      title: t('events.source'),
      width: 120,
      render: (_, letter) =>
        letter.source ? sourceLabel(t, letter.source) : <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      key: 'reason',
      title: t('events.reason'),
      render: (_, letter) => (
        <Typography.Text ellipsis={{ tooltip: letter.reason }} style={{ maxWidth: 320 }}>
          {letter.reason}
        </Typography.Text>
      ),
    },
    {
      key: 'status',
      title: t('events.statusLabel'),
      width: 100,
      render: (_, letter) => (
        <DeadLetterStatusTag status={letter.status} testId={`dead-letter-status-${letter.id}`} />
      ),
    },
    {
      key: 'id',
      title: t('events.id'),
      render: (_, letter) => (
        <Typography.Text className="lc-mono" type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {letter.id}
        </Typography.Text>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 190,
      fixed: 'right',
      render: (_, letter) => (
        <Flex gap={0} wrap={false}>
          <Button
            type="link"
            size="small"
            onClick={() => onOpen(letter.id)}
            data-testid={`dead-letter-open-${letter.id}`}
          >
            {t('events.view')}
          </Button>
          {canManage ? (
            <DeadLetterActions
              letter={letter}
              busy={busyFor(letter)}
              onReplay={onReplay}
              onDiscard={onDiscard}
              size="small"
              link
            />
          ) : null}
        </Flex>
      ),
    },
  ];
}
