import { Alert, Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { LoadError } from '../../components/load-error';
import { percent } from './forecast.api';
import { backtestQuery } from './forecast.queries';

/** How the forecast did on this organisation's own past sessions, so operators know how far to trust it. */
export function BacktestCard() {
  const { t } = useTranslation();
  const backtest = useQuery(backtestQuery());
  const data = backtest.data;
  const better = data?.ratio !== null && data?.ratio !== undefined && data.ratio < 1;
  return (
    <Card
      className="lc-card"
      title={t('forecast.backtest.title')}
      data-testid="forecast-backtest"
      loading={backtest.isFetching && !data}
    >
      {backtest.error && !data ? (
        <LoadError error={backtest.error} onRetry={() => void backtest.refetch()} />
      ) : data ? (
        data.reason ? (
          <Alert
            type="info"
            showIcon
            title={t('forecast.backtest.notEnough', {
              count: data.minTrainingSessions,
              have: data.historySessions,
            })}
          />
        ) : (
          <Flex vertical gap={12}>
            <Row gutter={[12, 12]}>
              <Col span={12}>
                <Statistic title={t('forecast.backtest.modelMape')} value={percent(data.model.mape)} />
              </Col>
              <Col span={12}>
                <Statistic title={t('forecast.backtest.naiveMape')} value={percent(data.naive.mape)} />
              </Col>
              <Col span={12}>
                <Statistic title={t('forecast.backtest.coverage')} value={percent(data.coverage.share)} />
              </Col>
              <Col span={12}>
                <Statistic
                  title={t('forecast.backtest.sessions')}
                  value={`${data.sessionsUsed} / ${data.historySessions}`}
                />
              </Col>
            </Row>
            <Alert
              type={better ? 'success' : 'warning'}
              showIcon
              title={
                better
                  ? t('forecast.backtest.better', { ratio: percent(data.ratio, 0) })
                  : t('forecast.backtest.notBetter')
              }
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('forecast.backtest.explain', { items: data.items, zero: data.zeroActualItems })}
            </Typography.Text>
          </Flex>
        )
      ) : null}
    </Card>
  );
}
