import { AppError } from '@livecloud/core';
import { describe, expect, it } from 'vitest';
import { parseCommissionText, parseStockText, parseSubmissionCsv, parseYuanText } from './submission-csv.js';

const header = '商品名称,品牌,类目,规格,原价,直播价,成本,佣金比例,库存,卖点';

describe('reading money, rates and stock as merchants write them', () => {
  it('turns yuan text into fen without floating point', () => {
    expect(parseYuanText('59.9')).toBe(5990);
    expect(parseYuanText('¥1,299.00')).toBe(129_900);
    expect(parseYuanText('￥0.07')).toBe(7);
    expect(parseYuanText('19.99元')).toBe(1999);
    expect(parseYuanText('0.1')).toBe(10);
    expect(parseYuanText('12.345')).toBeUndefined();
    expect(parseYuanText('-5')).toBeUndefined();
    expect(parseYuanText('abc')).toBeUndefined();
  });

  it('turns commission percentages into basis points', () => {
    expect(parseCommissionText('20%')).toBe(2000);
    expect(parseCommissionText('12.5%')).toBe(1250);
    expect(parseCommissionText('0.35％')).toBe(35);
    expect(parseCommissionText('30')).toBe(3000);
    expect(parseCommissionText('100%')).toBe(10_000);
    expect(parseCommissionText('120%')).toBeUndefined();
    expect(parseCommissionText('二成')).toBeUndefined();
  });

  it('reads whole-number stock with thousands separators', () => {
    expect(parseStockText('1,200')).toBe(1200);
    expect(parseStockText('0')).toBe(0);
    expect(parseStockText('3.5')).toBeUndefined();
    expect(parseStockText('-1')).toBeUndefined();
  });
});

describe('parsing a bulk submission CSV', () => {
  it('reads Chinese headers (with a BOM and units in brackets) and reports each row with its line', () => {
    const csv = `\uFEFF商品名称,品牌,类目,规格,原价（元）,直播价(元),成本,佣金比例,库存,卖点,备注\r\n玻尿酸精华,水漾,美妆/护肤,30ml,¥199,129.00,45.5,20%,"1,000","补水, 保湿",内部\r\n`;
    const parsed = parseSubmissionCsv(csv);
    expect(parsed.ignoredColumns).toEqual(['备注']);
    expect(parsed.rows).toEqual([
      {
        line: 2,
        title: '玻尿酸精华',
        issues: [],
        values: {
          title: '玻尿酸精华',
          brand: '水漾',
          category: '美妆/护肤',
          spec: '30ml',
          listPriceFen: 19_900,
          livePriceFen: 12_900,
          costFen: 4550,
          commissionBp: 2000,
          stock: 1000,
          claims: '补水, 保湿',
        },
      },
    ]);
  });

  it('keeps good rows and names every problem of a bad row by column', () => {
    const csv = [
      header,
      '面膜,水漾,美妆,10片,99,69,20,25%,300,',
      ',水漾,美妆,10片,abc,69,20,250%,-3,',
      '口红,花漾,美妆,#01,59,79,20,10%,100,',
    ].join('\n');
    const { rows } = parseSubmissionCsv(csv);
    expect(rows[0]?.values?.livePriceFen).toBe(6900);
    expect(rows[1]?.values).toBeNull();
    expect(rows[1]?.issues.map((i) => [i.column, i.code])).toEqual([
      ['title', 'missing_value'],
      ['listPrice', 'price_invalid'],
      ['commission', 'commission_invalid'],
      ['stock', 'stock_invalid'],
    ]);
    expect(rows[2]?.issues).toEqual([
      {
        column: 'livePrice',
        code: 'live_price_above_list',
        message: 'The live price is above the list price',
      },
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it('reads a tab-separated export too, and defaults the spec', () => {
    const csv = [
      '商品名称\t类目\t原价\t直播价\t成本\t佣金比例\t库存',
      '牛肉干\t食品\t39.9\t29.9\t12\t15%\t800',
    ].join('\n');
    expect(parseSubmissionCsv(csv).rows[0]?.values).toMatchObject({
      spec: '默认',
      brand: null,
      costFen: 1200,
      commissionBp: 1500,
    });
  });

  it('refuses a file without the required columns, an empty file, or broken quoting as a whole', () => {
    const expectCode = (csv: string, code: string) => {
      try {
        parseSubmissionCsv(csv);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe(code);
      }
    };
    expectCode('商品名称,品牌\n面膜,水漾', 'csv_missing_columns');
    expectCode('', 'csv_empty');
    expectCode(header, 'csv_empty');
    expectCode(`${header}\n"面膜,水漾,美妆`, 'csv_malformed');
  });
});
