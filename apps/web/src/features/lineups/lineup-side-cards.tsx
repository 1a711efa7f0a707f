import type {
  LineupDto as Lineup,
  LineupValidationDto as LineupValidation,
  SessionDto as LiveSession,
} from '@livecloud/schedule/schemas';
import { CheckCircleFilled, CloseCircleFilled, MinusCircleFilled } from '@ant-design/icons';
import { Alert, Card, Flex, Progress, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PlatformTag, SessionStatusTag } from '../../components/status-tags';
import { shanghaiDateTime, shanghaiTime } from '../../lib/shanghai-time';

const checkIcon: Record<LineupValidation['checks'][number]['status'], ReactNode> = {
  passed: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  failed: <CloseCircleFilled style={{ color: '#f5222d' }} />,
  skipped: <MinusCircleFilled style={{ color: '#bfbfbf' }} />,
};

/** The session a line-up is for: when, where, who, and how much of its time the explaining fills. */
export function LineupSessionCard({
  session,
  lineup,
  open,
}: {
  session: LiveSession;
  lineup: Lineup | undefined;
  /** Planned or live: the line-up can still change. */
  open: boolean;
}) {
  const { t } = useTranslation();
  const over = lineup ? lineup.totalExplainMinutes > lineup.sessionMinutes : false;
  return (
    <Card
      className="lc-card"
      title={session.title}
      extra={<SessionStatusTag status={session.status} />}
      data-testid="lineup-session-card"
    >
      <Flex vertical gap={10}>
        <Typography.Text>
          {shanghaiDateTime(session.plannedStart)} – {shanghaiTime(Date.parse(session.plannedEnd))}
        </Typography.Text>
        <Space wrap size={6}>
          <PlatformTag platform={session.account.platform} />
          <Typography.Text>{session.account.displayName}</Typography.Text>
          <Typography.Text type="secondary">· {session.room.name}</Typography.Text>
          <Typography.Text type="secondary">
            · {session.anchors.map((a) => a.name).join('、')}
          </Typography.Text>
        </Space>
        {lineup ? (
          <div>
            <Flex justify="space-between">
              <Typography.Text type="secondary">{t('schedule.lineups.explainTotal')}</Typography.Text>
              <Typography.Text strong type={over ? 'danger' : undefined} data-testid="lineup-minutes-total">
                {t('schedule.lineups.ofMinutes', {
                  used: lineup.totalExplainMinutes,
                  total: lineup.sessionMinutes,
                })}
              </Typography.Text>
            </Flex>
            <Progress
              percent={Math.min(
                100,
                Math.round((lineup.totalExplainMinutes / Math.max(1, lineup.sessionMinutes)) * 100),
              )}
              status={over ? 'exception' : 'normal'}
              showInfo={false}
            />
          </div>
        ) : null}
        {!open ? <Alert type="info" showIcon title={t('schedule.lineups.closed')} /> : null}
      </Flex>
    </Card>
  );
}

/** The line-up's checks against the catalogue (approval, stock, lowest price, explain time). */
export function LineupChecksCard({ lineup }: { lineup: Lineup }) {
  const { t } = useTranslation();
  const skipped = lineup.validation.checks.filter((c) => c.status === 'skipped');
  return (
    <Card className="lc-card" title={t('schedule.lineups.checksTitle')} data-testid="lineup-checks">
      <Flex vertical gap={8}>
        {lineup.validation.checks.map((c) => (
          <Flex key={c.check} justify="space-between" align="center">
            <Space size={8}>
              {checkIcon[c.status]}
              {t(`schedule.check.${c.check}`)}
            </Space>
            <Typography.Text
              type={c.status === 'failed' ? 'danger' : c.status === 'passed' ? 'success' : 'secondary'}
            >
              {t(`schedule.checkStatus.${c.status}`)}
            </Typography.Text>
          </Flex>
        ))}
        {skipped.length > 0 ? (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 8 }}
            title={t('schedule.lineups.skippedNote')}
            description={[
              ...(skipped.some((c) => c.check === 'approval' || c.check === 'stock')
                ? [t('schedule.lineups.skippedCatalogue')]
                : []),
              ...(skipped.some((c) => c.check === 'lowest_price')
                ? [t('schedule.lineups.skippedPrices')]
                : []),
            ].join(' ')}
          />
        ) : null}
      </Flex>
    </Card>
  );
}
