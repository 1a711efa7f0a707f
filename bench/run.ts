// `npm run bench -- <name> [--duration-s N]`: runs one benchmark; its figures are the last
// lines of stdout, one JSON object each (SPEC §8). Progress goes to stderr.
import type { BenchFigure } from './lib/result.js';

type Bench = (options: {
  durationMs: number;
  events?: number;
  rate?: number;
  concurrency?: number;
  engines?: string;
}) => Promise<BenchFigure[]>;

const benches: Record<string, () => Promise<Bench>> = {
  api: async () => (await import('./api.bench.js')).run,
  dedupe: async () => (await import('./dedupe.bench.js')).run,
  forecast: async () => (await import('./forecast.bench.js')).run,
  ingest: async () => (await import('./ingest.bench.js')).run,
};

const [name, ...rest] = process.argv.slice(2);
const durationFlag = rest.indexOf('--duration-s');
const durationMs = durationFlag >= 0 ? Number(rest[durationFlag + 1]) * 1000 : 10_000;
const numberFlag = (flag: string): number | undefined => {
  const at = rest.indexOf(flag);
  return at >= 0 ? Number(rest[at + 1]) : undefined;
};
const events = numberFlag('--events');
const rate = numberFlag('--rate');
const concurrency = numberFlag('--concurrency');
const enginesFlag = rest.indexOf('--engines');
const engines = enginesFlag >= 0 ? rest[enginesFlag + 1] : undefined;

if (!name || !(name in benches)) {
  process.stderr.write(
    `usage: npm run bench -- <${Object.keys(benches).join('|')}> [--duration-s N] [--events N] [--rate N] [--concurrency N] [--engines embedded|scale-out]\n`,
  );
  process.exit(2);
}
const bench = await benches[name]!();
const figures = await bench({
  durationMs,
  ...(events ? { events } : {}),
  ...(rate ? { rate } : {}),
  ...(concurrency ? { concurrency } : {}),
  ...(engines ? { engines } : {}),
});
for (const f of figures) process.stdout.write(`${JSON.stringify(f)}\n`);
