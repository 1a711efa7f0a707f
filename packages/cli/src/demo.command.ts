import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLogger, loadConfig } from '@livecloud/core';
import { streamToCollector } from '@livecloud/platforms';
import {
  closeOnSignals,
  dataDirHolder,
  demoHistoryPlans,
  demoLivePlan,
  scheduleDemoSessions,
  seedDemo,
  startServer,
  type DemoOperation,
  type RunningServer,
} from '@livecloud/server';
import type { Command } from 'commander';
import { printError } from './output.js';
import type { ServeOptions } from './start.command.js';

/** How many past sessions the demo streams beside the live one: selection's and the forecast's history. */
const pastSessions = 8;

/**
 * Gives the demo a history and a live session: past sessions of the demo account selling the
 * catalogue's products (so the big screen has past sessions to compare with and the forecast
 * has something to learn from) streamed as fast as the server takes them, beside one session
 * streaming in real time, all sent over HTTP with a collector key as a platform would.
 */
async function streamDemoSessions(
  server: RunningServer,
  orgId: string,
  operation: DemoOperation,
  options: { live: boolean; signal: AbortSignal },
): Promise<void> {
  const { signal } = options;
  const key = await server.services.access.apiKeys.create(
    orgId,
    { name: '演示模拟器 demo simulator', purpose: 'collector', source: 'simulator' },
    { type: 'system', id: null },
  );
  const now = Date.now();
  // Every simulated session is on the schedule first, so its events carry the scheduled id.
  const plans = await scheduleDemoSessions(server.services.schedule, orgId, operation, {
    past: demoHistoryPlans({ orgId, operation, now, sessions: pastSessions, scale: 80 }),
    live: options.live ? demoLivePlan({ orgId, operation, now }) : null,
  });
  // The live session starts at once; the history streams beside it as fast as the server takes it.
  const live = plans.live
    ? [
        streamToCollector({
          baseUrl: server.url,
          collectorKey: key.secret,
          sessions: [plans.live],
          speed: 1,
          signal,
        }),
      ]
    : [];
  await Promise.all([
    streamToCollector({
      baseUrl: server.url,
      collectorKey: key.secret,
      sessions: plans.past,
      speed: 0,
      signal,
    }),
    ...live,
  ]);
}

/**
 * `livecloud demo`: a fresh embedded data directory, a demo organisation with staff in
 * several roles, and the server with the web app; prints the URL and the logins.
 */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('start a fresh demo: embedded engines, a demo organisation and its staff, the web app')
    .option('--port <port>', 'port to listen on (0 picks a free one)', '3000')
    .option('--host <host>', 'address to listen on')
    .option('--data-dir <dir>', 'demo data directory (emptied first)', '.livecloud-demo')
    .option('--keep', 'keep the data directory instead of starting fresh')
    .option('--no-simulate', 'do not stream simulated live sessions')
    .option(
      '--history-only',
      'stream the past sessions only, no live one (quieter; the forecast still learns)',
    )
    .option('--json', 'print the ready line as JSON')
    .action(async (options: ServeOptions & { keep?: boolean; simulate: boolean; historyOnly?: boolean }) => {
      try {
        const dataDir = resolve(options.dataDir ?? '.livecloud-demo');
        const holder = dataDirHolder(dataDir);
        if (holder) throw new Error(`a demo is already running from ${dataDir} (process ${holder})`);
        if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
        // The demo is always embedded, whatever the environment points at.
        const env = { ...process.env, DATABASE_URL: '', CLICKHOUSE_URL: '' };
        const config = loadConfig(env, { port: options.port, host: options.host, dataDir });
        const logger = createLogger({ level: process.env['LOG_LEVEL'] ? config.logLevel : 'warn' });
        const server = await startServer(config, { logger });
        closeOnSignals(server, logger);
        const { org, logins, portal, operation } = await seedDemo(server.services);
        if (options.simulate && operation) {
          const controller = new AbortController();
          for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
          const live = !options.historyOnly;
          streamDemoSessions(server, org.id, operation, { live, signal: controller.signal }).catch(
            (error: unknown) => {
              if (!controller.signal.aborted) logger.error({ err: error }, 'demo simulation stopped');
            },
          );
        }
        if (options.json) {
          process.stdout.write(
            `${JSON.stringify({ url: server.url, org, logins, portal: portal && { url: `${server.url}/portal`, ...portal }, dataDir })}\n`,
          );
          return;
        }
        const width = Math.max(...logins.map((l) => l.email.length));
        process.stdout.write(
          [
            '',
            `  LiveCloud 直播云 demo is running: ${server.url}`,
            `  API docs: ${server.url}/api/docs`,
            `  Organisation: ${org.name} (${org.slug})   data: ${dataDir}`,
            '',
            !options.simulate
              ? '  No simulation (--no-simulate).'
              : options.historyOnly
                ? `  ${pastSessions} simulated past sessions are streaming in (--history-only: no live session).`
                : `  A simulated Douyin session is streaming now (${pastSessions} past sessions stream beside it): open 直播中 → 数据大屏.`,
            '',
            '  Sign in as:',
            ...logins.map((l) => `    ${l.email.padEnd(width)}  ${l.password.padEnd(20)}  ${l.role}`),
            '',
            ...(portal
              ? [`  Merchant portal: ${server.url}/portal   ${portal.email}  ${portal.password}`, '']
              : []),
            '  Ctrl+C stops the demo.',
            '',
          ].join('\n'),
        );
      } catch (error) {
        printError(Boolean(options.json), error);
        process.exit(1);
      }
    });
}
