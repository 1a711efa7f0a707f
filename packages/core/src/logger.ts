import { pino, stdSerializers, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** The most characters one field of a logged error carries: a failed batch once logged 12 MB. */
export const maxLoggedFieldChars = 4_096;

function bounded(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.length > maxLoggedFieldChars
      ? `${value.slice(0, maxLoggedFieldChars)}… [${value.length - maxLoggedFieldChars} more characters]`
      : value;
  }
  if (value === null || typeof value !== 'object') return value;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return '[not serialisable]';
  }
  return text !== undefined && text.length > maxLoggedFieldChars
    ? `[omitted: ${text.length} characters]`
    : value;
}

/** pino's error serialiser, with every field cut to {@link maxLoggedFieldChars}. */
export function boundedErrorSerializer(error: Error): Record<string, unknown> {
  const serialised = stdSerializers.err(error) as unknown as Record<string, unknown>;
  return Object.fromEntries(Object.entries(serialised).map(([k, v]) => [k, bounded(v)]));
}

/** A structured JSON logger; secrets in well-known places are redacted; errors are bounded. */
export function createLogger(options: { level: LogLevel; name?: string } = { level: 'info' }): Logger {
  const config: LoggerOptions = {
    level: options.level,
    name: options.name ?? 'livecloud',
    serializers: { err: boundedErrorSerializer },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'password',
        '*.password',
        'secret',
        '*.secret',
      ],
      censor: '[redacted]',
    },
  };
  return pino(config);
}
