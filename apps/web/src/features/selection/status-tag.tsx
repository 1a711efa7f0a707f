import { type SubmissionStatus } from '@livecloud/contracts/vocabulary';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { commerceZhCN } from '../../i18n/commerce.zh-cn';
import { SubmissionStatusTag } from '../../components/status-tags';

function isSubmissionStatus(status: string): status is SubmissionStatus {
  return Object.hasOwn(commerceZhCN.submissionStatus, status);
}

/** A product's furthest submission status as commerce shows it, or "not submitted". */
export function StatusTag({ status }: { status: string | null }) {
  const { t } = useTranslation();
  if (status === null) return <Tag>{t('selection.notSubmitted')}</Tag>;
  return isSubmissionStatus(status) ? <SubmissionStatusTag status={status} /> : <Tag>{status}</Tag>;
}
