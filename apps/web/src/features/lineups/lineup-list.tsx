import type {
  LineupItemDto as LineupItem,
  LineupValidationDto as LineupValidation,
  Mechanism,
} from '@livecloud/schedule/schemas';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  HolderOutlined,
  WarningFilled,
} from '@ant-design/icons';
import { Button, Empty, Flex, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../lib/format';
import { problemText } from './lineup-problem';
import './lineups.css';

export interface LineupListProps {
  items: LineupItem[];
  problems: LineupValidation['problems'];
  canManage: boolean;
  busy: boolean;
  onReorder: (itemIds: string[]) => void;
  onEdit: (item: LineupItem) => void;
  onRemove: (item: LineupItem) => void;
}

const mechanismColor: Record<Mechanism['type'], string> = {
  none: 'default',
  coupon: 'orange',
  gift: 'green',
  flash_sale: 'red',
  giveaway: 'purple',
};

function useMechanismText() {
  const { t } = useTranslation();
  return (m: Mechanism): string => {
    switch (m.type) {
      case 'none':
        return '';
      case 'coupon':
        return m.thresholdFen > 0
          ? t('schedule.lineups.couponText', {
              threshold: formatFen(m.thresholdFen),
              discount: formatFen(m.discountFen),
            })
          : t('schedule.lineups.couponPlain', { discount: formatFen(m.discountFen) });
      case 'gift':
        return t('schedule.lineups.giftText', { name: m.giftName, count: m.quantity });
      case 'flash_sale':
        return t('schedule.lineups.flashText', {
          price: formatFen(m.flashPriceFen),
          count: m.quantity,
          minutes: m.durationMinutes,
        });
      case 'giveaway':
        return t('schedule.lineups.giveawayText', {
          prize: m.prize,
          count: m.winners,
          minutes: m.durationMinutes,
        });
    }
  };
}

/** The ordered line-up; drag a row (or use the arrows) to reorder, problems shown under each item. */
export function LineupList({
  items,
  problems,
  canManage,
  busy,
  onReorder,
  onEdit,
  onRemove,
}: LineupListProps) {
  const { t } = useTranslation();
  const mechanismText = useMechanismText();
  const [dragged, setDragged] = useState<string | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);

  const move = (from: number, to: number) => {
    const ids = items.map((i) => i.id);
    const [id] = ids.splice(from, 1);
    if (id === undefined) return;
    ids.splice(to, 0, id);
    if (ids.join() !== items.map((i) => i.id).join()) onReorder(ids);
  };

  const onDragOver = (event: DragEvent<HTMLDivElement>, index: number) => {
    if (!dragged) return;
    event.preventDefault();
    const box = event.currentTarget.getBoundingClientRect();
    setDropAt(event.clientY < box.top + box.height / 2 ? index : index + 1);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    const from = items.findIndex((i) => i.id === dragged);
    if (from >= 0 && dropAt !== null) move(from, dropAt > from ? dropAt - 1 : dropAt);
    setDragged(null);
    setDropAt(null);
  };

  if (items.length === 0)
    return <Empty description={t('schedule.lineups.empty')} data-testid="lineup-empty" />;
  return (
    <div
      className={`lc-lineup${busy ? ' lc-lineup-busy' : ''}`}
      data-testid="lineup-list"
      onDragLeave={(e) => e.currentTarget === e.target && setDropAt(null)}
    >
      {items.map((item, index) => {
        const itemProblems = problems.filter((p) => p.itemId === item.id);
        return (
          <div
            key={item.id}
            className={`lc-lineup-row${dragged === item.id ? ' lc-lineup-dragging' : ''}${dropAt === index ? ' lc-lineup-drop-before' : ''}${dropAt === index + 1 && index === items.length - 1 ? ' lc-lineup-drop-after' : ''}${itemProblems.length > 0 ? ' lc-lineup-warn' : ''}`}
            draggable={canManage && !busy}
            onDragStart={(event) => {
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/plain', item.id);
              setDragged(item.id);
            }}
            onDragEnd={() => {
              setDragged(null);
              setDropAt(null);
            }}
            onDragOver={(event) => onDragOver(event, index)}
            onDrop={onDrop}
            data-testid={`lineup-row-${index + 1}`}
            data-item-id={item.id}
          >
            {canManage ? <HolderOutlined className="lc-lineup-handle" /> : null}
            <div className="lc-lineup-pos">{item.position}</div>
            <div className="lc-lineup-main">
              <Flex align="center" gap={8} wrap>
                <Typography.Text strong data-testid="lineup-title">
                  {item.product?.title ?? item.productId}
                </Typography.Text>
                <Typography.Text type="secondary" className="lc-mono" style={{ fontSize: 12 }}>
                  {item.product?.skuName ?? item.skuId}
                </Typography.Text>
                {item.mechanism.type !== 'none' ? (
                  <Tag color={mechanismColor[item.mechanism.type]} style={{ marginInlineEnd: 0 }}>
                    {t(`schedule.mechanism.${item.mechanism.type}`)} · {mechanismText(item.mechanism)}
                  </Tag>
                ) : null}
              </Flex>
              {item.note ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                  {item.note}
                </Typography.Text>
              ) : null}
              {itemProblems.map((problem) => {
                const text = problemText(t, problem);
                return (
                  <div
                    key={problem.code}
                    className={`lc-lineup-problem lc-lineup-problem-${problem.severity}`}
                    data-testid="lineup-problem"
                    data-code={problem.code}
                  >
                    <WarningFilled /> {text.title}
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                      {text.detail}
                    </Typography.Text>
                  </div>
                );
              })}
            </div>
            <div className="lc-lineup-num">
              <span>{t('schedule.lineups.explainShort')}</span>
              <b>{t('schedule.lineups.minutesValue', { count: item.explainMinutes })}</b>
            </div>
            <div className="lc-lineup-num">
              <span>{t('schedule.lineups.livePrice')}</span>
              <b>{formatFen(item.livePriceFen)}</b>
            </div>
            <div className="lc-lineup-num">
              <span>{t('schedule.lineups.stock')}</span>
              <b>{item.stockAllocation.toLocaleString()}</b>
            </div>
            {canManage ? (
              <Space size={0} className="lc-lineup-actions">
                <Tooltip title={t('schedule.lineups.up')}>
                  <Button
                    type="text"
                    size="small"
                    icon={<ArrowUpOutlined />}
                    disabled={index === 0 || busy}
                    onClick={() => move(index, index - 1)}
                    aria-label={t('schedule.lineups.up')}
                  />
                </Tooltip>
                <Tooltip title={t('schedule.lineups.down')}>
                  <Button
                    type="text"
                    size="small"
                    icon={<ArrowDownOutlined />}
                    disabled={index === items.length - 1 || busy}
                    onClick={() => move(index, index + 1)}
                    aria-label={t('schedule.lineups.down')}
                  />
                </Tooltip>
                <Button
                  type="text"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => onEdit(item)}
                  aria-label={t('schedule.lineups.editTitle')}
                />
                <Popconfirm
                  title={t('schedule.lineups.removeConfirm')}
                  okText={t('schedule.lineups.remove')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => onRemove(item)}
                >
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('schedule.lineups.remove')}
                  />
                </Popconfirm>
              </Space>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
