import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.js';

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
const originPattern = /^(\*|https?:\/\/[^/?#\s]+)$/i;

/** The instance admin token: `lc_inst_` and at least 32 URL-safe characters (docs/operations.md). */
export const instanceTokenPattern = /^lc_inst_[A-Za-z0-9_-]{32,200}$/;

/** A comma-separated list of web origins (or `*`), as browsers send them in `Origin`. */
const originList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) =>
    (typeof v === 'string' ? v.split(',') : v)
      .map((origin) => origin.trim().replace(/\/$/, '').toLowerCase())
      .filter((origin) => origin !== ''),
  )
  .pipe(z.array(z.string().regex(originPattern, 'must be origins such as https://shop.example.com, or *')));

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url().optional())
  .optional();

/** Every setting LiveCloud reads, with its embedded default. Documented in docs/configuration.md. */
export const configSchema = z.object({
  /** Where embedded engines keep their files (PGlite, chDB, uploads). */
  dataDir: z.string().min(1).default('.livecloud'),
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  /** PostgreSQL server; when unset the records store is PGlite in `<dataDir>/pg`. */
  databaseUrl: optionalUrl,
  /** ClickHouse server over HTTP; when unset the event store is chDB in `<dataDir>/chdb`. */
  clickhouseUrl: optionalUrl,
  clickhouseDatabase: z
    .string()
    .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/)
    .default('livecloud'),
  logLevel: logLevel.default('info'),
  /** How long a login session lasts without activity. */
  sessionTtlHours: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(12),
  /**
   * How often an open live stream checks that its caller may still read it (membership, key,
   * login session); the stream ends within this time after off-boarding, on every process.
   */
  streamRecheckMs: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** Largest accepted request body for the API. */
  bodyLimitBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** Mark the session cookie Secure (turn on behind HTTPS). */
  cookieSecure: z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
    .transform((v) => v === true || v === 'true' || v === '1')
    .default(false),
  /** The built web app to serve; when the folder is missing the API runs alone. */
  webDir: z.string().optional(),
  /** NATS server with JetStream; when unset the event bus is in-process. */
  natsUrl: optionalUrl,
  /** The JetStream stream that carries collected events (letters, digits, _ and -). */
  natsStream: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .default('LIVECLOUD_EVENTS'),
  /** Redis for the live state, de-duplication and rate limits shared by several server processes; unset means in memory. */
  redisUrl: optionalUrl,
  /** Prefix of every Redis key LiveCloud writes. */
  redisKeyPrefix: z.string().min(1).max(64).default('livecloud'),
  /** Largest accepted collector request body, compressed and after gunzip. */
  collectorBodyLimitBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  /** Most events in one collector request. */
  collectorMaxBatchEvents: z.coerce.number().int().positive().default(20_000),
  /** Collector requests each API key may make per second, sustained. */
  collectorRateLimitPerSecond: z.coerce.number().positive().default(200),
  /** Collector requests an API key may make in a burst above the sustained rate. */
  collectorRateLimitBurst: z.coerce.number().int().positive().default(400),
  /**
   * Web origins whose pages may use every collector key, besides the key's own list; empty
   * means a key works only from the origins it lists (admin keys never from a browser).
   */
  collectorAllowedOrigins: originList.default([]),
  /** How long an event id is remembered for de-duplication in Redis. */
  dedupeTtlHours: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
  /**
   * The instance admin token, for several processes that must share one; when unset a server
   * keeps one in `<dataDir>/instance-admin.token`, made on first start.
   */
  instanceAdminToken: z
    .string()
    .trim()
    .regex(instanceTokenPattern, 'must be lc_inst_ and at least 32 letters, digits, _ or -')
    .optional(),
  /** Password of `livecloud store serve` (its user is `default`); empty means none, loopback only. */
  storePassword: z.string().default(''),
});

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

const envNames: Record<keyof Config, string> = {
  dataDir: 'LIVECLOUD_DATA_DIR',
  host: 'HOST',
  port: 'PORT',
  databaseUrl: 'DATABASE_URL',
  clickhouseUrl: 'CLICKHOUSE_URL',
  clickhouseDatabase: 'CLICKHOUSE_DATABASE',
  logLevel: 'LOG_LEVEL',
  sessionTtlHours: 'LIVECLOUD_SESSION_TTL_HOURS',
  streamRecheckMs: 'LIVECLOUD_STREAM_RECHECK_MS',
  bodyLimitBytes: 'LIVECLOUD_BODY_LIMIT_BYTES',
  cookieSecure: 'LIVECLOUD_COOKIE_SECURE',
  webDir: 'LIVECLOUD_WEB_DIR',
  natsUrl: 'NATS_URL',
  natsStream: 'LIVECLOUD_NATS_STREAM',
  redisUrl: 'REDIS_URL',
  redisKeyPrefix: 'LIVECLOUD_REDIS_PREFIX',
  collectorBodyLimitBytes: 'LIVECLOUD_COLLECTOR_BODY_LIMIT_BYTES',
  collectorMaxBatchEvents: 'LIVECLOUD_COLLECTOR_MAX_BATCH_EVENTS',
  collectorRateLimitPerSecond: 'LIVECLOUD_COLLECTOR_RATE_LIMIT_PER_SECOND',
  collectorRateLimitBurst: 'LIVECLOUD_COLLECTOR_RATE_LIMIT_BURST',
  collectorAllowedOrigins: 'LIVECLOUD_COLLECTOR_ALLOWED_ORIGINS',
  dedupeTtlHours: 'LIVECLOUD_DEDUPE_TTL_HOURS',
  storePassword: 'LIVECLOUD_STORE_PASSWORD',
  instanceAdminToken: 'LIVECLOUD_INSTANCE_ADMIN_TOKEN',
};

/** The environment variable behind each setting, for docs and error messages. */
export const configEnvNames: Readonly<Record<keyof Config, string>> = envNames;

/**
 * Loads the configuration once: defaults, then an optional JSON file (`LIVECLOUD_CONFIG`),
 * then environment variables, then explicit overrides (CLI flags). Invalid values throw an
 * AppError naming the variable.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<ConfigInput> = {},
): Config {
  const fromFile = readConfigFile(env['LIVECLOUD_CONFIG']);
  const fromEnv: Record<string, string> = {};
  for (const [key, name] of Object.entries(envNames)) {
    const value = env[name];
    if (value !== undefined && value !== '') fromEnv[key] = value;
  }
  const merged = { ...fromFile, ...fromEnv, ...stripUndefined(overrides) };
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      const name = envNames[key as keyof Config] ?? key;
      return `${name}: ${issue.message}`;
    });
    throw AppError.invalid('invalid_config', `Invalid configuration: ${problems.join('; ')}`, problems);
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.dataDir) };
}

function readConfigFile(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw AppError.invalid('invalid_config', `Configuration file ${path} cannot be read`);
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw AppError.invalid('invalid_config', `Configuration file ${path} is not a JSON object`);
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
