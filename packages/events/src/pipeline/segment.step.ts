import { createHash } from 'node:crypto';
import { AppError } from '@livecloud/core';
import type { TrafficSource } from '@livecloud/contracts';
import type { BodyItem } from './parse.step.js';
import { isRecord } from '../is-record.js';
import type { EventRecord } from './resolve-tenant.step.js';
import { deadLetter, ok, type StepResult } from './result.js';
import { liftLiveTrackFields, liveTypeOfTrack } from './segment-live.step.js';
import { trafficSourceOf } from './traffic-source.step.js';

/** The Segment HTTP API calls LiveCloud answers (SPEC §8). */
export const segmentCalls = ['batch', 'track', 'identify', 'page', 'screen', 'group', 'alias'] as const;
export type SegmentCall = (typeof segmentCalls)[number];

/**
 * The short paths analytics.js (analytics-next) posts to: `/b` for a batch, the call's first
 * letter for one message. The same calls as the long paths.
 */
export const segmentShortPaths: Readonly<Record<string, SegmentCall>> = {
  b: 'batch',
  t: 'track',
  i: 'identify',
  p: 'page',
  s: 'screen',
  g: 'group',
  a: 'alias',
};

/** Every Segment path LiveCloud answers under `/v1/`, with its call. */
export const segmentPaths: readonly (readonly [string, SegmentCall])[] = [
  ...segmentCalls.map((call) => [call, call] as const),
  ...Object.entries(segmentShortPaths),
];

const messageTypes = new Set(['track', 'identify', 'page', 'screen', 'group', 'alias']);

/**
 * The messages of a Segment request. `/v1/batch` carries `{ batch: [...], sentAt?, context? }`
 * (the batch's sentAt and context apply to each message, as Segment documents); the single
 * calls carry one message whose type is the call's.
 */
export function splitSegmentBody(document: unknown, call: SegmentCall): BodyItem[] {
  if (!isRecord(document)) throw AppError.invalid('invalid_request', 'A Segment call sends one JSON object');
  if (call !== 'batch') return [{ index: 0, result: ok({ ...document, type: call }) }];
  const batch = document['batch'];
  if (!Array.isArray(batch))
    throw AppError.invalid('invalid_request', '/v1/batch needs a "batch" array of messages');
  if (batch.length === 0) throw AppError.invalid('empty_body', 'The batch has no messages');
  const sentAt = document['sentAt'];
  const context = isRecord(document['context']) ? document['context'] : undefined;
  return (batch as unknown[]).map((message, index) => {
    if (!isRecord(message)) return { index, result: ok(message) };
    const withContext = context && {
      context: { ...context, ...(isRecord(message['context']) ? message['context'] : {}) },
    };
    return {
      index,
      result: ok({
        ...message,
        ...(message['sentAt'] === undefined && sentAt !== undefined ? { sentAt } : {}),
        ...withContext,
      }),
    };
  });
}

function idText(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function instantMs(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * When it happened. `timestamp` is taken as sent; otherwise the device's `originalTimestamp`
 * is corrected for its clock skew with `sentAt` (both from the same clock), as Segment does;
 * with neither, the time of reception.
 */
function occurredAtOf(message: EventRecord, receivedAt: number): unknown {
  if (message['timestamp'] !== undefined && message['timestamp'] !== null) return message['timestamp'];
  const original = message['originalTimestamp'];
  if (original === undefined || original === null) return receivedAt;
  const originalMs = instantMs(original);
  const sentAtMs = instantMs(message['sentAt']);
  if (originalMs === undefined || sentAtMs === undefined) return original;
  return receivedAt - (sentAtMs - originalMs);
}

const paidMedia = new Set([
  'cpc',
  'ppc',
  'cpm',
  'cpv',
  'paid',
  'paid_social',
  'paidsocial',
  'ad',
  'ads',
  'display',
  'sem',
  'banner',
]);
const searchSources = new Set([
  'baidu',
  'google',
  'bing',
  'sogou',
  'so',
  '360',
  'shenma',
  'yahoo',
  'duckduckgo',
]);

/** A traffic source from UTM campaign fields or an ad referrer, only where the mapping is clear. */
function trafficSourceFromContext(context: unknown): TrafficSource | undefined {
  if (!isRecord(context)) return undefined;
  const campaign = isRecord(context['campaign']) ? context['campaign'] : undefined;
  const medium =
    typeof campaign?.['medium'] === 'string' ? campaign['medium'].trim().toLowerCase() : undefined;
  const source =
    typeof campaign?.['source'] === 'string' ? campaign['source'].trim().toLowerCase() : undefined;
  if (medium !== undefined && paidMedia.has(medium)) return 'paid_ads';
  if (medium === 'organic' && source !== undefined && searchSources.has(source)) return 'search';
  const named = (medium && trafficSourceOf(medium)) || (source && trafficSourceOf(source));
  if (named && named !== 'other') return named;
  // analytics.js sets context.referrer only for ad-network click ids (btid, urid).
  if (isRecord(context['referrer']) && typeof context['referrer']['type'] === 'string') return 'paid_ads';
  return undefined;
}

function propertiesOf(message: EventRecord, type: string): StepResult<Record<string, unknown>> {
  const raw = message['properties'];
  if (raw !== undefined && raw !== null && !isRecord(raw)) {
    return deadLetter('properties: must be an object', [
      { path: 'properties', code: 'invalid_type', message: 'must be an object' },
    ]);
  }
  const properties: Record<string, unknown> = { ...(raw ?? {}) };
  const set = (key: string, value: unknown): void => {
    if (value !== undefined && value !== null) properties[key] = value;
  };
  switch (type) {
    case 'track':
      // A live type is the event's type itself (mapSegmentMessage), not a name to keep.
      if (liveTypeOfTrack(message['event']) === undefined) set('event', message['event']);
      break;
    case 'page':
    case 'screen':
      set('name', message['name']);
      set('category', message['category']);
      break;
    case 'identify':
      set('traits', message['traits']);
      break;
    case 'group':
      properties['segmentType'] = 'group';
      set('groupId', message['groupId']);
      set('traits', message['traits']);
      break;
    case 'alias':
      properties['segmentType'] = 'alias';
      set('previousId', message['previousId']);
      break;
  }
  set('context', message['context']);
  return ok(properties);
}

/**
 * Maps a Segment message to the LiveCloud envelope: messageId → id (a content hash when a
 * hand-written call leaves it out, so its retries still collapse), timestamp → occurredAt,
 * userId / anonymousId as they are, track's event name → properties.event, traits →
 * properties.traits, context kept under properties.context. track / page / screen / identify
 * become the generic types; group and alias are stored as track with properties.segmentType.
 * A track whose event is a live type becomes that live event, its envelope fields lifted from
 * properties or context (`segment-live.step.ts`).
 */
export function mapSegmentMessage(message: unknown, receivedAt: number): StepResult<EventRecord> {
  if (!isRecord(message)) {
    return deadLetter('a Segment message must be a JSON object', [
      { path: '', code: 'invalid_type', message: 'must be a JSON object' },
    ]);
  }
  const type = message['type'];
  if (typeof type !== 'string' || !messageTypes.has(type)) {
    return deadLetter(
      `type: "${String(type)}" is not a Segment message type (track, identify, page, screen, group, alias)`,
      [
        {
          path: 'type',
          code: 'invalid_value',
          message: 'must be track, identify, page, screen, group or alias',
        },
      ],
    );
  }
  if (type === 'track' && (typeof message['event'] !== 'string' || message['event'].trim() === '')) {
    return deadLetter('event: a track call needs the event name', [
      { path: 'event', code: 'custom', message: 'is required for track' },
    ]);
  }
  const properties = propertiesOf(message, type);
  if (properties.kind !== 'ok') return properties;
  const id =
    idText(message['messageId']) ??
    `seg_${createHash('sha256').update(JSON.stringify(message)).digest('hex').slice(0, 40)}`;
  const userId = idText(message['userId']);
  const anonymousId = idText(message['anonymousId']);
  const trafficSource = trafficSourceFromContext(message['context']);
  const liveType = type === 'track' ? liveTypeOfTrack(message['event']) : undefined;
  const live = liveType && liftLiveTrackFields(properties.value, message['context']);
  return ok({
    id,
    type: liveType ?? (type === 'group' || type === 'alias' ? 'track' : type),
    occurredAt: occurredAtOf(message, receivedAt),
    ...(userId === undefined ? {} : { userId }),
    ...(anonymousId === undefined ? {} : { anonymousId }),
    ...(trafficSource === undefined ? {} : { trafficSource }),
    ...live?.fields,
    properties: live?.properties ?? properties.value,
  });
}
