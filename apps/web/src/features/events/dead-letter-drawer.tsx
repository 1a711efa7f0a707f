import type {
  DeadLetterDto as DeadLetter,
  EventIssueDto as EventIssue,
  ReplayResultDto as ReplayResult,
} from '@livecloud/events/schemas';
import { Alert, Button, Descriptions, Drawer, Empty, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { sourceLabel } from '../../i18n/labels';
import { DeadLetterActions } from './dead-letter-actions';
import { payloadForDisplay, shanghaiDateTimeSeconds } from './dead-letters.api';
import { DeadLetterStatusTag } from '../../components/status-tags';

export interface DeadLetterDrawerProps {
  letter: DeadLetter | null;
  canManage: boolean;
  busy: 'replay' | 'discard' | null;
  onReplay: (letter: DeadLetter) => void;
  onDiscard: (letter: DeadLetter) => void;
  /** Opens the correction dialog for the letter. */
  onEdit: (letter: DeadLetter) => void;
  onClose: () => void;
}

function ReplayOutcome({ result }: { result: ReplayResult }) {
  const { t } = useTranslation();
  const at = shanghaiDateTimeSeconds(result.at);
  if (result.outcome === 'rejected') {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('events.outcome.rejected', { time: at })}
        description={result.reason}
        data-testid="dead-letter-replay-outcome"
      />
    );
  }
  return (
    <Alert
      type="success"
      showIcon
      title={t(`events.outcome.${result.outcome}`, { time: at })}
      description={result.eventId ? t('events.outcome.eventId', { id: result.eventId }) : undefined}
      data-testid="dead-letter-replay-outcome"
    />
  );
}

function PayloadBlock({ text, testId }: { text: string; testId: string }) {
  return (
    <pre
      className="lc-mono"
      data-testid={testId}
      style={{
        margin: 0,
        padding: 12,
        maxHeight: 420,
        overflow: 'auto',
        background: '#f6f8fa',
        border: '1px solid #e5e8ef',
        borderRadius: 6,
        fontSize: 12,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
      }}
    >
      {text}
    </pre>
  );
}

/** One dead letter: why it was rejected, every validation issue and the original item as sent. */
export function DeadLetterDrawer({
  letter,
  canManage,
  busy,
  onReplay,
  onDiscard,
  onEdit,
  onClose,
}: DeadLetterDrawerProps) {
  const { t } = useTranslation();
  const payload = letter ? payloadForDisplay(letter) : null;
  return (
    <Drawer
      open={letter !== null}
      onClose={onClose}
      size={720}
      title={t('events.detailTitle')}
      destroyOnHidden
      extra={
        letter && canManage ? (
          <Space size={8}>
            {letter.status === 'new' ? (
              <Button
                onClick={() => onEdit(letter)}
                disabled={busy !== null}
                data-testid={`dead-letter-drawer-edit-${letter.id}`}
              >
                {t('events.editReplay')}
              </Button>
            ) : null}
            <DeadLetterActions
              letter={letter}
              busy={busy}
              onReplay={onReplay}
              onDiscard={onDiscard}
              testIdPrefix="dead-letter-drawer"
            />
          </Space>
        ) : null
      }
    >
      {letter ? (
        <div data-testid="dead-letter-detail" style={{ display: 'flex', flexDirection: 'column', gap: 20 }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('events.id')} span={2}>
              <Typography.Text className="lc-mono" copyable>
                {letter.id}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('events.receivedAt')}>
              {shanghaiDateTimeSeconds(letter.receivedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('events.statusLabel')}>
              <DeadLetterStatusTag status={letter.status} testId="dead-letter-detail-status" />
            </Descriptions.Item>
            <Descriptions.Item label={t('events.source')}>
              {letter.source ? sourceLabel(t, letter.source) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('events.format')}>
              {t(`events.formats.${letter.format}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('events.eventId')}>
              {letter.eventId ? <Typography.Text className="lc-mono">{letter.eventId}</Typography.Text> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('events.attempts')}>{letter.attempts}</Descriptions.Item>
          </Descriptions>

          <div>
            <Typography.Title level={5}>{t('events.reason')}</Typography.Title>
            <Alert
              type={letter.status === 'new' ? 'error' : 'info'}
              title={letter.reason}
              data-testid="dead-letter-detail-reason"
            />
          </div>

          {letter.replayResult ? (
            <div>
              <Typography.Title level={5}>{t('events.lastReplay')}</Typography.Title>
              <ReplayOutcome result={letter.replayResult} />
            </div>
          ) : null}

          <div>
            <Typography.Title level={5}>
              {t('events.issues', { count: letter.issues.length })}
            </Typography.Title>
            <Table<EventIssue>
              size="small"
              rowKey={(issue) => `${issue.path}|${issue.code}|${issue.message}`}
              dataSource={letter.issues}
              pagination={false}
              locale={{ emptyText: t('events.noIssues') }}
              data-testid="dead-letter-issues"
              columns={[
                {
                  key: 'path',
                  title: t('events.issuePath'),
                  width: 180,
                  render: (_, issue) => (
                    <Typography.Text code className="lc-mono">
                      {issue.path === '' ? '(root)' : issue.path}
                    </Typography.Text>
                  ),
                },
                { key: 'code', title: t('events.issueCode'), width: 150, dataIndex: 'code' },
                { key: 'message', title: t('events.issueMessage'), dataIndex: 'message' },
              ]}
            />
          </div>

          <div>
            <Typography.Title level={5}>
              {letter.edited
                ? t('events.correctedPayload')
                : letter.payloadText !== null
                  ? t('events.payloadRaw')
                  : t('events.payload')}
            </Typography.Title>
            {letter.edited ? (
              <Typography.Paragraph type="secondary" data-testid="dead-letter-edited">
                {t('events.edited', { time: shanghaiDateTimeSeconds(letter.edited.at) })}
              </Typography.Paragraph>
            ) : null}
            {payload === null ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('events.noPayload')} />
            ) : (
              <PayloadBlock text={payload} testId="dead-letter-payload" />
            )}
          </div>
          {letter.edited ? (
            <div>
              <Typography.Title level={5}>{t('events.originalPayload')}</Typography.Title>
              <PayloadBlock
                text={
                  letter.edited.originalPayloadText ??
                  JSON.stringify(letter.edited.originalPayload ?? null, null, 2)
                }
                testId="dead-letter-original-payload"
              />
            </div>
          ) : null}
        </div>
      ) : null}
    </Drawer>
  );
}
