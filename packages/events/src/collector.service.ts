import { AppError, newId, type Clock, type Logger } from '@livecloud/core';
import type { Bus } from './bus.js';
import type { IngestResultDto, RejectedItemDto } from './collector.schema.js';
import type { DeadLetterRepository, NewDeadLetter } from './dead-letter.repository.js';
import type { Deduper } from './deduper.js';
import type { EventStore, StoredEvent } from './event-store.js';
import { isRecord } from './is-record.js';
import { dedupeAgainst, distinctIds } from './pipeline/dedupe.step.js';
import {
  bodyFormatOf,
  bodyText,
  decodeBody,
  parseJsonDocument,
  parseNativeBody,
  parseLine,
  type BodyItem,
} from './pipeline/parse.step.js';
import { prepareBatch, type IngestFormat, type Rejection } from './pipeline/prepare.js';
import { publishStored } from './pipeline/publish.step.js';
import { splitSegmentBody, type SegmentCall } from './pipeline/segment.step.js';
import type { LiveOnAccountLookup } from './pipeline/attach.step.js';
import type { SessionLookup } from './pipeline/session.step.js';
import { createMemoryRateLimiter, type RateLimiter } from './rate-limiter.js';

/** Who is sending, as the collector needs it: never an HTTP type. */
export interface CollectorCaller {
  orgId: string;
  /** The API key, for rate limits and dead letters; null for a signed-in person. */
  keyId: string | null;
  /** The key's event source, the default for events that name none. */
  source: string | null;
}

export interface CollectorLimits {
  /** Largest body, compressed and after decompression. */
  bodyBytes: number;
  /** Most events per request. */
  maxBatchEvents: number;
  /** Requests per second per key, sustained, and the burst above it. */
  ratePerSecond: number;
  rateBurst: number;
}

export interface CollectorDeps {
  eventStore: EventStore;
  /** Where rejected events are kept. */
  deadLetters: Pick<DeadLetterRepository, 'insertMany'>;
  bus: Bus;
  dedupe: Deduper;
  clock: Clock;
  logger: Logger;
  limits: CollectorLimits;
  /** Shared limiter (Redis) for several processes; in memory when left out. */
  rateLimiter?: RateLimiter;
  /** Joins events to live sessions the records know; none by default. */
  sessionLookup?: SessionLookup;
  /** The session live on an account: events naming an unknown session attach to it. */
  liveOnAccount?: LiveOnAccountLookup;
}

/** A dead letter's original item, as kept, to run through the pipeline again. */
export interface ReplayInput {
  orgId: string;
  format: IngestFormat;
  source: string | null;
  receivedAt: number;
  payload: unknown;
  payloadText: string | null;
}

export type ReplayOutcome =
  | { outcome: 'ingested' | 'duplicate'; eventId: string }
  | { outcome: 'rejected'; reason: string; issues: Rejection['issues'] };

const knownSourceDefault = (source: string | null, format: IngestFormat): string | null =>
  source ?? (format === 'segment' ? 'segment' : null);

function itemId(value: unknown, format: IngestFormat): string | undefined {
  if (!isRecord(value)) return undefined;
  const id = format === 'segment' ? value['messageId'] : value['id'];
  if (typeof id === 'string' && id !== '') return id.slice(0, 128);
  if (typeof id === 'number') return String(id);
  return undefined;
}

// jsonb cannot hold \u0000 in text; such an item is kept as text instead of being lost.
function payloadColumns(rejection: Rejection): { payload: unknown; payloadText: string | null } {
  if (rejection.text !== undefined) return { payload: null, payloadText: rejection.text };
  const json = JSON.stringify(rejection.value) ?? 'null';
  return json.includes('\\u0000')
    ? { payload: null, payloadText: json }
    : { payload: rejection.value, payloadText: null };
}

/**
 * The collection pipeline behind the collector endpoints: limits, parse, per-event steps,
 * de-duplication, the durable store, dead letters, then the bus. An answer is given only
 * after the accepted events are in the event store and the rejected ones are dead letters;
 * a failure before that is an error the client retries, and a retry counts once.
 */
export function createCollector(deps: CollectorDeps) {
  const { eventStore, deadLetters, bus, dedupe, clock, limits } = deps;
  const log = deps.logger.child({ component: 'collector' });
  const rateLimiter =
    deps.rateLimiter ??
    createMemoryRateLimiter({ ratePerSecond: limits.ratePerSecond, burst: limits.rateBurst, clock });

  const checkRate = async (caller: CollectorCaller): Promise<void> => {
    const decision = await rateLimiter.take(caller.keyId ?? `org:${caller.orgId}`);
    if (decision.allowed) return;
    const retryAfterS = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    throw new AppError(
      'rate_limited',
      'rate_limited',
      `Too many collector requests for this key; retry after ${retryAfterS} s`,
      {
        retryAfterS,
      },
    );
  };

  /** Stores fresh events, releasing the claims if the store refuses so that the retry is taken. */
  const store = async (orgId: string, events: StoredEvent[], claimed: readonly string[]): Promise<void> => {
    try {
      await eventStore.insert(events);
    } catch (error) {
      await dedupe.release(orgId, claimed);
      log.error({ err: error, orgId, events: events.length }, 'event store refused a batch');
      throw new AppError(
        'unavailable',
        'event_store_unavailable',
        'The event store is not available; retry the same batch later',
      );
    }
  };

  /**
   * De-duplicates candidates and stores the fresh ones; returns them and the duplicates (as
   * this request sent them), which the caller publishes again: a duplicate is most often the
   * retry of a batch that was stored but not passed on (the answer failed, or the process
   * died before publishing), and bus consumers apply events idempotently by (orgId, id).
   */
  const dedupeAndStore = async (
    orgId: string,
    candidates: readonly { event: StoredEvent }[],
  ): Promise<{ stored: StoredEvent[]; repeated: StoredEvent[] }> => {
    const ids = distinctIds(candidates.map((c) => c.event));
    let fresh: ReadonlySet<string>;
    try {
      fresh = await dedupe.claim(orgId, ids);
    } catch (error) {
      log.error({ err: error, orgId }, 'de-duplication check failed');
      throw new AppError(
        'unavailable',
        'event_store_unavailable',
        'The event store is not available; retry the same batch later',
      );
    }
    const step = dedupeAgainst(fresh);
    const stored: StoredEvent[] = [];
    const repeated: StoredEvent[] = [];
    for (const { event } of candidates) {
      const result = step(event);
      if (result.kind === 'ok') stored.push(result.value);
      else repeated.push(event);
    }
    await store(orgId, stored, [...fresh]);
    return { stored, repeated };
  };

  const readSegmentDocument = (rawBody: Buffer, contentType?: string, contentEncoding?: string): unknown => {
    if (bodyFormatOf(contentType) !== 'json') {
      throw new AppError(
        'unsupported_media_type',
        'unsupported_media_type',
        'Segment calls send application/json',
      );
    }
    return parseJsonDocument(bodyText(decodeBody(rawBody, contentEncoding, limits.bodyBytes)));
  };

  const run = async (
    caller: CollectorCaller,
    format: IngestFormat,
    items: BodyItem[],
  ): Promise<IngestResultDto> => {
    if (items.length > limits.maxBatchEvents) {
      throw new AppError(
        'payload_too_large',
        'batch_too_large',
        `At most ${limits.maxBatchEvents} events per request; split the batch`,
        {
          maxBatchEvents: limits.maxBatchEvents,
        },
      );
    }
    const receivedAt = clock.now();
    const tenant = { orgId: caller.orgId, defaultSource: knownSourceDefault(caller.source, format) };
    const prepared = await prepareBatch(items, {
      tenant,
      format,
      receivedAt,
      sessionLookup: deps.sessionLookup,
      liveOnAccount: deps.liveOnAccount,
    });
    const { stored, repeated } = await dedupeAndStore(caller.orgId, prepared.candidates);

    const letters: NewDeadLetter[] = prepared.rejections.map((rejection) => {
      const source =
        isRecord(rejection.value) && typeof rejection.value['source'] === 'string'
          ? rejection.value['source']
          : tenant.defaultSource;
      return {
        id: newId('dlt', receivedAt),
        orgId: caller.orgId,
        receivedAt: new Date(receivedAt),
        source: source?.slice(0, 64) ?? null,
        keyId: caller.keyId,
        format,
        eventId: itemId(rejection.value, format) ?? null,
        reason: rejection.reason,
        issues: rejection.issues,
        ...payloadColumns(rejection),
      };
    });
    // Stored, dead-lettered and published succeed or fail together for the client: whatever
    // failed, the stored events are remembered and passed on now, and the answer asks for the
    // same batch again, whose retry writes the dead letters (identified by event id and reason,
    // so once) and publishes its events again as duplicates.
    let keptAs = new Map<string, string>();
    let lettersFailed = false;
    try {
      keptAs = await deadLetters.insertMany(letters);
    } catch (error) {
      lettersFailed = true;
      log.error(
        { err: error, orgId: caller.orgId, count: letters.length },
        'dead letters could not be written',
      );
    }
    await dedupe.commit(
      caller.orgId,
      stored.map((e) => e.id),
    );
    const published = await publishStored(bus, [...stored, ...repeated], log);
    if (lettersFailed) {
      throw new AppError(
        'unavailable',
        'dead_letters_unavailable',
        'Rejected events could not be kept; retry the same batch later',
      );
    }
    if (!published.published) {
      throw new AppError(
        'unavailable',
        'bus_unavailable',
        'The events are stored but could not be passed on to the live screens; retry the same batch later',
      );
    }

    const rejected: RejectedItemDto[] = prepared.rejections.map((rejection, i) => {
      const id = itemId(rejection.value, format);
      return {
        index: rejection.index,
        ...(id === undefined ? {} : { id }),
        reason: rejection.reason,
        deadLetterId: keptAs.get(letters[i]!.id) ?? letters[i]!.id,
      };
    });
    if (rejected.length > 0)
      log.info({ orgId: caller.orgId, rejected: rejected.length }, 'events dead-lettered');
    return { accepted: stored.length, duplicates: repeated.length, rejected };
  };

  return {
    /**
     * `POST /collect/v1/events`: a JSON array, one JSON event, or NDJSON, optionally gzip.
     * Throws AppError for what fails the whole request (rate, size, media type, malformed
     * JSON, an unavailable store); everything per event is in the answer.
     */
    async ingest(
      caller: CollectorCaller,
      rawBody: Buffer,
      contentType?: string,
      contentEncoding?: string,
    ): Promise<IngestResultDto> {
      await checkRate(caller);
      const format = bodyFormatOf(contentType);
      const text = bodyText(decodeBody(rawBody, contentEncoding, limits.bodyBytes));
      return run(caller, 'native', parseNativeBody(text, format));
    },

    /** The Segment-compatible calls (`/v1/batch`, `/v1/track`, …): one JSON object, optionally gzip. */
    async ingestSegment(
      caller: CollectorCaller,
      call: SegmentCall,
      rawBody: Buffer,
      contentType?: string,
      contentEncoding?: string,
    ): Promise<IngestResultDto> {
      await checkRate(caller);
      return run(
        caller,
        'segment',
        splitSegmentBody(readSegmentDocument(rawBody, contentType, contentEncoding), call),
      );
    },

    /** A Segment body as a JSON document (throws as the Segment calls answer a bad body). */
    readSegmentDocument,

    /** A Segment call whose body was already read (`readSegmentDocument`). */
    async ingestSegmentDocument(
      caller: CollectorCaller,
      call: SegmentCall,
      document: unknown,
    ): Promise<IngestResultDto> {
      await checkRate(caller);
      return run(caller, 'segment', splitSegmentBody(document, call));
    },

    /**
     * Runs one dead letter's original item through the pipeline again, as received then. Does
     * not write dead letters: the caller updates the one it replays.
     */
    async replay(input: ReplayInput): Promise<ReplayOutcome> {
      const item: BodyItem =
        input.payloadText !== null && (input.payload === null || input.payload === undefined)
          ? { index: 0, text: input.payloadText, result: parseLine(input.payloadText) }
          : { index: 0, result: { kind: 'ok', value: input.payload } };
      const tenant = { orgId: input.orgId, defaultSource: knownSourceDefault(input.source, input.format) };
      const prepared = await prepareBatch([item], {
        tenant,
        format: input.format,
        receivedAt: input.receivedAt,
        sessionLookup: deps.sessionLookup,
        liveOnAccount: deps.liveOnAccount,
      });
      const [rejection] = prepared.rejections;
      if (rejection) return { outcome: 'rejected', reason: rejection.reason, issues: rejection.issues };
      const [candidate] = prepared.candidates;
      if (!candidate) return { outcome: 'rejected', reason: 'the item produced no event', issues: [] };
      const { stored } = await dedupeAndStore(input.orgId, [candidate]);
      await dedupe.commit(
        input.orgId,
        stored.map((e) => e.id),
      );
      await publishStored(bus, stored, log);
      return { outcome: stored.length > 0 ? 'ingested' : 'duplicate', eventId: candidate.event.id };
    },
  };
}
export type Collector = ReturnType<typeof createCollector>;
