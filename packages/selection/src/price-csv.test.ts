import { AppError } from '@livecloud/core';
import { describe, expect, it } from 'vitest';
import { parseObservedText, parsePlatformText, parsePriceCsv, parsePriceText } from './price-csv.js';

describe('reading prices, platforms and times as sheets hold them', () => {
  it('turns yuan text into fen without floating point', () => {
    expect(parsePriceText('¥79.9')).toBe(7990);
    expect(parsePriceText('1,299元')).toBe(129_900);
    expect(parsePriceText('0')).toBe(0);
    expect(parsePriceText('79.999')).toBeUndefined();
    expect(parsePriceText('-1')).toBeUndefined();
  });

  it('knows platforms by their Chinese and English names', () => {
    expect(parsePlatformText('抖音')).toBe('douyin');
    expect(parsePlatformText('拼多多')).toBe('pdd');
    expect(parsePlatformText('WeChat_Channels')).toBe('wechat_channels');
    expect(parsePlatformText('微信视频号')).toBe('wechat_channels');
    expect(parsePlatformText('亚马逊')).toBeUndefined();
  });

  it('reads local sheet times as China time and ISO instants as they are', () => {
    expect(parseObservedText('2026-11-11 20:00')).toBe(Date.UTC(2026, 10, 11, 12));
    expect(parseObservedText('2026/11/11')).toBe(Date.UTC(2026, 10, 10, 16));
    expect(parseObservedText('2026-11-11T12:00:00Z')).toBe(Date.UTC(2026, 10, 11, 12));
    expect(parseObservedText('2026-11-11T20:00:00+08:00')).toBe(Date.UTC(2026, 10, 11, 12));
    expect(parseObservedText('2026-02-30')).toBeUndefined();
    expect(parseObservedText('2026-11-11 24:00')).toBeUndefined();
    expect(parseObservedText('昨天')).toBeUndefined();
  });
});

describe('parsing a price import', () => {
  it('reads Chinese headers with units in brackets, and answers each row with its line', () => {
    const csv =
      '\uFEFF商品ID,SKU ID,平台,价格(元),观测时间,来源链接,备注,负责人\r\n' +
      'prd_1,sku_red,抖音,79.90,2026-11-11 20:00,https://v.douyin.com/abc,双11 直播间,小王\r\n' +
      'prd_1,,京东,¥85,,京东自营,,\r\n' +
      ',sku_red,亚马逊,七十,明天,,,\r\n';
    const parsed = parsePriceCsv(csv);
    expect(parsed.ignoredColumns).toEqual(['负责人']);
    expect(parsed.rows[0]).toEqual({
      line: 2,
      productId: 'prd_1',
      skuId: 'sku_red',
      issues: [],
      values: {
        productId: 'prd_1',
        skuId: 'sku_red',
        platform: 'douyin',
        priceFen: 7990,
        observedAt: Date.UTC(2026, 10, 11, 12),
        reference: 'https://v.douyin.com/abc',
        note: '双11 直播间',
      },
    });
    expect(parsed.rows[1]?.values).toMatchObject({
      skuId: null,
      platform: 'jd',
      priceFen: 8500,
      observedAt: null,
    });
    expect(parsed.rows[2]).toMatchObject({ line: 4, values: null });
    expect(parsed.rows[2]?.issues.map((i) => [i.column, i.code])).toEqual([
      ['productId', 'missing_value'],
      ['platform', 'platform_unknown'],
      ['price', 'price_invalid'],
      ['observedAt', 'time_invalid'],
    ]);
  });

  it('accepts English headers and tab-separated files', () => {
    const parsed = parsePriceCsv(
      'product_id\tsku_id\tplatform\tprice (yuan)\tobserved_at\nprd_2\t\ttmall\t19.9\t2026-11-01\n',
    );
    expect(parsed.rows[0]?.values).toMatchObject({ productId: 'prd_2', platform: 'tmall', priceFen: 1990 });
  });

  it('refuses a file without the product or price column, or without rows, as a whole', () => {
    const missing = (() => {
      try {
        parsePriceCsv('平台,备注\n抖音,x\n');
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(missing).toBeInstanceOf(AppError);
    expect(missing).toMatchObject({ code: 'csv_missing_columns', details: { missing: ['商品ID', '价格'] } });
    expect(() => parsePriceCsv('商品ID,价格\n')).toThrow(expect.objectContaining({ code: 'csv_empty' }));
    expect(() => parsePriceCsv('商品ID,价格\n"prd_1,1\n')).toThrow(
      expect.objectContaining({ code: 'csv_malformed' }),
    );
  });
});
