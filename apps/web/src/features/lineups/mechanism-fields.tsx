import { type MechanismType } from '@livecloud/contracts/vocabulary';
import type { Mechanism } from '@livecloud/schedule/schemas';
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { fenToYuan, yuanToFen } from './lineups.api';

/** The form fields of every mechanism; only those of the chosen type are shown and sent. */
export interface MechanismValues {
  mechanismType: MechanismType;
  discountYuan?: string;
  thresholdYuan?: string;
  couponQuantity?: number | null;
  giftName?: string;
  giftValueYuan?: string;
  giftQuantity?: number;
  flashPriceYuan?: string;
  flashQuantity?: number;
  flashMinutes?: number;
  prize?: string;
  winners?: number;
  giveawayMinutes?: number;
  condition?: 'comment' | 'follow' | 'fanclub';
}

export function toMechanism(v: MechanismValues): Mechanism {
  switch (v.mechanismType) {
    case 'none':
      return { type: 'none' };
    case 'coupon':
      return {
        type: 'coupon',
        discountFen: yuanToFen(v.discountYuan) ?? 0,
        thresholdFen: yuanToFen(v.thresholdYuan) ?? 0,
        quantity: v.couponQuantity ?? null,
      };
    case 'gift':
      return {
        type: 'gift',
        giftName: (v.giftName ?? '').trim(),
        giftValueFen: yuanToFen(v.giftValueYuan),
        quantity: v.giftQuantity ?? 1,
      };
    case 'flash_sale':
      return {
        type: 'flash_sale',
        flashPriceFen: yuanToFen(v.flashPriceYuan) ?? 0,
        quantity: v.flashQuantity ?? 1,
        durationMinutes: v.flashMinutes ?? 5,
      };
    case 'giveaway':
      return {
        type: 'giveaway',
        prize: (v.prize ?? '').trim(),
        winners: v.winners ?? 1,
        durationMinutes: v.giveawayMinutes ?? 5,
        condition: v.condition ?? 'comment',
      };
  }
}

export function mechanismValues(m: Mechanism): MechanismValues {
  switch (m.type) {
    case 'none':
      return { mechanismType: 'none' };
    case 'coupon':
      return {
        mechanismType: 'coupon',
        discountYuan: fenToYuan(m.discountFen),
        thresholdYuan: fenToYuan(m.thresholdFen),
        couponQuantity: m.quantity ?? null,
      };
    case 'gift':
      return {
        mechanismType: 'gift',
        giftName: m.giftName,
        giftValueYuan: fenToYuan(m.giftValueFen),
        giftQuantity: m.quantity,
      };
    case 'flash_sale':
      return {
        mechanismType: 'flash_sale',
        flashPriceYuan: fenToYuan(m.flashPriceFen),
        flashQuantity: m.quantity,
        flashMinutes: m.durationMinutes,
      };
    case 'giveaway':
      return {
        mechanismType: 'giveaway',
        prize: m.prize,
        winners: m.winners,
        giveawayMinutes: m.durationMinutes,
        condition: m.condition,
      };
  }
}

const yuanRule = (message: string, required = true) => ({
  required,
  validator: async (_: unknown, value: unknown) => {
    if ((value === undefined || value === null || value === '') && !required) return;
    if (yuanToFen(value as string) === null) throw new Error(message);
  },
});

export function MechanismFields() {
  const { t } = useTranslation();
  const type = Form.useWatch<MechanismType | undefined>('mechanismType');
  const yuanMessage = t('schedule.lineups.yuanInvalid');
  const yuan = <InputNumber<string> stringMode min="0" precision={2} prefix="¥" style={{ width: '100%' }} />;
  const count = (min = 1) => <InputNumber min={min} precision={0} style={{ width: '100%' }} />;
  return (
    <>
      <Form.Item name="mechanismType" label={t('schedule.lineups.mechanism')}>
        <Select
          data-testid="lineup-mechanism"
          options={(['none', 'coupon', 'gift', 'flash_sale', 'giveaway'] as const).map((m) => ({
            value: m,
            label: t(`schedule.mechanism.${m}`),
          }))}
        />
      </Form.Item>
      {type === 'coupon' ? (
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="discountYuan"
              label={t('schedule.lineups.couponDiscount')}
              dependencies={['livePriceYuan']}
              rules={[
                yuanRule(yuanMessage),
                ({ getFieldValue }) => ({
                  // The server refuses it too (coupon_not_below_price); say so before saving.
                  validator: async (_: unknown, value: unknown) => {
                    const discount = yuanToFen(value as string);
                    const live = yuanToFen(getFieldValue('livePriceYuan') as string);
                    if (discount !== null && live !== null && discount >= live)
                      throw new Error(t('schedule.lineups.couponNotBelow'));
                  },
                }),
              ]}
            >
              {yuan}
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="thresholdYuan"
              label={t('schedule.lineups.couponThreshold')}
              rules={[yuanRule(yuanMessage, false)]}
            >
              {yuan}
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="couponQuantity"
              label={t('schedule.lineups.quantity')}
              extra={t('schedule.lineups.unlimited')}
            >
              {count()}
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {type === 'gift' ? (
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item
              name="giftName"
              label={t('schedule.lineups.giftName')}
              rules={[{ required: true, whitespace: true, message: t('schedule.lineups.giftName') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item
              name="giftValueYuan"
              label={t('schedule.lineups.giftValue')}
              rules={[yuanRule(yuanMessage, false)]}
            >
              {yuan}
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item
              name="giftQuantity"
              label={t('schedule.lineups.quantity')}
              rules={[{ required: true }]}
            >
              {count()}
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {type === 'flash_sale' ? (
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="flashPriceYuan"
              label={t('schedule.lineups.flashPrice')}
              rules={[yuanRule(yuanMessage)]}
            >
              {yuan}
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="flashQuantity"
              label={t('schedule.lineups.quantity')}
              rules={[{ required: true }]}
            >
              {count()}
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="flashMinutes"
              label={t('schedule.lineups.duration')}
              rules={[{ required: true }]}
            >
              <InputNumber
                min={1}
                max={120}
                precision={0}
                suffix={t('schedule.minutes')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {type === 'giveaway' ? (
        <Row gutter={12}>
          <Col span={9}>
            <Form.Item
              name="prize"
              label={t('schedule.lineups.prize')}
              rules={[{ required: true, whitespace: true, message: t('schedule.lineups.prize') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="winners" label={t('schedule.lineups.winners')} rules={[{ required: true }]}>
              {count()}
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item
              name="giveawayMinutes"
              label={t('schedule.lineups.duration')}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="condition" label={t('schedule.lineups.condition')} rules={[{ required: true }]}>
              <Select
                options={(['comment', 'follow', 'fanclub'] as const).map((c) => ({
                  value: c,
                  label: t(`schedule.lineups.conditions.${c}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
    </>
  );
}
