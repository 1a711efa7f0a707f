import {
  defaultScoreWeights as defaultWeights,
  scoreComponents,
  type ScoreComponent,
} from '@livecloud/contracts/vocabulary';
import { ControlOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, InputNumber, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Weights = Partial<Record<ScoreComponent, number>>;

/** Edits the score weights for this page; only the ones that differ from the defaults are sent. */
export function WeightsPopover({
  value,
  onChange,
}: {
  value: Weights;
  onChange: (weights: Weights) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Record<ScoreComponent, number>>({ ...defaultWeights, ...value });
  const sum = scoreComponents.reduce((total, c) => total + draft[c], 0);
  const custom = Object.keys(value).length > 0;

  const apply = () => {
    const changed: Weights = {};
    for (const c of scoreComponents) if (draft[c] !== defaultWeights[c]) changed[c] = draft[c];
    onChange(changed);
    setOpen(false);
  };

  const content = (
    <Flex vertical gap={8} style={{ width: 260 }} data-testid="selection-weights">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('selection.weights.hint')}
      </Typography.Text>
      {scoreComponents.map((c) => (
        <Flex key={c} justify="space-between" align="center">
          <span>{t(`selection.component.${c}`)}</span>
          <InputNumber
            size="small"
            min={0}
            max={100}
            step={5}
            precision={0}
            value={draft[c]}
            onChange={(next) => setDraft((d) => ({ ...d, [c]: next ?? 0 }))}
            style={{ width: 80 }}
          />
        </Flex>
      ))}
      {sum <= 0 ? <Typography.Text type="danger">{t('selection.weights.sumZero')}</Typography.Text> : null}
      <Flex justify="flex-end" gap={8}>
        <Button size="small" onClick={() => setDraft({ ...defaultWeights })}>
          {t('selection.weights.reset')}
        </Button>
        <Button size="small" type="primary" disabled={sum <= 0} onClick={apply}>
          {t('selection.weights.apply')}
        </Button>
      </Flex>
    </Flex>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('selection.weights.title')}
      content={content}
      open={open}
      onOpenChange={(next) => {
        if (next) setDraft({ ...defaultWeights, ...value });
        setOpen(next);
      }}
    >
      <Badge dot={custom} title={custom ? t('selection.weights.custom') : undefined}>
        <Button icon={<ControlOutlined />}>{t('selection.filter.weights')}</Button>
      </Badge>
    </Popover>
  );
}
