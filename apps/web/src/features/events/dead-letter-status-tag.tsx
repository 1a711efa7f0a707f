import { type DeadLetterStatus } from '@livecloud/contracts/vocabulary';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colors: Record<DeadLetterStatus, string> = { new: 'orange', replayed: 'green', discarded: 'default' };

/** 待处理 / 已重放 / 已丢弃. */
export function DeadLetterStatusTag({ status, testId }: { status: DeadLetterStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-testid={testId}>
      {t(`deadLetters.status.${status}`)}
    </Tag>
  );
}
