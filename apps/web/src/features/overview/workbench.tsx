import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, List, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session-context';
import { commerceQueries } from '../merchants/commerce.queries';
import { sopOverviewQuery } from '../sop/sop.queries';
import { homeSessionsQuery, mySessionsQuery } from './home.queries';
import { SessionAgenda } from './session-agenda';

interface Todo {
  key: 'submissions' | 'qc' | 'sop' | 'sopOverdue';
  count: number | undefined;
  path: string;
}

/** What waits for the operator, each line linking to the page where it is done. */
function TodoCard() {
  const { t } = useTranslation();
  const { can } = useSession();
  const commerce = can('commerce:read');
  const matrix = can('matrix:read');
  const submitted = useQuery({ ...commerceQueries.submissions('submitted'), enabled: commerce });
  const samples = useQuery({ ...commerceQueries.submissions('sample_received'), enabled: commerce });
  const sop = useQuery({ ...sopOverviewQuery(), enabled: matrix });
  const open = sop.data?.runs.filter((r) => r.status !== 'completed') ?? [];
  const todos: Todo[] = [
    ...(commerce
      ? [
          { key: 'submissions' as const, count: submitted.data?.items.length, path: '/before/submissions' },
          { key: 'qc' as const, count: samples.data?.items.length, path: '/before/qc' },
        ]
      : []),
    ...(matrix && sop.data
      ? [
          {
            key: 'sop' as const,
            count: open.reduce((n, r) => n + r.progress.total - r.progress.done, 0),
            path: '/matrix/sop',
          },
          {
            key: 'sopOverdue' as const,
            count: open.reduce((n, r) => n + r.progress.overdue, 0),
            path: '/matrix/sop',
          },
        ]
      : []),
  ];
  return (
    <Card className="lc-card" title={t('overview.home.todoTitle')} data-testid="home-todos">
      <List<Todo>
        dataSource={todos}
        renderItem={(todo) => (
          <List.Item
            data-testid={`home-todo-${todo.key}`}
            extra={
              <Badge
                count={todo.count ?? '…'}
                showZero
                color={todo.key === 'sopOverdue' && (todo.count ?? 0) > 0 ? 'red' : 'blue'}
              />
            }
          >
            <Link to={todo.path}>{t(`overview.home.todo.${todo.key}`)}</Link>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The operator's home: what is live now, today's and the coming week's sessions, and the to-dos. */
export function OperatorWorkbench() {
  const { t } = useTranslation();
  const sessions = useQuery(homeSessionsQuery());
  const items = sessions.data?.items ?? [];
  const live = items.filter((s) => s.status === 'live');
  const upcoming = items.filter((s) => s.status === 'planned');
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24} xl={16}>
        <Card
          className="lc-card"
          title={t('overview.home.liveTitle')}
          extra={<Link to="/during/big-screen">{t('overview.home.allLive')}</Link>}
          style={{ marginBottom: 16 }}
        >
          <SessionAgenda sessions={live} loading={sessions.isFetching} testId="home-live" />
        </Card>
        <Card
          className="lc-card"
          title={t('overview.home.upcomingTitle')}
          extra={<Link to="/before/schedule">{t('overview.home.allSchedule')}</Link>}
        >
          <SessionAgenda sessions={upcoming} loading={sessions.isFetching} testId="home-upcoming" />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <TodoCard />
      </Col>
    </Row>
  );
}

/** The anchor's home: their own sessions of the coming week, each linking to its line-up. */
export function AnchorWorkbench() {
  const { t } = useTranslation();
  const mine = useQuery(mySessionsQuery());
  const items = (mine.data?.items ?? []).filter((s) => s.status === 'planned' || s.status === 'live');
  return (
    <Card className="lc-card" title={t('overview.home.mineTitle')} style={{ marginTop: 16 }}>
      {mine.data && mine.data.anchors.length === 0 ? (
        <Typography.Text type="secondary">{t('overview.home.notAnchor')}</Typography.Text>
      ) : (
        <SessionAgenda sessions={items} loading={mine.isFetching} testId="home-mine" />
      )}
    </Card>
  );
}
