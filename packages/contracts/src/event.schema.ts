import { z } from 'zod';
import { eventSources, eventTypes, liveEventTypes, trafficSources, type EventType } from './vocabulary.js';

/**
 * Version of the envelope shape below. Stored with every event so that a later shape can be
 * read side by side with old rows; bump it only with a migration that says how old rows read.
 */
export const EVENT_SCHEMA_VERSION = 1;

// Epoch ms before 2000 are almost always epoch *seconds* sent by mistake; the upper bound is
// where ClickHouse DateTime64 ends, so anything accepted here can also be stored.
const earliestMs = Date.UTC(2000, 0, 1);
const latestMs = Date.UTC(2299, 11, 31, 23, 59, 59, 999);

/** ISO 8601 with an explicit offset, or epoch milliseconds; always epoch milliseconds after parsing. */
const instantMessage = 'must be an ISO 8601 date-time with a time zone or integer epoch milliseconds';
const instant = z
  .union([z.int({ error: instantMessage }), z.iso.datetime({ offset: true, error: instantMessage })], {
    error: instantMessage,
  })
  .transform((value) => (typeof value === 'number' ? value : Date.parse(value)))
  .refine((ms) => ms >= earliestMs && ms <= latestMs, {
    message: 'must be between 2000-01-01 and 2299-12-31 (epoch seconds sent as milliseconds?)',
  });

const key = z.string().min(1).max(128);

const baseEnvelopeSchema = z.strictObject({
  /** Client-supplied idempotency key: a retried event carries the same id. */
  id: key,
  type: z.enum(eventTypes),
  schemaVersion: z.literal(EVENT_SCHEMA_VERSION).default(EVENT_SCHEMA_VERSION),
  occurredAt: instant,
  /** Stamped by the collector; clients may send it on replay or import. */
  receivedAt: instant.optional(),
  orgId: key,
  source: z.enum(eventSources),
  /** The shop or anchor account on the platform; required for live types. */
  accountId: key.optional(),
  /** The live session; required for live types. */
  sessionId: key.optional(),
  anonymousId: key.optional(),
  userId: key.optional(),
  platformUserId: key.optional(),
  productId: key.optional(),
  skuId: key.optional(),
  orderId: key.optional(),
  /** Money in integer fen (分); never a float and never negative (a refund is its own type). */
  amountFen: z
    .int({ error: 'must be an integer number of fen (分), never a float or a string' })
    .nonnegative()
    .optional(),
  trafficSource: z.enum(trafficSources).optional(),
  properties: z.record(z.string(), z.unknown()).default({}),
});

const liveTypeSet: ReadonlySet<EventType> = new Set(liveEventTypes);
const amountRequired: ReadonlySet<EventType> = new Set(['order.pay', 'order.refund', 'ad.spend']);
/**
 * Platform-side events that no viewer causes: ad spend from an ad platform's feed, the
 * anchor's explaining. They need no viewer id (a platform feed has none to give).
 */
export const viewerlessEventTypes: ReadonlySet<EventType> = new Set([
  'ad.spend',
  'explain.start',
  'explain.end',
]);

/**
 * The versioned event envelope (SPEC §5). Parsing normalises times to epoch ms and fills
 * `schemaVersion` and `properties`; unknown top-level fields are rejected rather than dropped,
 * so a misspelt `amountfen` never silently loses money.
 */
export const eventEnvelopeSchema = baseEnvelopeSchema.superRefine((event, ctx) => {
  const need = (path: string, message: string): void => {
    ctx.addIssue({ code: 'custom', path: [path], message });
  };
  if (
    !viewerlessEventTypes.has(event.type) &&
    event.anonymousId === undefined &&
    event.userId === undefined &&
    event.platformUserId === undefined
  ) {
    need('anonymousId', 'one of anonymousId, userId or platformUserId is required');
  }
  if (liveTypeSet.has(event.type)) {
    if (event.accountId === undefined) need('accountId', `is required for ${event.type}`);
    if (event.sessionId === undefined) need('sessionId', `is required for ${event.type}`);
  }
  if (event.type.startsWith('order.') && event.orderId === undefined) {
    need('orderId', `is required for ${event.type}`);
  }
  if (event.type.startsWith('product.') && event.productId === undefined) {
    need('productId', `is required for ${event.type}`);
  }
  if (amountRequired.has(event.type) && event.amountFen === undefined) {
    need('amountFen', `is required for ${event.type}`);
  }
  if (event.type === 'comment') {
    const text = event.properties['text'];
    if (typeof text !== 'string' || text.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['properties', 'text'], message: 'is required for comment' });
    }
  }
});

/** An event after validation: times in epoch ms, money in integer fen. */
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

/** What a client may send: times may still be ISO strings, defaults not yet filled. */
export type EventEnvelopeInput = z.input<typeof eventEnvelopeSchema>;

/** One validation problem, plain enough to store beside a dead letter. */
export interface EventIssue {
  /** Dotted path to the offending field, empty for the envelope itself. */
  path: string;
  code: string;
  message: string;
}

/** The outcome of {@link parseEvent}: a valid event, or why not. */
export type ParseEventResult =
  { ok: true; event: EventEnvelope } | { ok: false; reason: string; issues: EventIssue[] };

function toIssue(issue: z.core.$ZodIssue): EventIssue {
  return { path: issue.path.map(String).join('.'), code: issue.code, message: issue.message };
}

/**
 * Validates untrusted input as an event. Never throws: a rejected event comes back with a
 * one-line `reason` (for logs and dead letters) and every issue found.
 */
export function parseEvent(input: unknown): ParseEventResult {
  const result = eventEnvelopeSchema.safeParse(input);
  if (result.success) return { ok: true, event: result.data };
  const issues = result.error.issues.map(toIssue);
  const reason = issues.map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`)).join('; ');
  return { ok: false, reason, issues };
}
