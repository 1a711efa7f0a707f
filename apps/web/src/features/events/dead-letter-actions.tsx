import type { DeadLetterDto as DeadLetter } from '@livecloud/events/schemas';
import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';

export interface DeadLetterActionsProps {
  letter: DeadLetter;
  busy: 'replay' | 'discard' | null;
  onReplay: (letter: DeadLetter) => void;
  onDiscard: (letter: DeadLetter) => void;
  size?: 'small' | 'middle';
  link?: boolean;
  /** Distinguishes the drawer's buttons from the table row's. */
  testIdPrefix?: string;
}

/** Replay and Discard, each behind a confirmation; only for dead letters still waiting (待处理). */
export function DeadLetterActions({
  letter,
  busy,
  onReplay,
  onDiscard,
  size,
  link,
  testIdPrefix = 'dead-letter',
}: DeadLetterActionsProps) {
  const { t } = useTranslation();
  if (letter.status !== 'new') return null;
  return (
    <Space size={link ? 0 : 8}>
      <Popconfirm
        title={t('events.replayConfirm')}
        description={t('events.replayConfirmDetail')}
        okText={t('events.replay')}
        okButtonProps={{ 'data-testid': 'dead-letter-replay-confirm' }}
        cancelText={t('common.cancel')}
        onConfirm={() => onReplay(letter)}
      >
        <Button
          type={link ? 'link' : 'primary'}
          size={size}
          loading={busy === 'replay'}
          disabled={busy === 'discard'}
          data-testid={`${testIdPrefix}-replay-${letter.id}`}
        >
          {t('events.replay')}
        </Button>
      </Popconfirm>
      <Popconfirm
        title={t('events.discardConfirm')}
        description={t('events.discardConfirmDetail')}
        okText={t('events.discard')}
        okButtonProps={{ danger: true, 'data-testid': 'dead-letter-discard-confirm' }}
        cancelText={t('common.cancel')}
        onConfirm={() => onDiscard(letter)}
      >
        <Button
          type={link ? 'link' : 'default'}
          size={size}
          danger
          loading={busy === 'discard'}
          disabled={busy === 'replay'}
          data-testid={`${testIdPrefix}-discard-${letter.id}`}
        >
          {t('events.discard')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
