import { createLogger, systemClock, type Clock, type Config, type Logger } from '@livecloud/core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { lockDataDir } from './data-dir-lock.js';
import { openServices, type AppServices } from './services.js';

export interface RunningServer {
  app: FastifyInstance;
  services: AppServices;
  /** The base URL the server answers on, e.g. http://127.0.0.1:3000 */
  url: string;
  /** Stops taking connections, lets requests in flight finish, then closes every store. */
  close(): Promise<void>;
}

/** Opens the stores, builds the app and listens on the configured host and port. */
export async function startServer(
  config: Config,
  options: { logger?: Logger; clock?: Clock } = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const embedded = !config.databaseUrl || !config.clickhouseUrl;
  const unlock = embedded ? lockDataDir(config.dataDir) : () => undefined;
  let services: AppServices;
  try {
    services = await openServices(config, logger, options.clock ?? systemClock);
  } catch (error) {
    unlock();
    throw error;
  }
  let app: FastifyInstance;
  try {
    app = await buildApp(services);
    app.addHook('onClose', async () => {
      await services.close();
      unlock();
    });
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await services.close();
    unlock();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  let closing: Promise<void> | undefined;
  return {
    app,
    services,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () => (closing ??= app.close()),
  };
}

/**
 * Closes the server gracefully on SIGINT/SIGTERM: in-flight requests drain, stores close,
 * then the process exits. A second signal exits at once.
 */
export function closeOnSignals(server: RunningServer, logger: Logger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
