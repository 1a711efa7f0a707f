import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  jetstream,
  jetstreamManager,
  type ConsumerMessages,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { connect, nanos } from '@nats-io/transport-node';
import type { Logger } from '@livecloud/core';
import { AppError } from '@livecloud/core';
import {
  consumerNameError,
  type Bus,
  type BusHandler,
  type BusSubscription,
  type SubscribeOptions,
} from './bus.js';
import { chunkEvents, chunkId, decodeEvents, encodeEvents } from './bus-codec.js';

export interface NatsBusOptions {
  /** e.g. nats://127.0.0.1:4222; several servers separated by commas. */
  url: string;
  /** The JetStream stream; tests use a unique one. Subjects are `<stream>.events.<org>`. */
  stream: string;
  logger?: Logger;
  /** How long the stream keeps events for consumers that fall behind; default 24 h. */
  maxAgeMs?: number;
  /** Unacknowledged deliveries are redelivered after this; default 30 s. */
  ackWaitMs?: number;
  /** Wait before a failed delivery is redelivered; default 1 s. */
  redeliveryDelayMs?: number;
  /** Deliveries of one message at most; default 10. */
  maxDeliveries?: number;
  /** Largest message published; batches are split below it; default 512 KiB. */
  maxMessageBytes?: number;
}

const streamPattern = /^[A-Za-z0-9_-]{1,64}$/;
const streamNotFound = 10059;
const consumerNotFound = 10014;

function subjectToken(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_') || '_';
}

function isApiError(error: unknown, code: number): boolean {
  return error instanceof JetStreamApiError && error.code === code;
}

async function ensureStream(jsm: JetStreamManager, stream: string, maxAgeMs: number): Promise<void> {
  try {
    await jsm.streams.info(stream);
    return;
  } catch (error) {
    if (!isApiError(error, streamNotFound)) throw error;
  }
  try {
    await jsm.streams.add({
      name: stream,
      subjects: [`${stream}.events.>`],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      max_age: nanos(maxAgeMs),
      duplicate_window: nanos(Math.min(maxAgeMs, 2 * 60_000)),
    });
  } catch (error) {
    // Another process may have created it between our look and our add.
    await jsm.streams.info(stream).catch(() => {
      throw error;
    });
  }
}

/**
 * The scale-out bus on NATS JetStream: events are published to a file-backed stream, and each
 * durable consumer name is a JetStream pull consumer with explicit acks, so a subscriber that
 * restarts resumes where it stopped and a failed handler's batch is redelivered (nak with delay).
 */
export async function createNatsBus(options: NatsBusOptions): Promise<Bus> {
  if (!streamPattern.test(options.stream)) {
    throw AppError.invalid(
      'invalid_nats_stream',
      `NATS stream name "${options.stream}" must be letters, digits, _ or -`,
    );
  }
  const stream = options.stream;
  const maxAgeMs = options.maxAgeMs ?? 24 * 3600_000;
  const ackWaitMs = options.ackWaitMs ?? 30_000;
  const redeliveryDelayMs = options.redeliveryDelayMs ?? 1000;
  const maxDeliveries = options.maxDeliveries ?? 10;
  const maxMessageBytes = options.maxMessageBytes ?? 512 * 1024;
  const log = options.logger?.child({ component: 'bus', bus: 'nats', stream });

  let nc;
  try {
    nc = await connect({
      servers: options.url.split(',').map((s) => s.trim()),
      name: 'livecloud',
      maxReconnectAttempts: -1,
    });
  } catch (error) {
    throw new AppError(
      'unavailable',
      'nats_unavailable',
      `NATS at ${options.url} cannot be reached: ${String(error)}`,
    );
  }
  const connection = nc;
  const jsm = await jetstreamManager(connection);
  await ensureStream(jsm, stream, maxAgeMs);
  const js = jetstream(connection);
  const subscriptions = new Set<{ messages: ConsumerMessages; loop: Promise<void> }>();
  let closing: Promise<void> | undefined;

  const ensureConsumer = async (name: string, from: 'new' | 'all'): Promise<void> => {
    try {
      await jsm.consumers.info(stream, name);
      return;
    } catch (error) {
      if (!isApiError(error, consumerNotFound)) throw error;
    }
    try {
      await jsm.consumers.add(stream, {
        durable_name: name,
        ack_policy: AckPolicy.Explicit,
        ack_wait: nanos(ackWaitMs),
        max_deliver: maxDeliveries,
        deliver_policy: from === 'all' ? DeliverPolicy.All : DeliverPolicy.New,
        filter_subject: `${stream}.events.>`,
      });
    } catch (error) {
      await jsm.consumers.info(stream, name).catch(() => {
        throw error;
      });
    }
  };

  const run = async (messages: ConsumerMessages, consumer: string, handler: BusHandler): Promise<void> => {
    for await (const message of messages) {
      let events;
      try {
        events = decodeEvents(message.data);
      } catch (error) {
        log?.error({ err: error, consumer, seq: message.seq }, 'undecodable bus message; terminated');
        message.term('undecodable');
        continue;
      }
      try {
        await handler({ events, deliveryCount: message.info.deliveryCount });
        message.ack();
      } catch (error) {
        log?.warn(
          { err: error, consumer, delivery: message.info.deliveryCount },
          'bus handler failed; will redeliver',
        );
        message.nak(redeliveryDelayMs);
      }
    }
  };

  return {
    kind: 'nats',
    async publish(events) {
      if (closing) throw new Error('the bus is closed');
      const byOrg = new Map<string, (typeof events)[number][]>();
      for (const event of events) byOrg.set(event.orgId, [...(byOrg.get(event.orgId) ?? []), event]);
      for (const [orgId, orgEvents] of byOrg) {
        for (const chunk of chunkEvents(orgEvents, maxMessageBytes)) {
          await js.publish(`${stream}.events.${subjectToken(orgId)}`, encodeEvents(chunk), {
            msgID: chunkId(chunk),
            expect: { streamName: stream },
          });
        }
      }
    },
    async subscribe(consumer, handler, subscribeOptions: SubscribeOptions = {}): Promise<BusSubscription> {
      const invalid = consumerNameError(consumer);
      if (invalid) throw invalid;
      if (closing) throw new Error('the bus is closed');
      await ensureConsumer(consumer, subscribeOptions.from ?? 'new');
      const messages = await (await js.consumers.get(stream, consumer)).consume({ max_messages: 64 });
      const entry = { messages, loop: run(messages, consumer, handler) };
      entry.loop = entry.loop.catch((error: unknown) => {
        log?.error({ err: error, consumer }, 'bus consumer stopped');
      });
      subscriptions.add(entry);
      return {
        async close() {
          if (!subscriptions.delete(entry)) return;
          messages.stop();
          await entry.loop;
        },
      };
    },
    async health() {
      const started = performance.now();
      try {
        await connection.rtt();
        return { ok: true, latencyMs: Math.round(performance.now() - started) };
      } catch (error) {
        return { ok: false, latencyMs: Math.round(performance.now() - started), error: String(error) };
      }
    },
    close() {
      closing ??= (async () => {
        for (const entry of subscriptions) entry.messages.stop();
        await Promise.all([...subscriptions].map((entry) => entry.loop));
        subscriptions.clear();
        await connection.drain().catch(() => connection.close());
      })();
      return closing;
    },
  };
}
