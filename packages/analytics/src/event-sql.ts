import { AppError } from '@livecloud/core';

/*
 * SQL text shared by the event queries of every context. Only fixed expressions live here, never
 * values: values are always bound as {name:Type} parameters.
 */

/** The viewer as counted for UV and buyers, tagged by kind of id (as the big screen's viewerKeyOf). */
export const viewerKeySql = `multiIf(platform_user_id != '', concat('p:', platform_user_id), user_id != '', concat('u:', user_id), concat('a:', anonymous_id))`;

/** The viewer as shown (as viewerIdOf). */
export const viewerIdSql = `multiIf(platform_user_id != '', platform_user_id, user_id != '', user_id, anonymous_id)`;

/** properties.dwellMs of a room.leave when it is a non-negative safe integer, else NULL (as dwellMsOf). */
export const dwellMsSql = `if(
    JSONType(properties, 'dwellMs') IN ('Int64', 'UInt64', 'Double')
      AND JSONExtractFloat(properties, 'dwellMs') >= 0
      AND JSONExtractFloat(properties, 'dwellMs') <= 9007199254740991
      AND JSONExtractFloat(properties, 'dwellMs') = floor(JSONExtractFloat(properties, 'dwellMs')),
    toInt64(JSONExtractFloat(properties, 'dwellMs')),
    NULL)`;

/** properties.quantity of an order event when it is a positive integer, else 1. */
export const quantitySql = `if(JSONType(properties, 'quantity') IN ('Int64', 'UInt64') AND JSONExtractInt(properties, 'quantity') > 0,
      JSONExtractInt(properties, 'quantity'), toInt64(1))`;

/** Unit price of a payment: properties.unitPriceFen when the source sends it, else amount ÷ quantity. */
export const unitPriceSql = `if(JSONType(properties, 'unitPriceFen') IN ('Int64', 'UInt64'),
      JSONExtractInt(properties, 'unitPriceFen'), intDiv(amount_fen, ${quantitySql}))`;

// Far enough ahead to mean "no upper bound" and still a valid DateTime64 on both engines.
const openEnd = Date.UTC(2200, 0, 1);

/** A window of time in epoch ms; `until` is exclusive and either end may be left open. */
export interface EventWindow {
  since?: number | undefined;
  until?: number | undefined;
}

/** Bind as {since:Int64} and {until:Int64}: the window with its open ends closed. */
export function windowParams(window: EventWindow): { since: number; until: number } {
  const since = window.since ?? 0;
  const until = window.until ?? openEnd;
  for (const [name, value] of [
    ['since', since],
    ['until', until],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0 || value > openEnd) {
      throw AppError.invalid('invalid_history_window', `${name} must be epoch milliseconds`, {
        [name]: value,
      });
    }
  }
  return { since, until };
}

/** Parses a 64-bit integer that the store returns as a string, refusing what would lose precision. */
export function toInt(value: string | number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`event store returned ${String(value)}, not a safe integer`);
  return n;
}

/** As {@link toInt}, keeping NULL as null. */
export function toIntOrNull(value: string | number | null | undefined): number | null {
  return value === null || value === undefined ? null : toInt(value);
}
