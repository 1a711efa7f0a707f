import type { ClashDto as Clash } from '@livecloud/schedule/schemas';
import { Alert, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { shanghaiDateTime, shanghaiTime } from '../../lib/shanghai-time';

const resourceColor: Record<Clash['resource'], string> = {
  room: 'geekblue',
  anchor: 'magenta',
  account: 'orange',
};

/** Every clash of a refused booking: which room, anchor or account, taken by which session, when. */
export function ConflictAlert({ clashes }: { clashes: Clash[] }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      data-testid="schedule-conflict"
      title={t('schedule.schedule.conflictTitle', { count: clashes.length })}
      description={
        <List
          size="small"
          split={false}
          dataSource={clashes}
          renderItem={(clash) => (
            <List.Item
              style={{ padding: '4px 0', justifyContent: 'flex-start' }}
              data-testid="schedule-clash"
            >
              <Flex wrap align="center" gap={6}>
                <Tag color={resourceColor[clash.resource]} style={{ marginInlineEnd: 0 }}>
                  {t(`schedule.resource.${clash.resource}`)}
                </Tag>
                <Typography.Text strong className="lc-nowrap">
                  {clash.resourceName}
                </Typography.Text>
                <Typography.Text className="lc-nowrap">
                  {t('schedule.schedule.clashBy', { title: clash.sessionTitle })}
                </Typography.Text>
                <Typography.Text type="secondary" className="lc-nowrap">
                  {shanghaiDateTime(clash.plannedStart)}–{shanghaiTime(Date.parse(clash.plannedEnd))}
                </Typography.Text>
                {clash.occurrenceDate ? (
                  <Tag style={{ marginInlineEnd: 0 }}>{clash.occurrenceDate}</Tag>
                ) : null}
              </Flex>
            </List.Item>
          )}
        />
      }
    />
  );
}
