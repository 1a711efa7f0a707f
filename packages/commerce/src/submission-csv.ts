import { parseYuan, readCsvTable } from '@livecloud/core';

/** The columns a bulk submission understands, each with the headers merchants actually use. */
export const csvColumns = {
  title: ['商品名称', '商品', '商品标题', '名称', 'title'],
  brand: ['品牌', 'brand'],
  category: ['类目', '商品类目', '分类', 'category'],
  spec: ['规格', 'sku', '规格型号', 'spec'],
  listPrice: ['原价', '划线价', '日常价', '吊牌价', 'listprice'],
  livePrice: ['直播价', '到手价', '活动价', 'liveprice'],
  cost: ['成本', '成本价', '供货价', 'cost'],
  commission: ['佣金比例', '佣金率', '佣金', 'commission'],
  stock: ['库存', '可供库存', '库存数量', 'stock'],
  claims: ['卖点', '商品卖点', '卖点描述', 'claims'],
} as const;
export type CsvColumn = keyof typeof csvColumns;

const requiredColumns: CsvColumn[] = [
  'title',
  'category',
  'listPrice',
  'livePrice',
  'cost',
  'commission',
  'stock',
];
export const maxCsvRows = 2000;

export interface CsvRowIssue {
  column: CsvColumn | null;
  code: string;
  message: string;
}

export interface CsvRowValues {
  title: string;
  brand: string | null;
  category: string;
  spec: string;
  listPriceFen: number;
  livePriceFen: number;
  costFen: number;
  commissionBp: number;
  stock: number;
  claims: string | null;
}

/** One data row: its values when they all parse, and what is wrong otherwise. */
export interface CsvRow {
  line: number;
  title: string;
  values: CsvRowValues | null;
  issues: CsvRowIssue[];
}

export interface ParsedCsv {
  rows: CsvRow[];
  /** Headers that match no known column; reported, not an error. */
  ignoredColumns: string[];
}

/** Yuan as merchants write it ("¥59.90", "59.9元", "1,299") to fen, with no floating point. */
export function parseYuanText(text: string): number | undefined {
  const fen = parseYuan(text.replace(/[¥￥元\s]/g, ''));
  return fen === undefined || fen < 0 ? undefined : fen;
}

/** A commission rate in percent ("20%", "12.5", "20％") to basis points: "20%" → 2000. */
export function parseCommissionText(text: string): number | undefined {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?[%％]?$/.exec(text.replace(/\s/g, ''));
  if (!match) return undefined;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : undefined;
}

/** A whole number of units ("1200", "1,200"). */
export function parseStockText(text: string): number | undefined {
  const plain = text.replace(/[\s,，]/g, '');
  if (!/^\d{1,9}$/.test(plain)) return undefined;
  return Number(plain);
}

/**
 * Parses a bulk submission CSV with Chinese headers into rows, each with its values or its
 * problems. A file that cannot be read as a table at all is refused as a whole (400).
 */
export function parseSubmissionCsv(text: string): ParsedCsv {
  const table = readCsvTable(text, { columns: csvColumns, required: requiredColumns, maxRows: maxCsvRows });
  return {
    rows: table.rows.map((row) => parseRow(row.line, row.cell)),
    ignoredColumns: table.ignoredColumns,
  };
}

function parseRow(line: number, cell: (column: CsvColumn) => string): CsvRow {
  const issues: CsvRowIssue[] = [];
  const issue = (column: CsvColumn, code: string, message: string) => issues.push({ column, code, message });
  const text = (column: CsvColumn, max: number, required: boolean): string | null => {
    const value = cell(column);
    if (value === '') {
      if (required) issue(column, 'missing_value', `${csvColumns[column][0]} is empty`);
      return null;
    }
    if (value.length > max)
      issue(column, 'too_long', `${csvColumns[column][0]} is longer than ${max} characters`);
    return value;
  };
  const number = (
    column: CsvColumn,
    parser: (t: string) => number | undefined,
    code: string,
    what: string,
  ): number => {
    const value = cell(column);
    if (value === '') {
      issue(column, 'missing_value', `${csvColumns[column][0]} is empty`);
      return 0;
    }
    const parsed = parser(value);
    if (parsed === undefined) issue(column, code, `${csvColumns[column][0]} "${value}" is not ${what}`);
    return parsed ?? 0;
  };

  const title = text('title', 100, true) ?? '';
  const brand = text('brand', 50, false);
  const category = text('category', 100, true) ?? '';
  const spec = text('spec', 50, false) ?? '默认';
  const claims = text('claims', 2000, false);
  const listPriceFen = number('listPrice', parseYuanText, 'price_invalid', 'an amount in yuan');
  const livePriceFen = number('livePrice', parseYuanText, 'price_invalid', 'an amount in yuan');
  const costFen = number('cost', parseYuanText, 'price_invalid', 'an amount in yuan');
  const commissionBp = number(
    'commission',
    parseCommissionText,
    'commission_invalid',
    'a percentage from 0% to 100%',
  );
  const stock = number('stock', parseStockText, 'stock_invalid', 'a whole number');
  if (issues.length === 0 && livePriceFen > listPriceFen) {
    issue('livePrice', 'live_price_above_list', 'The live price is above the list price');
  }
  return {
    line,
    title,
    values:
      issues.length === 0
        ? { title, brand, category, spec, listPriceFen, livePriceFen, costFen, commissionBp, stock, claims }
        : null,
    issues,
  };
}
