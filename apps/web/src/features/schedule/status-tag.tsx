import { type SessionStatus } from '@livecloud/contracts/vocabulary';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const statusColor: Record<SessionStatus, string> = {
  planned: 'processing',
  live: 'error',
  ended: 'default',
  reviewed: 'purple',
};

export function StatusTag({ status }: { status: SessionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor[status]} data-testid="session-status">
      {t(`scheduling.status.${status}`)}
    </Tag>
  );
}
