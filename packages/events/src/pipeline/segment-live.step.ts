import { liveEventTypes, type LiveEventType } from '@livecloud/contracts';
import { isRecord } from '../is-record.js';

const liveTypes: ReadonlySet<string> = new Set(liveEventTypes);

/**
 * The envelope fields a live `track` carries, read from `properties` first and then from
 * `context`: Segment messages have no place of their own for them.
 */
export const liveTrackFields = [
  'accountId',
  'sessionId',
  'platformUserId',
  'productId',
  'skuId',
  'orderId',
  'amountFen',
  'trafficSource',
] as const;

const idFields: ReadonlySet<string> = new Set(liveTrackFields.filter((f) => f !== 'amountFen'));

/** The live type a `track` call names as its event (`room.enter`, `order.pay`, …), if it does. */
export function liveTypeOfTrack(event: unknown): LiveEventType | undefined {
  return typeof event === 'string' && liveTypes.has(event) ? (event as LiveEventType) : undefined;
}

/**
 * Lifts the envelope fields of a live `track` out of its properties (or context) to the top
 * level. Ids given as numbers become text, as Segment's userId does; every other value is left
 * as sent, so that validation refuses what is wrong (a float or string `amountFen`, say) with
 * its usual reason instead of a guess here.
 */
export function liftLiveTrackFields(
  properties: Record<string, unknown>,
  context: unknown,
): { fields: Record<string, unknown>; properties: Record<string, unknown> } {
  const rest = { ...properties };
  const fields: Record<string, unknown> = {};
  for (const field of liveTrackFields) {
    const fromProperties = rest[field];
    delete rest[field];
    const value =
      fromProperties !== undefined && fromProperties !== null
        ? fromProperties
        : isRecord(context)
          ? context[field]
          : undefined;
    if (value === undefined || value === null) continue;
    fields[field] =
      idFields.has(field) && typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  }
  return { fields, properties: rest };
}
