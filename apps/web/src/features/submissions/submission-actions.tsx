import type {
  ActionTarget,
  SubmissionDetailDto as SubmissionDetail,
  SubmissionDto as Submission,
} from '@livecloud/commerce/schemas';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { submissionsApi } from '../merchants/commerce.api';
import { commerceErrorMessage } from '../merchants/commerce-error';
import { ReasonModal } from '../merchants/reason-modal';

/** Moves that ask for words first: a required reason, or an optional note (e.g. the courier number of a sample). */
const asks: Partial<Record<ActionTarget, 'required' | 'optional'>> = {
  rejected: 'required',
  withdrawn: 'optional',
  sample_received: 'optional',
  sample_requested: 'optional',
};
const primary: ReadonlySet<ActionTarget> = new Set([
  'shortlisted',
  'sample_requested',
  'sample_received',
  'approved',
]);

/** Buttons for exactly the moves the server says are allowed now. */
export function SubmissionActions({
  submission,
  onMoved,
  size,
}: {
  submission: Submission;
  onMoved: (next: SubmissionDetail) => void;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [asking, setAsking] = useState<ActionTarget | null>(null);
  const [busy, setBusy] = useState<ActionTarget | null>(null);

  const move = async (to: ActionTarget, reason?: string) => {
    setBusy(to);
    try {
      const next = await submissionsApi.transition(submission.id, to, reason);
      void message.success(
        t('commerce.submissions.transitionDone', {
          title: submission.productTitle,
          action: t(`commerce.submissionStatus.${next.status}`),
        }),
      );
      setAsking(null);
      onMoved(next);
    } catch (cause) {
      void message.error(commerceErrorMessage(t, cause));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Space size={6} wrap>
        {submission.allowedTransitions.map((to) => {
          const button = (
            <Button
              key={to}
              size={size}
              type={primary.has(to) ? 'primary' : 'default'}
              danger={to === 'rejected'}
              ghost={primary.has(to) && size === 'small'}
              loading={busy === to}
              onClick={to === 'approved' ? undefined : asks[to] ? () => setAsking(to) : () => void move(to)}
              data-testid={`submission-action-${to}`}
            >
              {t(`commerce.action.${to}`)}
            </Button>
          );
          return to === 'approved' ? (
            <Popconfirm
              key={to}
              title={`${t('commerce.action.approved')}「${submission.productTitle}」？`}
              onConfirm={() => void move('approved')}
              okButtonProps={{ 'data-testid': 'submission-approve-confirm' }}
            >
              {button}
            </Popconfirm>
          ) : (
            button
          );
        })}
      </Space>
      <ReasonModal
        open={asking !== null}
        title={
          asking
            ? t('commerce.submissions.reasonTitle', {
                action: t(`commerce.action.${asking}`),
                title: submission.productTitle,
              })
            : ''
        }
        okText={asking ? t(`commerce.action.${asking}`) : ''}
        required={asking !== null && asks[asking] === 'required'}
        danger={asking === 'rejected'}
        onSubmit={(reason) => (asking ? move(asking, reason) : Promise.resolve())}
        onClose={() => setAsking(null)}
      />
    </>
  );
}
