import type { OrgScopedEventQuery } from './org-scope.query.js';

/** Accepted events of one (bucket, source, type). */
export interface EventVolumeRow {
  bucketStart: number;
  source: string;
  type: string;
  count: number;
}

/**
 * Stored events received in [from, to) counted per bucket of `bucketMs` (aligned to the epoch),
 * source and type. Read with FINAL so that a re-sent event counts once; the answer has at most
 * buckets × sources × types rows, all three bounded.
 */
export async function eventVolume(
  scope: OrgScopedEventQuery,
  eventsTable: string,
  range: { from: number; to: number; bucketMs: number },
): Promise<EventVolumeRow[]> {
  const rows = await scope.query<{
    bucket: string | number;
    source: string;
    type: string;
    n: string | number;
  }>(
    `SELECT intDiv(toUnixTimestamp64Milli(received_at), {bucketMs:Int64}) AS bucket, source, type, count() AS n
     FROM ${eventsTable} FINAL
     WHERE org_id = {orgId:String}
       AND received_at >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')
       AND received_at < fromUnixTimestamp64Milli({to:Int64}, 'UTC')
     GROUP BY bucket, source, type`,
    { from: range.from, to: range.to, bucketMs: range.bucketMs },
  );
  return rows.map((r) => ({
    bucketStart: Number(r.bucket) * range.bucketMs,
    source: r.source,
    type: r.type,
    count: Number(r.n),
  }));
}
