import type { SessionDto } from '@livecloud/schedule/schemas';
import { Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SessionStatusTag } from '../../components/status-tags';
import { formatDateTime } from '../../lib/format';
import { bigScreenPath } from '../big-screen/big-screen-paths';

/** Sessions in start order, each linking to where its work is: the big screen when live, else its line-up. */
export function SessionAgenda({
  sessions,
  loading,
  testId,
}: {
  sessions: SessionDto[];
  loading: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const today = new Date().toDateString();
  const sorted = [...sessions].sort((a, b) => Date.parse(a.plannedStart) - Date.parse(b.plannedStart));
  return (
    <List<SessionDto>
      data-testid={testId}
      loading={loading}
      dataSource={sorted}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.home.noSessions')} />,
      }}
      renderItem={(s) => (
        <List.Item
          data-testid={`${testId}-item`}
          actions={[
            s.status === 'live' ? (
              <Link key="screen" to={bigScreenPath(s.id)}>
                {t('overview.home.openBigScreen')}
              </Link>
            ) : (
              <Link key="lineup" to={`/before/lineups?session=${encodeURIComponent(s.id)}`}>
                {t('overview.home.openLineup')}
              </Link>
            ),
          ]}
        >
          <List.Item.Meta
            title={
              <Space size={8} wrap>
                <Typography.Text strong>{s.title}</Typography.Text>
                <SessionStatusTag status={s.status} />
                {new Date(s.plannedStart).toDateString() === today ? (
                  <Tag color="gold">{t('overview.home.today')}</Tag>
                ) : null}
              </Space>
            }
            description={`${formatDateTime(s.plannedStart)} · ${s.account.displayName} · ${s.room.name}${
              s.anchors.length ? ` · ${s.anchors.map((a) => a.name).join('、')}` : ''
            }`}
          />
        </List.Item>
      )}
    />
  );
}
