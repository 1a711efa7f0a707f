import { liveEventTypes } from '@livecloud/contracts';

/*
 * SQL text shared by the live queries. Only fixed expressions live here, never values: values
 * are always bound as {name:Type} parameters.
 */

/** properties.dwellMs of a room.leave when it is a non-negative safe integer, else NULL (as dwellMsOf). */
export const dwellMsSql = `if(
    JSONType(properties, 'dwellMs') IN ('Int64', 'UInt64', 'Double')
      AND JSONExtractFloat(properties, 'dwellMs') >= 0
      AND JSONExtractFloat(properties, 'dwellMs') <= 9007199254740991
      AND JSONExtractFloat(properties, 'dwellMs') = floor(JSONExtractFloat(properties, 'dwellMs')),
    toInt64(JSONExtractFloat(properties, 'dwellMs')),
    NULL)`;

/** The viewer as counted for UV and buyers, tagged by kind of id (as viewerKeyOf). */
export const viewerKeySql = `multiIf(platform_user_id != '', concat('p:', platform_user_id), user_id != '', concat('u:', user_id), concat('a:', anonymous_id))`;

/** The viewer as shown (as viewerIdOf). */
export const viewerIdSql = `multiIf(platform_user_id != '', platform_user_id, user_id != '', user_id, anonymous_id)`;

/** Bind as {liveTypes:Array(String)}: the event types the big screen counts. */
export const liveTypesParam: readonly string[] = liveEventTypes;

/** Bind as {activityTypes:Array(String)}: live types that place a session in time (refunds excluded). */
export const activityTypesParam: readonly string[] = liveEventTypes.filter((t) => t !== 'order.refund');

/** Parses a 64-bit integer that the store returns as a string, refusing what would lose precision. */
export function toInt(value: string | number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`event store returned ${String(value)}, not a safe integer`);
  return n;
}
