import { liveEventTypes } from '@livecloud/contracts';

/*
 * Parameters only the big screen's queries bind; the SQL expressions and conversions every event
 * query shares are in @livecloud/analytics.
 */

/** Bind as {liveTypes:Array(String)}: the event types the big screen counts. */
export const liveTypesParam: readonly string[] = liveEventTypes;

/** Bind as {activityTypes:Array(String)}: live types that place a session in time (refunds excluded). */
export const activityTypesParam: readonly string[] = liveEventTypes.filter((t) => t !== 'order.refund');
