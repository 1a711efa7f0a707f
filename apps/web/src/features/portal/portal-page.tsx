import type { InspectionListItemDto as InspectionListItem } from '@livecloud/commerce/schemas';
import { ShopOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Card,
  Col,
  Flex,
  Result,
  Row,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { LoadError } from '../../components/load-error';
import '../merchants/commerce.css';
import { formatDateTime, formatFen } from '../../lib/format';
import { useCurrentSession } from '../auth/session-context';
import { DepositPanel } from '../merchants/deposit-panel';
import { MerchantStatusTag } from '../../components/status-tags';
import { useStaffNames } from '../merchants/use-staff-names';
import { PortalSubmissions } from './portal-submissions';
import { portalQueries, portalSubmissionsKey } from './portal.queries';

/** 商家门户: what a merchant login sees — its own status, deposit, submissions and QC results only. */
export function PortalPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  if (!session.permissions.includes('merchant:portal')) {
    return (
      <div data-testid="page-portal">
        <Card className="lc-card">
          <Result
            icon={<ShopOutlined style={{ color: '#1664ff' }} />}
            title={t('commerce.portal.staffTitle')}
            subTitle={t('commerce.portal.staffText')}
          />
        </Card>
      </div>
    );
  }
  return <MerchantPortal />;
}

const heroStat = { title: { color: 'rgba(255, 255, 255, 0.72)' }, content: { color: '#fff' } };

function MerchantPortal() {
  const { t } = useTranslation();
  const names = useStaffNames();
  const queryClient = useQueryClient();
  const merchant = useQuery(portalQueries.merchant());
  const submissions = useQuery(portalQueries.submissions());
  const categories = useQuery(portalQueries.categories());
  const ledger = useQuery(portalQueries.deposits());
  const inspections = useQuery(portalQueries.inspections());
  const m = merchant.data;

  if (merchant.error && !m) {
    const noMerchant = merchant.error instanceof ApiError && merchant.error.code === 'no_merchant';
    return (
      <div data-testid="page-portal">
        {noMerchant ? (
          <Result status="warning" title={t('commerce.portal.noMerchant')} />
        ) : (
          <LoadError error={merchant.error} onRetry={() => void merchant.refetch()} />
        )}
      </div>
    );
  }
  const counts = submissions.data?.counts ?? {};
  const inProgress = (
    ['submitted', 'shortlisted', 'sample_requested', 'sample_received', 'qc_passed'] as const
  ).reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  const statusText =
    m?.status === 'approved'
      ? t('commerce.portal.statusApproved')
      : m?.status === 'applied'
        ? t('commerce.portal.statusApplied')
        : m?.status === 'rejected'
          ? t('commerce.portal.statusRejected', { reason: m.statusReason ?? '' })
          : t('commerce.portal.statusSuspended', { reason: m?.statusReason ?? '' });
  const inspectionColumns: TableProps<InspectionListItem>['columns'] = [
    { key: 'product', title: t('commerce.field.product'), dataIndex: 'productTitle' },
    {
      key: 'result',
      title: t('commerce.qc.result'),
      render: (_, i) => (
        <Tag color={i.passed ? 'success' : 'error'}>
          {i.passed ? t('commerce.qc.passed') : t('commerce.qc.failed')}
        </Tag>
      ),
    },
    {
      key: 'reasons',
      title: t('commerce.field.reason'),
      render: (_, i) =>
        i.results
          .filter((r) => !r.passed)
          .map((r) => (
            <div key={r.key}>
              {r.label}：{r.reason}
            </div>
          )),
    },
    { key: 'at', title: t('commerce.field.time'), render: (_, i) => formatDateTime(i.at) },
  ];
  const reloadSubmissions = () => {
    void queryClient.invalidateQueries({ queryKey: portalSubmissionsKey });
    void queryClient.invalidateQueries({ queryKey: portalQueries.inspections().queryKey });
  };

  return (
    <div data-testid="page-portal">
      <div className="lc-portal-hero" data-testid="portal-hero">
        <Row gutter={[24, 16]} align="middle">
          <Col xs={24} lg={10}>
            <Typography.Text style={{ opacity: 0.75 }}>{t('commerce.portal.title')}</Typography.Text>
            <Flex align="center" gap={10} style={{ marginTop: 4 }}>
              <Typography.Title level={3} style={{ margin: 0, color: '#fff' }} data-testid="portal-company">
                {m?.companyName ?? '…'}
              </Typography.Title>
              {m ? <MerchantStatusTag status={m.status} /> : null}
            </Flex>
          </Col>
          <Col xs={8} lg={5}>
            <Statistic
              title={t('commerce.field.balance')}
              value={formatFen(m?.deposit.balanceFen ?? 0)}
              styles={heroStat}
            />
          </Col>
          <Col xs={8} lg={5}>
            <Statistic
              title={t('commerce.field.required')}
              value={formatFen(m?.requiredDepositFen ?? 0)}
              styles={heroStat}
            />
          </Col>
          <Col xs={8} lg={4}>
            <Statistic title={t('commerce.portal.inProgress')} value={inProgress} styles={heroStat} />
          </Col>
        </Row>
      </div>
      {m ? (
        <Alert
          type={m.status === 'approved' ? 'success' : m.status === 'applied' ? 'info' : 'error'}
          showIcon
          title={statusText}
          style={{ marginBottom: 16 }}
          data-testid="portal-status"
        />
      ) : null}
      <Card className="lc-card">
        <Tabs
          defaultActiveKey="submissions"
          items={[
            {
              key: 'submissions',
              label: t('commerce.portal.tabSubmissions'),
              children: (
                <PortalSubmissions
                  list={submissions.data}
                  loading={submissions.isFetching}
                  categories={categories.data?.items ?? []}
                  canSubmit={m?.status === 'approved'}
                  onChanged={reloadSubmissions}
                />
              ),
            },
            {
              key: 'qc',
              label: t('commerce.portal.tabQc'),
              children: (
                <Table<InspectionListItem>
                  rowKey="id"
                  columns={inspectionColumns}
                  dataSource={inspections.data?.items ?? []}
                  loading={inspections.isFetching}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  locale={{ emptyText: t('commerce.portal.qcEmpty') }}
                />
              ),
            },
            {
              key: 'deposits',
              label: t('commerce.portal.tabDeposits'),
              children: (
                <DepositPanel ledger={ledger.data} requiredFen={m?.requiredDepositFen ?? 0} names={names} />
              ),
            },
          ]}
          data-testid="portal-tabs"
        />
      </Card>
    </div>
  );
}
