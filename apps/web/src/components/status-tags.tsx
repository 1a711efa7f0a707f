import { Tag } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  DeadLetterStatus,
  InviteStatus,
  MerchantStatus,
  Platform,
  SessionStatus,
  SubmissionStatus,
} from '@livecloud/contracts/vocabulary';

/** The antd tag colour for each value of a status, and the status's translated label. */
interface StatusTagProps<S extends string> {
  status: S;
  colors: Record<S, string>;
  label: string;
  testId?: string;
  /** Mirrors the status into `data-status`, for tests that read it. */
  exposeStatus?: boolean;
  style?: CSSProperties;
}

/** One status as a coloured tag; the status tags below are this with their own colours. */
export function StatusTag<S extends string>({
  status,
  colors,
  label,
  testId,
  exposeStatus,
  style,
}: StatusTagProps<S>) {
  return (
    <Tag
      color={colors[status]}
      data-testid={testId}
      data-status={exposeStatus ? status : undefined}
      style={style}
    >
      {label}
    </Tag>
  );
}

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

const sessionColors: Record<SessionStatus, string> = {
  planned: 'processing',
  live: 'error',
  ended: 'default',
  reviewed: 'purple',
};

const deadLetterColors: Record<DeadLetterStatus, string> = {
  new: 'orange',
  replayed: 'green',
  discarded: 'default',
};

/** Each platform in the colour its users know it by. */
export const platformColor: Record<Platform, string> = {
  douyin: '#111111',
  kuaishou: '#ff5000',
  taobao: '#ff4400',
  xiaohongshu: '#ff2442',
  wechat_channels: '#07c160',
};

const flush: CSSProperties = { marginInlineEnd: 0 };

export function MerchantStatusTag({ status }: { status: MerchantStatus }) {
  const { t } = useTranslation();
  return (
    <StatusTag
      status={status}
      colors={merchantColors}
      label={t(`commerce.merchantStatus.${status}`)}
      testId="merchant-status"
      exposeStatus
    />
  );
}

export function SubmissionStatusTag({ status }: { status: SubmissionStatus }) {
  const { t } = useTranslation();
  return (
    <StatusTag
      status={status}
      colors={submissionColors}
      label={t(`commerce.submissionStatus.${status}`)}
      testId="submission-status"
      exposeStatus
      style={flush}
    />
  );
}

export function InviteStatusTag({ status }: { status: InviteStatus }) {
  const { t } = useTranslation();
  return <StatusTag status={status} colors={inviteColors} label={t(`commerce.invites.status.${status}`)} />;
}

/** A live session's status: planned, live, ended, reviewed. */
export function SessionStatusTag({ status }: { status: SessionStatus }) {
  const { t } = useTranslation();
  return (
    <StatusTag
      status={status}
      colors={sessionColors}
      label={t(`schedule.status.${status}`)}
      testId="session-status"
    />
  );
}

/** 待处理 / 已重放 / 已丢弃. */
export function DeadLetterStatusTag({ status, testId }: { status: DeadLetterStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <StatusTag
      status={status}
      colors={deadLetterColors}
      label={t(`events.status.${status}`)}
      testId={testId}
    />
  );
}

export function PlatformTag({ platform }: { platform: Platform }) {
  const { t } = useTranslation();
  return (
    <StatusTag
      status={platform}
      colors={platformColor}
      label={t(`schedule.platform.${platform}`)}
      style={flush}
    />
  );
}
