import type { SopRunDto as SopRun, SopRunTaskDto as SopRunTask } from '@livecloud/schedule/schemas';
import { UserOutlined } from '@ant-design/icons';
import { App, DatePicker, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schedulingErrorMessage } from '../../lib/scheduling-error';
import { shanghaiDateTime } from '../../lib/shanghai-time';
import { sopApi } from './sop.api';
import type { SopAssigneeOptions } from './sop.queries';

export interface SopTaskAssignProps {
  task: SopRunTask;
  canManage: boolean;
  assignees: SopAssigneeOptions | undefined;
  onChanged: (run: SopRun) => void;
}

const wallFormat = 'YYYY-MM-DD HH:mm';

/**
 * Who a task is assigned to and when it is due. The picker shows Shanghai wall-clock time in
 * 24-hour form whatever the browser's zone: the value is built from the Shanghai wall string.
 */
export function SopTaskAssign({ task, canManage, assignees, onChanged }: SopTaskAssignProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const save = async (patch: Parameters<typeof sopApi.updateTask>[1]) => {
    setBusy(true);
    try {
      onChanged(await sopApi.updateTask(task.id, patch));
    } catch (cause) {
      void message.error(schedulingErrorMessage(t, cause));
    } finally {
      setBusy(false);
    }
  };

  const due = shanghaiDateTime(task.dueAt);
  if (!canManage || !assignees) {
    return (
      <Space size={6} wrap>
        <Tag icon={<UserOutlined />} data-testid={`sop-assignee-${task.key}`}>
          {task.assignee?.name ?? t('schedule.sop.unassigned')}
        </Tag>
        <Typography.Text type={task.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {t('schedule.sop.dueAt', { time: due })}
        </Typography.Text>
      </Space>
    );
  }

  const value = task.assignee ? `${task.assignee.type}:${task.assignee.id}` : undefined;
  return (
    <Space size={6} wrap>
      <Select
        size="small"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        disabled={busy}
        style={{ minWidth: 160 }}
        placeholder={t('schedule.sop.assignee')}
        aria-label={t('schedule.sop.assignee')}
        value={value}
        data-testid={`sop-assignee-${task.key}`}
        options={[
          {
            label: t('schedule.sop.assigneeStaff'),
            options: assignees.staff.map((s) => ({ value: `staff:${s.id}`, label: s.name })),
          },
          {
            label: t('schedule.sop.assigneeAnchors'),
            options: assignees.anchors.map((a) => ({ value: `anchor:${a.id}`, label: a.name })),
          },
        ]}
        onChange={(next: string | undefined) => {
          if (!next) return void save({ assignee: null });
          const [type, id] = next.split(':') as ['staff' | 'anchor', string];
          void save({ assignee: { type, id } });
        }}
      />
      <DatePicker
        size="small"
        showTime={{ format: 'HH:mm' }}
        format={wallFormat}
        allowClear={false}
        disabled={busy}
        status={task.overdue ? 'error' : undefined}
        aria-label={t('schedule.sop.due')}
        value={dayjs(due, wallFormat)}
        data-testid={`sop-due-${task.key}`}
        onChange={(next: Dayjs | null) => {
          if (next) void save({ dueAt: `${next.format('YYYY-MM-DDTHH:mm')}:00+08:00` });
        }}
      />
    </Space>
  );
}
