import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAccess, type Access } from '@livecloud/access';
import { createSalesHistory } from '@livecloud/analytics';
import { createCommerce, type Commerce } from '@livecloud/commerce';
import { AppError, systemClock, type Clock, type Config, type Logger } from '@livecloud/core';
import { migrateToLatest, openRecordsDb, type RecordsDb } from '@livecloud/db';
import { createForecast, type Forecast } from '@livecloud/forecast';
import {
  createSchedule,
  type LowestPriceProvider,
  type ProductCatalogue,
  type Schedule,
} from '@livecloud/schedule';
import { createLowestPriceProvider, createSelection, type Selection } from '@livecloud/selection';
import {
  createEventStore,
  openCollection,
  type Collection,
  type CollectionOptions,
  type EventStore,
} from '@livecloud/events';
import { openLive, type Live } from '@livecloud/live';
import {
  boardAccountNames,
  boardCommentModerator,
  boardProductTitles,
  forecastCatalogue,
  forecastLineups,
  lineupCatalogue,
  selectionCatalogue,
  selectionSessions,
} from './context-ports.js';
import { recordsMigrations } from './records-migrations.js';

/** Everything the HTTP layer composes: stores, clock, logger and the contexts' services. */
export interface AppServices {
  config: Config;
  logger: Logger;
  clock: Clock;
  records: RecordsDb;
  events: EventStore;
  access: Access;
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
 * contexts. On failure everything already opened is closed again.
 */
export async function openServices(
  config: Config,
  logger: Logger,
  clock: Clock = systemClock,
): Promise<AppServices> {
  const records = await openRecordsDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onIdleError: (error) =>
      logger.warn({ err: error }, 'an idle PostgreSQL connection failed; the pool replaces it'),
  });
  let events: EventStore | undefined;
  let collection: Collection | undefined;
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
    collection = await openCollection(
      collectionOptions(config, { eventStore: events, db: records.db, clock, logger }),
    );
  } catch (error) {
    await collection?.close();
    await events?.close();
    await records.close();
    throw error;
  }
  const eventStore = events;
  const openedCollection = collection;
  const access = createAccess({ db: records.db, clock, sessionTtlMs: config.sessionTtlHours * 3600_000 });
  const contexts = openContexts({ records, clock, config, access, events: eventStore });
  const live = openLive({
    redisUrl: config.redisUrl,
    redisKeyPrefix: config.redisKeyPrefix,
    events: eventStore,
    clock,
    logger,
    productTitles: boardProductTitles(contexts.commerce),
    accountNames: boardAccountNames(contexts.schedule),
    moderateComment: boardCommentModerator(),
  });
  try {
    // Every process subscribes under one durable name: each event reaches one of them.
    await live.attach(openedCollection.bus);
  } catch (error) {
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
    collection: openedCollection,
    live,
    ...contexts,
    version,
    async close() {
      if (closed) return;
      closed = true;
      await live.close();
      await openedCollection.close();
      await Promise.allSettled([eventStore.close(), records.close()]);
    },
  };
}

/** The collection side's settings from the configuration, for the server and its tests. */
export function collectionOptions(
  config: Config,
  deps: Pick<CollectionOptions, 'eventStore' | 'db' | 'clock' | 'logger'>,
): CollectionOptions {
  return {
    ...deps,
    natsUrl: config.natsUrl,
    natsStream: config.natsStream,
    redisUrl: config.redisUrl,
    redisKeyPrefix: config.redisKeyPrefix,
    dedupeTtlMs: config.dedupeTtlHours * 3600_000,
    limits: {
      bodyBytes: config.collectorBodyLimitBytes,
      maxBatchEvents: config.collectorMaxBatchEvents,
      ratePerSecond: config.collectorRateLimitPerSecond,
      rateBurst: config.collectorRateLimitBurst,
    },
  };
}

/**
 * The business contexts over the stores, wired to each other through their ports
 * (context-ports.ts). Scheduling's line-up check asks selection for the lowest price, and
 * selection asks scheduling for session requirements, so the lowest-price port is called
 * through a closure over selection, made just after.
 */
export function openContexts(
  base: Pick<AppServices, 'records' | 'clock' | 'config' | 'access' | 'events'>,
): Pick<AppServices, 'commerce' | 'schedule' | 'selection' | 'forecast'> {
  const commerce = openCommerce(base);
  const sales = createSalesHistory(base.events);
  const schedule = openSchedule(base, {
    catalogue: lineupCatalogue(commerce),
    prices: { lowestPrice: (orgId, productId, skuId) => prices.lowestPrice(orgId, productId, skuId) },
  });
  const selection = createSelection({
    db: base.records.db,
    clock: base.clock,
    audit: base.access.audit,
    catalogue: selectionCatalogue(commerce),
    sales,
    sessions: selectionSessions(schedule),
  });
  const prices = createLowestPriceProvider(selection);
  const forecast = createForecast({
    history: sales,
    catalogue: forecastCatalogue(commerce),
    lineups: forecastLineups(schedule),
    clock: base.clock,
  });
  return { commerce, schedule, selection, forecast };
}

/**
 * The commerce context over the records store. Merchant portal logins are made by access
 * (role `merchant`), so password and membership rules stay in one place.
 */
export function openCommerce(
  services: Pick<AppServices, 'records' | 'clock' | 'config' | 'access'>,
): Commerce {
  const { access } = services;
  return createCommerce({
    db: services.records.db,
    clock: services.clock,
    audit: access.audit,
    uploadsDir: join(services.config.dataDir, 'uploads'),
    accounts: {
      async createLogin(orgId, input, actor) {
        const staff = await access.staff.onboard(orgId, { ...input, role: 'merchant' }, actor);
        return { userId: staff.userId, membershipId: staff.id };
      },
      async organisationName(orgId) {
        return (await access.organisations.get(orgId)).name;
      },
    },
  });
}

/**
 * The scheduling context over the records store: access provides the audit log and the staff
 * directory (an anchor links to a member with the anchor role).
 */
export function openSchedule(
  services: Pick<AppServices, 'records' | 'clock' | 'access'>,
  providers: { catalogue?: ProductCatalogue; prices?: LowestPriceProvider } = {},
): Schedule {
  const { access } = services;
  return createSchedule({
    db: services.records.db,
    clock: services.clock,
    audit: access.audit,
    ...providers,
    staff: {
      async member(orgId, membershipId) {
        try {
          const staff = await access.staff.get(orgId, membershipId);
          return { id: staff.id, name: staff.name, role: staff.role, status: staff.status };
        } catch (error) {
          if (error instanceof AppError && error.kind === 'not_found') return undefined;
          throw error;
        }
      },
    },
  });
}
