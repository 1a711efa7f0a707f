import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** A structured JSON logger; secrets in well-known places are redacted. */
export function createLogger(options: { level: LogLevel; name?: string } = { level: 'info' }): Logger {
  const config: LoggerOptions = {
    level: options.level,
    name: options.name ?? 'livecloud',
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
