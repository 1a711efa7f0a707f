import type {
  ComponentScoreDto as ComponentScore,
  RequirementDto as Requirement,
  SelectionSessionDto as SelectionSession,
  SkuScoreDto as SkuScore,
} from '@livecloud/selection/schemas';
import { Alert, Drawer, Flex, Progress, Table, Tag, Typography, type TableProps } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatRatio, reasonText, scoreColor } from './selection-format';

/** The raw value of a component the way it reads best: rates as percentages, stock as a multiple. */
function rawText(component: ComponentScore): string {
  if (component.raw === null) return '—';
  if (component.component === 'stock') return `${component.raw.toFixed(2)}×`;
  if (component.component === 'lowest_price')
    return `${component.raw > 0 ? '+' : ''}${formatRatio(component.raw)}`;
  return formatRatio(component.raw);
}

export function componentLabel(t: TFunction, component: ComponentScore['component']): string {
  return t(`selection.component.${component}`);
}

/** Every component of one SKU's score: raw value, 0–1 value, weight, points and the reason in words. */
export function ScoreBreakdownDrawer({
  item,
  session,
  requirements,
  onClose,
}: {
  item: SkuScore | null;
  session: SelectionSession | null;
  requirements: readonly Requirement[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const columns: TableProps<ComponentScore>['columns'] = [
    {
      key: 'component',
      title: t('selection.column.score'),
      width: 110,
      render: (_, c) => (
        <Typography.Text strong={c.applicable} type={c.applicable ? undefined : 'secondary'}>
          {componentLabel(t, c.component)}
        </Typography.Text>
      ),
    },
    {
      key: 'raw',
      title: t('selection.breakdown.raw'),
      width: 90,
      align: 'right',
      render: (_, c) => <span className="lc-nowrap">{rawText(c)}</span>,
    },
    {
      key: 'normalised',
      title: t('selection.breakdown.normalised'),
      width: 130,
      render: (_, c) =>
        c.normalised === null ? (
          <Tag>{t('selection.breakdown.notApplicable')}</Tag>
        ) : (
          <Progress
            percent={Math.round(c.normalised * 100)}
            size="small"
            strokeColor={scoreColor(c.normalised * 100)}
          />
        ),
    },
    {
      key: 'weight',
      title: t('selection.breakdown.weight'),
      width: 70,
      align: 'right',
      render: (_, c) => c.weight,
    },
    {
      key: 'points',
      title: t('selection.breakdown.points'),
      width: 70,
      align: 'right',
      render: (_, c) =>
        c.applicable ? <Typography.Text strong>{c.points.toFixed(1)}</Typography.Text> : '—',
    },
  ];
  return (
    <Drawer
      open={item !== null}
      onClose={onClose}
      size={720}
      title={item ? t('selection.breakdown.title', { title: `${item.title} · ${item.spec}` }) : ''}
      destroyOnHidden
    >
      {item ? (
        <Flex vertical gap={16} data-testid="score-breakdown">
          <Flex align="center" gap={20}>
            <Progress
              type="circle"
              size={88}
              percent={item.score ?? 0}
              strokeColor={scoreColor(item.score)}
              format={() => (item.score === null ? '—' : item.score.toFixed(1))}
            />
            <Flex vertical gap={4}>
              <Typography.Text type="secondary">{t('selection.breakdown.formula')}</Typography.Text>
              <Typography.Text>
                {session
                  ? t('selection.breakdown.session', { title: session.title })
                  : t('selection.breakdown.noSession')}
              </Typography.Text>
              {item.score === null ? (
                <Alert type="info" showIcon title={t('selection.breakdown.noScore')} />
              ) : null}
            </Flex>
          </Flex>
          <Table<ComponentScore>
            rowKey="component"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={item.components}
            expandable={{
              defaultExpandAllRows: true,
              expandedRowRender: (c) => (
                <Typography.Text
                  type={c.applicable ? undefined : 'secondary'}
                  data-testid={`reason-${c.component}`}
                >
                  {reasonText(t, c, requirements)}
                </Typography.Text>
              ),
              showExpandColumn: false,
            }}
          />
        </Flex>
      ) : null}
    </Drawer>
  );
}
