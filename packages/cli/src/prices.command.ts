import { readFileSync } from 'node:fs';
import type { ImportReportDto } from '@livecloud/selection';
import type { Command } from 'commander';
import { printError, printResult } from './output.js';

interface PricesImportOptions {
  url: string;
  key?: string;
  json?: boolean;
}

/** An error with the machine-readable code the CLI prints. */
function cliError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** Readable lines of an import report: the totals, then each refused row and why. */
export function reportLines(file: string, report: ImportReportDto): string[] {
  const lines = [`${file}: ${report.taken} of ${report.total} rows taken, ${report.rejected} rejected`];
  if (report.ignoredColumns.length > 0) lines.push(`  ignored columns: ${report.ignoredColumns.join(', ')}`);
  for (const row of report.rows.filter((r) => r.status === 'rejected')) {
    const why = row.reasons.map((r) => (r.column ? `${r.column}: ${r.message}` : r.message)).join('; ');
    lines.push(`  line ${row.line} (${row.productId || '—'}): ${why}`);
  }
  return lines;
}

/**
 * `livecloud prices import FILE`: sends another platform's or a supplier's price sheet to a running
 * server (POST /api/v1/selection/observations/import) with an admin API key, and prints the
 * row-by-row report. Over HTTP, so it works beside a running server and from any machine.
 */
export function registerPricesCommand(program: Command): void {
  const prices = program.command('prices').description('price observations for selection (选品比价)');
  prices
    .command('import')
    .description(
      'import a price sheet (CSV, headers 商品ID, SKU ID, 平台, 价格(元), 观测时间, 来源链接, 备注) into a running server',
    )
    .argument('<file>', 'the CSV file (UTF-8)')
    .option('--url <url>', 'the server', 'http://127.0.0.1:3000')
    .option('--key <key>', 'an admin API key (or LIVECLOUD_API_KEY)')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, options: PricesImportOptions) => {
      const json = Boolean(options.json);
      try {
        const key = options.key ?? process.env['LIVECLOUD_API_KEY'];
        if (!key) throw cliError('missing_key', 'give an admin API key with --key or LIVECLOUD_API_KEY');
        let csv: string;
        try {
          csv = readFileSync(file, 'utf8');
        } catch (error) {
          throw cliError('file_unreadable', `cannot read ${file}: ${(error as Error).message}`);
        }
        let response: Response;
        try {
          response = await fetch(new URL('/api/v1/selection/observations/import', options.url), {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: JSON.stringify({ csv }),
          });
        } catch (error) {
          throw cliError('unreachable', `cannot reach ${options.url}: ${(error as Error).message}`);
        }
        const body = (await response.json().catch(() => ({}))) as
          ImportReportDto | { error?: { code: string; message: string } };
        if (!response.ok) {
          const failure = 'error' in body ? body.error : undefined;
          throw cliError(
            failure?.code ?? `http_${response.status}`,
            failure?.message ?? `the server answered ${response.status}`,
          );
        }
        const report = body as ImportReportDto;
        printResult(json, { ...report }, reportLines(file, report));
        if (report.rejected > 0 && report.taken === 0) process.exitCode = 1;
      } catch (error) {
        printError(json, error);
      }
    });
}
