import {
  type InviteStatus,
  type MerchantStatus,
  type SubmissionStatus,
} from '@livecloud/contracts/vocabulary';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const merchantColors: Record<MerchantStatus, string> = {
  applied: 'processing',
  approved: 'success',
  rejected: 'error',
  suspended: 'warning',
};

const submissionColors: Record<SubmissionStatus, string> = {
  submitted: 'default',
  shortlisted: 'blue',
  sample_requested: 'geekblue',
  sample_received: 'purple',
  qc_passed: 'cyan',
  qc_failed: 'volcano',
  approved: 'green',
  warehoused: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

const inviteColors: Record<InviteStatus, string> = {
  open: 'processing',
  used: 'success',
  expired: 'default',
  revoked: 'default',
};

export function MerchantStatusTag({ status }: { status: MerchantStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={merchantColors[status]} data-testid="merchant-status" data-status={status}>
      {t(`commerce.merchantStatus.${status}`)}
    </Tag>
  );
}

export function SubmissionStatusTag({ status }: { status: SubmissionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={submissionColors[status]}
      data-testid="submission-status"
      data-status={status}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`commerce.submissionStatus.${status}`)}
    </Tag>
  );
}

export function InviteStatusTag({ status }: { status: InviteStatus }) {
  const { t } = useTranslation();
  return <Tag color={inviteColors[status]}>{t(`commerce.invites.status.${status}`)}</Tag>;
}
