import { describe, expect, it } from 'vitest';
import { readCsvTable } from './csv-table.js';
import { AppError } from './errors.js';

const options = {
  columns: { name: ['名称', 'name'], price: ['价格', 'price'], note: ['备注', 'note'] },
  required: ['name', 'price'] as const,
  maxRows: 2,
};

function codeOf(text: string): string | undefined {
  try {
    readCsvTable(text, options);
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
}

describe('readCsvTable', () => {
  it('maps headers by any of their names, ignoring units, spaces, case and a BOM', () => {
    const table = readCsvTable('\uFEFF 名称 ,Price (yuan),颜色\r\n面膜, 59.9 ,红\n', options);
    expect(table.ignoredColumns).toEqual(['颜色']);
    expect(table.rows.map((r) => [r.line, r.cell('name'), r.cell('price'), r.cell('note')])).toEqual([
      [2, '面膜', '59.9', ''],
    ]);
  });

  it('reads tab-separated files', () => {
    const table = readCsvTable('name\tprice\tnote\na\t1\tx\n', options);
    expect(table.rows[0]?.cell('note')).toBe('x');
  });

  it('refuses a file that is no table, names the missing columns, and caps the rows', () => {
    expect(codeOf('')).toBe('csv_empty');
    expect(codeOf('名称,价格\n')).toBe('csv_empty');
    expect(codeOf('名称,价格\n"a,1\n')).toBe('csv_malformed');
    expect(codeOf('名称,备注\na,b\n')).toBe('csv_missing_columns');
    expect(codeOf('名称,价格\na,1\nb,2\nc,3\n')).toBe('csv_too_many_rows');
  });

  it('shows a missing column by its first name', () => {
    expect(() => readCsvTable('name\nx\n', options)).toThrow('The header lacks: 价格');
  });
});
