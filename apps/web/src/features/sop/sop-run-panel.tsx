import type { SopRunDto as SopRun, SopRunTaskDto as SopRunTask } from '@livecloud/schedule/schemas';
import { ClockCircleOutlined, LockOutlined } from '@ant-design/icons';
import {
  App,
  Card,
  Checkbox,
  Flex,
  Progress,
  Space,
  Statistic,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../../i18n/labels';
import { schedulingErrorMessage } from '../../lib/scheduling-error';
import { daysBetween } from '../../lib/shanghai-time';
import { sopApi } from './sop.api';
import { sopAssigneesQuery } from './sop.queries';
import { SopTaskAssign } from './sop-task-assign';

export interface SopRunPanelProps {
  run: SopRun;
  canManage: boolean;
  today: string;
  onChanged: (run: SopRun) => void;
}

/** One checklist run: progress, and its tasks day by day; ticking a task waits for its dependencies. */
export function SopRunPanel({ run, canManage, today, onChanged }: SopRunPanelProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busyTask, setBusyTask] = useState<string | null>(null);
  const assignees = useQuery(sopAssigneesQuery(canManage)).data;
  const titleOf = (key: string) => run.tasks.find((task) => task.key === key)?.title ?? key;

  const toggle = async (task: SopRunTask) => {
    setBusyTask(task.id);
    try {
      onChanged(task.done ? await sopApi.reopen(task.id) : await sopApi.complete(task.id));
    } catch (cause) {
      void message.error(schedulingErrorMessage(t, cause));
    } finally {
      setBusyTask(null);
    }
  };

  const byDate = new Map<string, SopRunTask[]>();
  for (const task of run.tasks) byDate.set(task.dueDate, [...(byDate.get(task.dueDate) ?? []), task]);
  const dates = [...byDate.keys()].sort();

  return (
    <Card className="lc-card" data-testid="sop-run-panel">
      <Flex vertical gap={20}>
        <Flex justify="space-between" align="center" wrap gap={16}>
          <div>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {run.name}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('schedule.sop.runMeta', {
                room: run.room.name,
                date: run.startDate,
                version: run.templateVersion,
              })}
            </Typography.Text>
          </div>
          <Space size={32}>
            <Statistic
              title={t('schedule.sop.done')}
              value={run.progress.done}
              suffix={`/ ${run.progress.total}`}
            />
            <Statistic
              title={t('schedule.sop.overdue')}
              value={run.progress.overdue}
              styles={{ content: { color: run.progress.overdue > 0 ? '#f5222d' : undefined } }}
            />
            <Progress
              type="circle"
              size={64}
              percent={run.progress.percent}
              status={run.status === 'completed' ? 'success' : 'normal'}
              data-testid="sop-run-progress"
            />
          </Space>
        </Flex>
        <Timeline
          items={dates.map((date) => {
            const tasks = byDate.get(date) ?? [];
            const allDone = tasks.every((task) => task.done);
            const late = tasks.some((task) => task.overdue);
            return {
              color: allDone ? 'green' : late ? 'red' : date <= today ? 'blue' : 'gray',
              content: (
                <div>
                  <Typography.Text strong>
                    {t('schedule.sop.dayLabel', { day: daysBetween(run.startDate, date) })}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {date}
                  </Typography.Text>
                  <Flex vertical gap={6} style={{ marginTop: 8 }}>
                    {tasks.map((task) => {
                      const blocked = !task.done && task.blockedBy.length > 0;
                      return (
                        <Flex
                          key={task.id}
                          align="flex-start"
                          gap={10}
                          className="lc-sop-task"
                          data-testid={`sop-task-${task.key}`}
                        >
                          <Tooltip
                            title={
                              blocked
                                ? t('schedule.sop.waitingFor', {
                                    tasks: task.blockedBy.map(titleOf).join('、'),
                                  })
                                : undefined
                            }
                          >
                            <Checkbox
                              checked={task.done}
                              disabled={!canManage || busyTask !== null}
                              onChange={() => void toggle(task)}
                              data-testid={`sop-check-${task.key}`}
                            />
                          </Tooltip>
                          <div style={{ flex: 1, minWidth: 0 }}>
                            <Space size={6} wrap>
                              <Typography.Text
                                delete={task.done}
                                type={task.done ? 'secondary' : undefined}
                                strong={!task.done}
                              >
                                {task.title}
                              </Typography.Text>
                              <Tag>{roleLabel(t, task.ownerRole)}</Tag>
                              {task.overdue ? (
                                <Tag color="error" icon={<ClockCircleOutlined />}>
                                  {t('schedule.sop.overdueTag')}
                                </Tag>
                              ) : null}
                              {blocked ? (
                                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                  <LockOutlined />{' '}
                                  {t('schedule.sop.waitingFor', {
                                    tasks: task.blockedBy.map(titleOf).join('、'),
                                  })}
                                </Typography.Text>
                              ) : null}
                            </Space>
                            <SopTaskAssign
                              task={task}
                              canManage={canManage}
                              assignees={assignees}
                              onChanged={onChanged}
                            />
                            {task.description ? (
                              <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
                                {task.description}
                              </Typography.Paragraph>
                            ) : null}
                          </div>
                        </Flex>
                      );
                    })}
                  </Flex>
                </div>
              ),
            };
          })}
        />
      </Flex>
    </Card>
  );
}
