import type { SopTemplateDto as SopTemplate } from '@livecloud/schedule/schemas';
import { EditOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Card, List, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../../i18n/labels';

/** The SOP templates with their tasks (day, owner, what each waits for); managers edit or archive them. */
export function SopTemplatesTable({
  templates,
  loading,
  canManage,
  onEdit,
  onArchive,
}: {
  templates: SopTemplate[];
  loading: boolean;
  canManage: boolean;
  onEdit: (template: SopTemplate) => void;
  onArchive: (template: SopTemplate) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card className="lc-card">
      <Table<SopTemplate>
        rowKey="id"
        loading={loading}
        dataSource={templates}
        pagination={false}
        expandable={{
          expandedRowRender: (tpl) => (
            <List
              size="small"
              dataSource={tpl.tasks}
              renderItem={(task) => (
                <List.Item>
                  <Space wrap>
                    <Tag>D{task.dueDay}</Tag>
                    <Typography.Text strong>{task.title}</Typography.Text>
                    <Tag color="blue">{roleLabel(t, task.ownerRole)}</Tag>
                    {task.dependsOn.length > 0 ? (
                      <Typography.Text type="secondary">
                        {t('schedule.sop.after', {
                          tasks: task.dependsOn
                            .map((k) => tpl.tasks.find((x) => x.key === k)?.title ?? k)
                            .join('、'),
                        })}
                      </Typography.Text>
                    ) : null}
                  </Space>
                </List.Item>
              )}
            />
          ),
        }}
        columns={[
          {
            key: 'name',
            title: t('schedule.sop.templateName'),
            render: (_, tpl) => (
              <Space>
                <Typography.Text strong>{tpl.name}</Typography.Text>
                {tpl.isDefault ? <Tag color="gold">{t('schedule.sop.builtIn')}</Tag> : null}
              </Space>
            ),
          },
          {
            key: 'version',
            title: t('schedule.sop.version'),
            width: 90,
            render: (_, tpl) => `v${tpl.version}`,
          },
          {
            key: 'tasks',
            title: t('schedule.sop.taskCount'),
            width: 100,
            render: (_, tpl) => tpl.tasks.length,
          },
          {
            key: 'days',
            title: t('schedule.sop.span'),
            width: 110,
            render: (_, tpl) =>
              t('schedule.sop.daysValue', { count: Math.max(...tpl.tasks.map((x) => x.dueDay)) }),
          },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 170,
                  render: (_: unknown, tpl: SopTemplate) => (
                    <Space size={0}>
                      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(tpl)}>
                        {t('schedule.accounts.editAction')}
                      </Button>
                      <Popconfirm
                        title={t('schedule.sop.archiveConfirm')}
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => onArchive(tpl)}
                      >
                        <Button type="link" size="small" danger icon={<InboxOutlined />}>
                          {t('schedule.sop.archive')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
