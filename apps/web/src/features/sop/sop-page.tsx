import type { SopTemplateDto as SopTemplate } from '@livecloud/schedule/schemas';
import { PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Col, Empty, Flex, List, Progress, Row, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../auth/session-context';
import { schedulingErrorMessage } from '../../lib/scheduling-error';
import { todayInShanghai } from '../../lib/shanghai-time';
import { sopApi } from './sop.api';
import { sopOverviewQuery, sopRunQuery } from './sop.queries';
import { SopRunPanel } from './sop-run-panel';
import { SopStartModal } from './sop-start-modal';
import { SopTemplateModal } from './sop-template-modal';
import { SopTemplatesTable } from './sop-templates-table';
import './sop.css';

/** SOP: checklist templates (e.g. 新直播间 7 天开播) and the runs started from them, with progress. */
export function SopPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const canManage = can('commerce:manage');
  const today = todayInShanghai();
  const queryClient = useQueryClient();
  const { data, error, isFetching: loading, refetch } = useQuery(sopOverviewQuery());
  const reload = () =>
    void queryClient.invalidateQueries({ queryKey: sopOverviewQuery().queryKey, exact: true });
  const [selected, setSelected] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [template, setTemplate] = useState<SopTemplate | 'new' | null>(null);
  const [chosenTab, setTab] = useState<string | null>(null);
  // No run under way: the templates, from which a run is started, are where the work is.
  const tab = chosenTab ?? (data?.runs.length === 0 ? 'templates' : 'runs');
  const runId = selected ?? data?.runs[0]?.id ?? null;
  const run = useQuery(sopRunQuery(runId));

  const archive = async (tpl: SopTemplate) => {
    try {
      await sopApi.archiveTemplate(tpl.id);
      void message.success(t('schedule.sop.archivedTemplate'));
      reload();
    } catch (cause) {
      void message.error(schedulingErrorMessage(t, cause));
    }
  };

  const runsTab = (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <Card className="lc-card" styles={{ body: { padding: 8 } }}>
          <List
            dataSource={data?.runs ?? []}
            loading={loading}
            locale={{
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('schedule.sop.noRuns')} />
              ),
            }}
            renderItem={(item) => (
              <List.Item
                className={`lc-sop-run-item${item.id === runId ? ' lc-sop-run-item-active' : ''}`}
                onClick={() => setSelected(item.id)}
                data-testid={`sop-run-${item.id}`}
              >
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Flex justify="space-between" align="center" gap={8}>
                    <Typography.Text strong ellipsis>
                      {item.name}
                    </Typography.Text>
                    {item.status === 'completed' ? (
                      <Tag color="success">{t('schedule.sop.completed')}</Tag>
                    ) : item.progress.overdue > 0 ? (
                      <Badge count={item.progress.overdue} title={t('schedule.sop.overdue')} />
                    ) : null}
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.room.name} · {t('schedule.sop.startsOn', { date: item.startDate })}
                  </Typography.Text>
                  <Progress
                    percent={item.progress.percent}
                    size="small"
                    status={
                      item.status === 'completed'
                        ? 'success'
                        : item.progress.overdue > 0
                          ? 'exception'
                          : 'active'
                    }
                  />
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        {run.error && !run.data ? (
          <Card className="lc-card">
            <LoadError error={run.error} onRetry={() => void run.refetch()} />
          </Card>
        ) : run.data ? (
          <SopRunPanel
            run={run.data}
            canManage={canManage}
            today={today}
            onChanged={(next) => {
              queryClient.setQueryData(sopRunQuery(next.id).queryKey, next);
              reload();
            }}
          />
        ) : (
          <Card className="lc-card">
            <Empty description={t('schedule.sop.pickRun')} />
          </Card>
        )}
      </Col>
    </Row>
  );

  const templatesTab = (
    <SopTemplatesTable
      templates={data?.templates ?? []}
      loading={loading}
      canManage={canManage}
      onEdit={setTemplate}
      onArchive={(tpl) => void archive(tpl)}
    />
  );

  return (
    <div data-testid="page-matrix-sop">
      <PageHeader
        title={t('schedule.sop.title')}
        subtitle={t('schedule.sop.subtitle')}
        extra={
          canManage && data ? (
            <>
              <Button icon={<PlusOutlined />} onClick={() => setTemplate('new')}>
                {t('schedule.sop.newTemplate')}
              </Button>
              <Button
                type="primary"
                icon={<PlayCircleOutlined />}
                onClick={() => setStarting(true)}
                disabled={data.templates.length === 0}
                data-testid="sop-start"
              >
                {t('schedule.sop.startTitle')}
              </Button>
            </>
          ) : null
        }
      />
      {error && !data ? (
        <Card className="lc-card">
          <LoadError error={error} onRetry={() => void refetch()} />
        </Card>
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'runs', label: t('schedule.sop.runsTab'), children: runsTab },
            { key: 'templates', label: t('schedule.sop.templatesTab'), children: templatesTab },
          ]}
        />
      )}
      {data ? (
        <SopStartModal
          open={starting}
          today={today}
          templates={data.templates}
          rooms={data.rooms}
          onClose={() => setStarting(false)}
          onStarted={(started) => {
            setStarting(false);
            setSelected(started.id);
            reload();
          }}
        />
      ) : null}
      <SopTemplateModal
        target={template}
        onClose={() => setTemplate(null)}
        onSaved={() => {
          setTemplate(null);
          reload();
        }}
      />
    </div>
  );
}
