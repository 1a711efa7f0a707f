import { EditOutlined, LineChartOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { forecastSessionsQuery } from './forecast.queries';
import { ForecastSessionSelect, nextPlanned } from './forecast-session-select';
import { SessionForecast } from './session-forecast';

/** 商品模拟: the forecast of a session's line-up, with its ranges, basis and the model's track record. */
export function ForecastPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const sessions = useQuery(forecastSessionsQuery());
  const sessionId = params.get('session');
  const session = sessions.data?.find((s) => s.id === sessionId) ?? null;
  const next = nextPlanned(sessions.data);
  const choose = (id: string) => setParams({ session: id });

  return (
    <div data-testid="page-before-forecast">
      <PageHeader
        title={t('forecast.title')}
        subtitle={t('forecast.subtitle')}
        extra={
          <>
            <ForecastSessionSelect
              sessions={sessions.data}
              loading={sessions.isFetching}
              value={sessionId}
              onChange={choose}
            />
            {session ? (
              <Link to={`/before/lineups?session=${encodeURIComponent(session.id)}`}>
                <Button icon={<EditOutlined />} data-testid="forecast-edit-lineup">
                  {t('forecast.editLineup')}
                </Button>
              </Link>
            ) : null}
          </>
        }
      />
      {sessionId ? (
        <SessionForecast key={sessionId} sessionId={sessionId} session={session} />
      ) : sessions.error && !sessions.data ? (
        <Card className="lc-card">
          <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
        </Card>
      ) : (
        <Card
          className="lc-card"
          loading={sessions.isFetching && !sessions.data}
          data-testid="forecast-no-session"
        >
          {sessions.data?.length === 0 ? (
            <Empty description={t('forecast.noSession.none')}>
              <Link to="/before/schedule">
                <Button type="primary">{t('forecast.noSession.goSchedule')}</Button>
              </Link>
            </Empty>
          ) : (
            <Empty description={t('forecast.noSession.text')}>
              <Flex justify="center">
                {next ? (
                  <Button
                    type="primary"
                    icon={<LineChartOutlined />}
                    onClick={() => choose(next.id)}
                    data-testid="forecast-next-session"
                  >
                    {t('forecast.noSession.next', { title: next.title })}
                  </Button>
                ) : null}
              </Flex>
            </Empty>
          )}
        </Card>
      )}
    </div>
  );
}
