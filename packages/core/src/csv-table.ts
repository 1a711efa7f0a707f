import { CsvError, parse } from 'csv-parse/sync';
import { AppError } from './errors.js';

/** What a table file must look like: its columns with the headers people write (the first is shown). */
export interface CsvTableOptions<C extends string> {
  columns: Readonly<Record<C, readonly string[]>>;
  /** Columns the header must name; a file without one of them is refused. */
  required: readonly NoInfer<C>[];
  /** Most data rows per file. */
  maxRows: number;
}

/** One data row, read by column. */
export interface CsvTableRow<C extends string> {
  /** Line in the file; the header is line 1. */
  line: number;
  /** The trimmed cell of a column, '' when the file has no such column or the row no such cell. */
  readonly cell: (column: C) => string;
}

export interface CsvTable<C extends string> {
  rows: CsvTableRow<C>[];
  /** Headers that match no known column; reported, not an error. */
  ignoredColumns: string[];
}

/** "价格（元）", " SKU ID " and "List_Price" all name their column. */
function normaliseHeader(header: string): string {
  return header
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s\u3000_-]/g, '')
    .toLowerCase();
}

function isInfoRecord(value: unknown): value is { info: { lines: number }; record: string[] } {
  if (typeof value !== 'object' || value === null || !('info' in value) || !('record' in value)) return false;
  const { info, record } = value;
  return (
    typeof info === 'object' &&
    info !== null &&
    typeof (info as { lines?: unknown }).lines === 'number' &&
    Array.isArray(record)
  );
}

/**
 * Reads a CSV (or tab-separated) file with a header row into rows addressed by column, the
 * header matched to the known columns by any of their names. A file that cannot be read as such
 * a table is refused as a whole (AppError `invalid`: `csv_malformed`, `csv_empty`,
 * `csv_too_many_rows`, `csv_missing_columns`).
 */
export function readCsvTable<C extends string>(text: string, options: CsvTableOptions<C>): CsvTable<C> {
  const { columns, required, maxRows } = options;
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  let entries: unknown[];
  try {
    entries = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (error) {
    if (error instanceof CsvError)
      throw AppError.invalid('csv_malformed', `The file is not a readable CSV: ${error.message}`);
    throw error;
  }
  const records = entries.filter(isInfoRecord);
  const header = records[0];
  if (!header) throw AppError.invalid('csv_empty', 'The file has no header row');
  if (records.length - 1 > maxRows) {
    throw AppError.invalid('csv_too_many_rows', `At most ${maxRows} rows per file`, {
      rows: records.length - 1,
      max: maxRows,
    });
  }
  const known = Object.keys(columns) as C[];
  const columnOf = (name: string): C | undefined => {
    const normalised = normaliseHeader(name);
    return known.find((column) => columns[column].some((alias) => normaliseHeader(alias) === normalised));
  };
  const indexOf = new Map<C, number>();
  const ignoredColumns: string[] = [];
  header.record.forEach((name, index) => {
    const column = columnOf(name);
    if (column && !indexOf.has(column)) indexOf.set(column, index);
    else if (name !== '') ignoredColumns.push(name);
  });
  const missing = required.filter((c) => !indexOf.has(c)).map((c) => columns[c][0] ?? c);
  if (missing.length > 0) {
    throw AppError.invalid('csv_missing_columns', `The header lacks: ${missing.join(', ')}`, { missing });
  }
  const rows = records.slice(1).map(({ info, record }) => ({
    line: info.lines,
    cell: (column: C) => {
      const index = indexOf.get(column);
      return index === undefined ? '' : (record[index] ?? '').trim();
    },
  }));
  if (rows.length === 0) throw AppError.invalid('csv_empty', 'The file has a header but no rows');
  return { rows, ignoredColumns };
}
