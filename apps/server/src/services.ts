import { readFileSync } from 'node:fs';
import type { Access } from '@livecloud/access';
import { createSalesHistory } from '@livecloud/analytics';
import { startStockConsumer, type Commerce } from '@livecloud/commerce';
import { systemClock, type Clock, type Config, type Logger } from '@livecloud/core';
import { migrateToLatest, openRecordsDb, type RecordsDb } from '@livecloud/db';
import type { Forecast } from '@livecloud/forecast';
import { createEventStore, type Collection, type EventStore } from '@livecloud/events';
import type { Live } from '@livecloud/live';
import type { LowestPriceProvider, Schedule } from '@livecloud/schedule';
import { createLowestPriceProvider, type Selection } from '@livecloud/selection';
import { openAccess } from './contexts/access.js';
import { openCommerce } from './contexts/commerce.js';
import { openEvents } from './contexts/events.js';
import { openForecast } from './contexts/forecast.js';
import { openLive } from './contexts/live.js';
import { openSchedule } from './contexts/schedule.js';
import { openSelection } from './contexts/selection.js';
import { openInstanceToken, type InstanceToken } from './instance-token.js';
import { lateBound } from './late-bound.js';
import { recordsMigrations } from './records-migrations.js';

/** Everything the HTTP layer composes: stores, clock, logger and the contexts' services. */
export interface AppServices {
  config: Config;
  logger: Logger;
  clock: Clock;
  records: RecordsDb;
  events: EventStore;
  access: Access;
  /** Where the instance admin token is (its hash opens `/api/v1/instance`). */
  instanceToken: Pick<InstanceToken, 'source' | 'path'>;
  /** Collection: the collector, dead letters and the bus (in-process | NATS JetStream). */
  collection: Collection;
  /** The big screen: live state (memory | Redis), board, stream feed; `live.attach(bus)` feeds it. */
  live: Live;
  /** Before the live: merchants, deposits, products, submissions, QC, warehouse, catalogue. */
  commerce: Commerce;
  /** Scheduling: rooms, accounts, sessions, line-ups (validated against the catalogue), SOP. */
  schedule: Schedule;
  /** Selection (选品比价): price history, the lowest-price check, scores, compare, shortlists. */
  selection: Selection;
  /** The line-up forecast (商品模拟) and its backtest, learned from past sessions in the event store. */
  forecast: Forecast;
  version: string;
  /** Closes every store; safe to call twice. */
  close(): Promise<void>;
}

export const version: string = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/**
 * Opens both stores on the engines the configuration names, migrates them, and wires the
 * contexts (each in `contexts/<context>.ts` with the adapters that feed its ports). On failure
 * everything already opened is closed again.
 */
export async function openServices(
  config: Config,
  logger: Logger,
  clock: Clock = systemClock,
): Promise<AppServices> {
  const instanceToken = openInstanceToken(config);
  const records = await openRecordsDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onIdleError: (error) =>
      logger.warn({ err: error }, 'an idle PostgreSQL connection failed; the pool replaces it'),
  });
  let events: EventStore | undefined;
  let collection: Collection | undefined;
  let access: Access;
  let contexts: ReturnType<typeof openContexts>;
  try {
    const migrated = await migrateToLatest(records.db, recordsMigrations);
    if (migrated.applied.length > 0) logger.info({ applied: migrated.applied }, 'records store migrated');
    events = await createEventStore({
      clickhouseUrl: config.clickhouseUrl,
      dataDir: config.dataDir,
      database: config.clickhouseDatabase,
      logger,
    });
    await events.migrate();
    access = openAccess({ records, clock, config, instanceToken });
    contexts = openContexts({ records, clock, config, access, events });
    collection = await openEvents(config, {
      eventStore: events,
      db: records.db,
      clock,
      logger,
      schedule: contexts.schedule,
      audit: access.audit,
    });
  } catch (error) {
    await collection?.close();
    await events?.close();
    await records.close();
    throw error;
  }
  const eventStore = events;
  const openedCollection = collection;
  const live = openLive({ config, clock, logger, events: eventStore, ...contexts });
  let stock: { close(): Promise<void> } | undefined;
  try {
    // Every process subscribes under one durable name: each event reaches one of them.
    await live.attach(openedCollection.bus);
    // Paid orders and refunds move the warehouse's sold stock (a flow across contexts).
    stock = await startStockConsumer({ bus: openedCollection.bus, sales: contexts.commerce.stockSales });
  } catch (error) {
    await stock?.close();
    await live.close();
    await openedCollection.close();
    await Promise.allSettled([eventStore.close(), records.close()]);
    throw error;
  }
  let closed = false;
  return {
    config,
    logger,
    clock,
    records,
    events: eventStore,
    access,
    instanceToken: { source: instanceToken.source, path: instanceToken.path },
    collection: openedCollection,
    live,
    ...contexts,
    version,
    async close() {
      if (closed) return;
      closed = true;
      await stock?.close();
      await live.close();
      await openedCollection.close();
      await Promise.allSettled([eventStore.close(), records.close()]);
    },
  };
}

/**
 * The business contexts over the stores, wired to each other through their ports. Scheduling's
 * line-up check asks selection for the lowest price, and selection asks scheduling for sessions
 * and requirements: the lowest-price port is late-bound, given to scheduling first and bound to
 * selection once selection is open.
 */
export function openContexts(
  base: Pick<AppServices, 'records' | 'clock' | 'config' | 'access' | 'events'>,
): Pick<AppServices, 'commerce' | 'schedule' | 'selection' | 'forecast'> {
  const commerce = openCommerce(base);
  const sales = createSalesHistory(base.events);
  const lowestPrices = lateBound<LowestPriceProvider>('lowest-price (selection → scheduling)');
  const schedule = openSchedule(base, { commerce, prices: lowestPrices.port });
  const selection = openSelection(base, { commerce, schedule, sales });
  lowestPrices.bind(createLowestPriceProvider(selection));
  const forecast = openForecast({ clock: base.clock, commerce, schedule, sales });
  return { commerce, schedule, selection, forecast };
}
