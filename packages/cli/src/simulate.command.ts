import {
  demoSessionPlan,
  streamToCollector,
  type CollectorProgress,
  type DemoCategory,
  type SessionPlan,
  type SimulatedPlatform,
} from '@livecloud/platforms';
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { printError, printResult } from './output.js';

interface SimulateOptions {
  url: string;
  key?: string;
  org: string;
  sessions: string;
  speed: string;
  rate?: string;
  seed: string;
  durationMin: string;
  scale: string;
  category: string;
  platform: string;
  account: string;
  json?: boolean;
}

const categories: DemoCategory[] = ['beauty', 'food', 'apparel'];

/**
 * When the simulated sessions start. In real time they start now. Faster than real time they
 * replay sessions that end now: the collector refuses events dated ahead of its clock, so a
 * two-hour session sent in two minutes must have happened already.
 */
export function simulationStart(now: number, speed: number, durationMin: number): number {
  return speed === 1 ? now : now - durationMin * 60_000;
}

/** Session plans for `livecloud simulate`: one per session, each with its own seed and line-up. */
export function simulationPlans(options: {
  orgId: string;
  sessions: number;
  seed: number;
  durationMin: number;
  scale: number;
  category?: DemoCategory;
  platform: SimulatedPlatform;
  accountId: string;
  startAt: number;
}): SessionPlan[] {
  return Array.from({ length: options.sessions }, (_, i) =>
    demoSessionPlan({
      orgId: options.orgId,
      accountId: options.sessions > 1 ? `${options.accountId}-${i + 1}` : options.accountId,
      sessionId: `ses_sim_${options.seed + i}`,
      startAt: options.startAt,
      seed: options.seed + i,
      durationMin: options.durationMin,
      scale: options.scale,
      platform: options.platform,
      category: options.category ?? categories[i % categories.length]!,
      refundTailHours: 0,
    }),
  );
}

/** `livecloud simulate`: streams simulated live sessions into a running server over HTTP, as a platform would. */
export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description('stream simulated live sessions into a running LiveCloud over HTTP')
    .option('--url <url>', 'the server', 'http://127.0.0.1:3000')
    .option('--key <key>', 'a collector key (or LIVECLOUD_COLLECTOR_KEY)')
    .requiredOption('--org <orgId>', 'the organisation the key belongs to')
    .option('--sessions <n>', 'how many sessions, interleaved in time', '1')
    .option(
      '--speed <x>',
      '1 = real time (the sessions start now); 60 = sixty times faster, 0 = as fast as possible (both replay sessions that end now)',
      '1',
    )
    .option('--rate <events/s>', 'cap on events per second')
    .option('--seed <n>', 'seed of the first session (the next ones add 1)', '1')
    .option('--duration-min <minutes>', 'length of each session', '120')
    .option('--scale <viewers>', 'expected peak online viewers from organic traffic', '2000')
    .option('--category <category>', 'line-up: beauty, food or apparel (default: rotate)', '')
    .option('--platform <platform>', 'douyin, kuaishou, taobao, xiaohongshu or wechat_channels', 'douyin')
    .option('--account <id>', 'platform account id', 'acct_sim_douyin')
    .option('--json', 'print the result as JSON, no progress bar')
    .action(async (options: SimulateOptions) => {
      const json = Boolean(options.json);
      try {
        const key = options.key ?? process.env['LIVECLOUD_COLLECTOR_KEY'];
        if (!key)
          throw Object.assign(new Error('give a collector key with --key or LIVECLOUD_COLLECTOR_KEY'), {
            code: 'missing_key',
          });
        if (options.category && !categories.includes(options.category as DemoCategory)) {
          throw Object.assign(new Error(`--category must be one of ${categories.join(', ')}`), {
            code: 'invalid_input',
          });
        }
        const plans = simulationPlans({
          orgId: options.org,
          sessions: Number(options.sessions),
          seed: Number(options.seed),
          durationMin: Number(options.durationMin),
          scale: Number(options.scale),
          category: (options.category || undefined) as DemoCategory | undefined,
          platform: options.platform as SimulatedPlatform,
          accountId: options.account,
          startAt: simulationStart(Date.now(), Number(options.speed), Number(options.durationMin)),
        });
        const bar = json
          ? undefined
          : new SingleBar(
              {
                format:
                  ' {bar} {percentage}% | {value}/{total} events | accepted {accepted} | rejected {rejected}',
                hideCursor: true,
              },
              Presets.shades_classic,
            );
        let started = false;
        const onProgress = (p: CollectorProgress) => {
          if (!bar) return;
          if (!started) {
            bar.start(Math.max(p.eventsTotalEstimate, p.sent), 0, { accepted: 0, rejected: 0 });
            started = true;
          }
          bar.setTotal(Math.max(p.eventsTotalEstimate, p.sent));
          bar.update(p.sent, { accepted: p.accepted, rejected: p.rejected });
        };
        const controller = new AbortController();
        process.once('SIGINT', () => controller.abort());
        const result = await streamToCollector({
          baseUrl: options.url,
          collectorKey: key,
          sessions: plans,
          speed: Number(options.speed),
          ...(options.rate ? { maxEventsPerSecond: Number(options.rate) } : {}),
          signal: controller.signal,
          onProgress,
        });
        bar?.stop();
        printResult(json, { ...result, sessions: plans.map((p) => p.sessionId) }, [
          `sent ${result.sent} events in ${result.batches} batches: ${result.accepted} accepted, ${result.rejected} rejected${result.aborted ? ' (stopped early)' : ''}`,
          `sessions: ${plans.map((p) => p.sessionId).join(', ')}`,
        ]);
      } catch (error) {
        printError(json, error);
      }
    });
}
