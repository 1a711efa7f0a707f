import { parseYuan, readCsvTable } from '@livecloud/core';
import type { PricePlatform } from './selection.tables.js';

/** The columns a price import understands, each with the headers people actually write (first one is shown). */
export const priceCsvColumns = {
  productId: ['商品ID', '商品编号', 'productid', 'product'],
  skuId: ['SKU ID', 'skuid', 'sku', 'sku编号', '规格ID'],
  platform: ['平台', '渠道', 'platform'],
  price: ['价格', '售价', '到手价', '观测价格', 'price'],
  observedAt: ['观测时间', '时间', '日期', 'observedat', 'time', 'date'],
  reference: ['来源链接', '链接', '店铺', '来源', 'reference', 'url', 'link'],
  note: ['备注', 'note', 'notes'],
} as const;
export type PriceCsvColumn = keyof typeof priceCsvColumns;

const requiredColumns: PriceCsvColumn[] = ['productId', 'price'];
export const maxPriceCsvRows = 2000;

/** Platform names as they appear in sheets, Chinese and English, to the stored code. */
const platformAliases: Record<string, PricePlatform> = {
  抖音: 'douyin',
  douyin: 'douyin',
  快手: 'kuaishou',
  kuaishou: 'kuaishou',
  淘宝: 'taobao',
  taobao: 'taobao',
  小红书: 'xiaohongshu',
  xiaohongshu: 'xiaohongshu',
  视频号: 'wechat_channels',
  微信视频号: 'wechat_channels',
  wechatchannels: 'wechat_channels',
  wechat: 'wechat_channels',
  京东: 'jd',
  jd: 'jd',
  拼多多: 'pdd',
  pdd: 'pdd',
  pinduoduo: 'pdd',
  天猫: 'tmall',
  tmall: 'tmall',
  其他: 'other',
  其它: 'other',
  other: 'other',
};

export interface PriceCsvIssue {
  column: PriceCsvColumn | null;
  code: string;
  message: string;
}

export interface PriceCsvValues {
  productId: string;
  skuId: string | null;
  platform: PricePlatform | null;
  priceFen: number;
  /** Epoch ms; null when the cell was empty (the import time is used). */
  observedAt: number | null;
  reference: string | null;
  note: string | null;
}

export interface PriceCsvRow {
  /** Line in the file; the header is line 1. */
  line: number;
  productId: string;
  skuId: string | null;
  values: PriceCsvValues | null;
  issues: PriceCsvIssue[];
}

export interface ParsedPriceCsv {
  rows: PriceCsvRow[];
  /** Headers that match no known column; reported, not an error. */
  ignoredColumns: string[];
}

/** Yuan as people write it ("¥59.90", "59.9元", "1,299") to fen, with no floating point. */
export function parsePriceText(text: string): number | undefined {
  const fen = parseYuan(text.replace(/[¥￥元\s]/g, ''));
  return fen === undefined || fen < 0 ? undefined : fen;
}

export function parsePlatformText(text: string): PricePlatform | undefined {
  return platformAliases[text.replace(/[\s_-]/g, '').toLowerCase()];
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const localTime = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
/** China has kept UTC+8 all year since 1991, so a fixed offset reads local sheet times exactly. */
const shanghaiOffsetMs = 8 * 3600_000;

/**
 * A time as sheets hold it to epoch ms: an ISO instant with an offset, or a local
 * "2026-11-20 20:00" / "2026/11/20" read as China time (UTC+8). Undefined when it is neither.
 */
export function parseObservedText(text: string): number | undefined {
  const value = text.trim();
  if (isoInstant.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  const match = localTime.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2026-02-30 over into March; such a date is refused, not moved.
  if (new Date(utc).getUTCDate() !== day) return undefined;
  return utc - shanghaiOffsetMs;
}

/**
 * Parses a price import with Chinese (or English) headers into rows, each with its values or
 * its problems. A file that cannot be read as a table at all is refused as a whole (400).
 */
export function parsePriceCsv(text: string): ParsedPriceCsv {
  const table = readCsvTable(text, {
    columns: priceCsvColumns,
    required: requiredColumns,
    maxRows: maxPriceCsvRows,
  });
  return {
    rows: table.rows.map((row) => parseRow(row.line, row.cell)),
    ignoredColumns: table.ignoredColumns,
  };
}

function parseRow(line: number, cell: (column: PriceCsvColumn) => string): PriceCsvRow {
  const issues: PriceCsvIssue[] = [];
  const issue = (column: PriceCsvColumn, code: string, message: string) =>
    issues.push({ column, code, message });
  const name = (column: PriceCsvColumn) => priceCsvColumns[column][0];
  const text = (column: PriceCsvColumn, max: number): string | null => {
    const value = cell(column);
    if (value === '') return null;
    if (value.length > max) issue(column, 'too_long', `${name(column)} is longer than ${max} characters`);
    return value;
  };

  const productId = text('productId', 64) ?? '';
  if (productId === '') issue('productId', 'missing_value', `${name('productId')} is empty`);
  const skuId = text('skuId', 64);
  const reference = text('reference', 500);
  const note = text('note', 500);

  const platformText = cell('platform');
  const platform = platformText === '' ? null : (parsePlatformText(platformText) ?? null);
  if (platformText !== '' && platform === null)
    issue('platform', 'platform_unknown', `${name('platform')} "${platformText}" is not a platform we know`);

  const priceText = cell('price');
  const priceFen = priceText === '' ? undefined : parsePriceText(priceText);
  if (priceText === '') issue('price', 'missing_value', `${name('price')} is empty`);
  else if (priceFen === undefined)
    issue('price', 'price_invalid', `${name('price')} "${priceText}" is not an amount in yuan`);

  const observedText = cell('observedAt');
  const observedAt = observedText === '' ? null : (parseObservedText(observedText) ?? null);
  if (observedText !== '' && observedAt === null)
    issue('observedAt', 'time_invalid', `${name('observedAt')} "${observedText}" is not a date and time`);

  return {
    line,
    productId,
    skuId,
    values:
      issues.length === 0 && priceFen !== undefined
        ? { productId, skuId, platform, priceFen, observedAt, reference, note }
        : null,
    issues,
  };
}
