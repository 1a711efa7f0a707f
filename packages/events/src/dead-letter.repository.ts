import {
  sql,
  type Database,
  type DeadLetterFormat,
  type DeadLetterStatus,
  type DeadLetterTable,
  type Kysely,
  type Selectable,
} from '@livecloud/db';

export type DeadLetterRow = Selectable<DeadLetterTable>;

/** A dead letter to record; ids are made by the caller so that answers can name them. */
export interface NewDeadLetter {
  id: string;
  orgId: string;
  receivedAt: Date;
  source: string | null;
  keyId: string | null;
  format: DeadLetterFormat;
  eventId: string | null;
  reason: string;
  issues: unknown;
  /** The original item, when it was JSON that jsonb can hold. */
  payload: unknown;
  /** The original text otherwise. */
  payloadText: string | null;
}

export interface DeadLetterFilter {
  status?: DeadLetterStatus | undefined;
  source?: string | undefined;
  reasonContains?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Only ids before this one (ids sort by reception time). */
  before?: string | undefined;
  limit: number;
}

// 12 bind parameters a row: 1,000 rows stay well under PostgreSQL's 65,535.
const insertChunkRows = 1_000;

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** SQL for dead letters; every statement is bound to one organisation. */
export function createDeadLetterRepository(db: Kysely<Database>) {
  return {
    /**
     * Records the letters and answers, for each letter's id, the id it is kept under: a letter
     * for an event already pending with the same reason (a client re-sending the same bad
     * event) is that letter, not another. Inserted in chunks within one transaction, so any
     * number of letters fits PostgreSQL's 65,535 bind parameters and all or none are kept.
     */
    async insertMany(letters: readonly NewDeadLetter[]): Promise<Map<string, string>> {
      const keptAs = new Map<string, string>();
      if (letters.length === 0) return keptAs;
      const keyOf = (l: { orgId: string; eventId: string | null; reason: string }): string | null =>
        l.eventId === null ? null : `${l.orgId}\u0000${l.eventId}\u0000${l.reason}`;
      // One row per identity within the batch: ON CONFLICT may not touch a row twice.
      const firstOf = new Map<string, NewDeadLetter>();
      const rows: NewDeadLetter[] = [];
      for (const letter of letters) {
        const key = keyOf(letter);
        if (key === null || !firstOf.has(key)) rows.push(letter);
        if (key !== null && !firstOf.has(key)) firstOf.set(key, letter);
      }
      const write = async (tx: Kysely<Database>): Promise<void> => {
        for (let i = 0; i < rows.length; i += insertChunkRows) {
          const returned = await tx
            .insertInto('dead_letters')
            .values(
              rows.slice(i, i + insertChunkRows).map((l) => ({
                id: l.id,
                org_id: l.orgId,
                received_at: l.receivedAt,
                source: l.source,
                key_id: l.keyId,
                format: l.format,
                event_id: l.eventId,
                reason: l.reason,
                issues: JSON.stringify(l.issues),
                payload: l.payloadText === null ? JSON.stringify(l.payload) : null,
                payload_text: l.payloadText,
                updated_at: l.receivedAt,
              })),
            )
            .onConflict((oc) =>
              oc
                .columns(['org_id', 'event_id', 'reason'])
                .where('event_id', 'is not', null)
                .where('status', '=', 'new')
                // A no-op update, so that RETURNING names the letter already kept.
                .doUpdateSet((eb) => ({ received_at: eb.ref('dead_letters.received_at') })),
            )
            .returning(['id', 'org_id', 'event_id', 'reason'])
            .execute();
          for (const r of returned) {
            const key = keyOf({ orgId: r.org_id, eventId: r.event_id, reason: r.reason });
            const first = key === null ? undefined : firstOf.get(key);
            if (first) keptAs.set(first.id, r.id);
            else keptAs.set(r.id, r.id);
          }
        }
      };
      if (rows.length <= insertChunkRows) await write(db);
      else await db.transaction().execute(write);
      for (const letter of letters) {
        const key = keyOf(letter);
        const first = key === null ? undefined : firstOf.get(key);
        keptAs.set(letter.id, (first && keptAs.get(first.id)) ?? keptAs.get(letter.id) ?? letter.id);
      }
      return keptAs;
    },

    async list(orgId: string, filter: DeadLetterFilter): Promise<DeadLetterRow[]> {
      let query = db.selectFrom('dead_letters').selectAll().where('org_id', '=', orgId);
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.source) query = query.where('source', '=', filter.source);
      if (filter.reasonContains) query = query.where('reason', 'ilike', likePattern(filter.reasonContains));
      if (filter.from) query = query.where('received_at', '>=', filter.from);
      if (filter.to) query = query.where('received_at', '<', filter.to);
      if (filter.before) query = query.where('id', '<', filter.before);
      return query.orderBy('id', 'desc').limit(filter.limit).execute();
    },

    /**
     * Letters received in [from, to) per bucket of `bucketMs` (aligned to the epoch), whatever
     * their status since: what the collector refused at the time.
     */
    async countsByBucket(
      orgId: string,
      range: { from: Date; to: Date; bucketMs: number },
    ): Promise<{ bucketStart: number; count: number }[]> {
      const bucket = sql<string>`floor(extract(epoch from received_at) * 1000 / ${range.bucketMs})::bigint`;
      const rows = await db
        .selectFrom('dead_letters')
        .select([bucket.as('bucket'), (eb) => eb.fn.countAll<string>().as('n')])
        .where('org_id', '=', orgId)
        .where('received_at', '>=', range.from)
        .where('received_at', '<', range.to)
        // The output name, not the expression again: its bound width would be a second parameter.
        .groupBy(sql`bucket`)
        .execute();
      return rows.map((r) => ({ bucketStart: Number(r.bucket) * range.bucketMs, count: Number(r.n) }));
    },

    async findById(orgId: string, id: string): Promise<DeadLetterRow | undefined> {
      return db
        .selectFrom('dead_letters')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Records a replay's outcome; only a dead letter still `new` changes. */
    async recordReplay(
      orgId: string,
      id: string,
      change: { status: DeadLetterStatus; at: Date; result: unknown; reason?: string; issues?: unknown },
    ): Promise<DeadLetterRow | undefined> {
      return db
        .updateTable('dead_letters')
        .set((eb) => ({
          status: change.status,
          attempts: eb('attempts', '+', 1),
          replayed_at: change.at,
          replay_result: JSON.stringify(change.result),
          updated_at: change.at,
          ...(change.reason === undefined ? {} : { reason: change.reason }),
          ...(change.issues === undefined ? {} : { issues: JSON.stringify(change.issues) }),
        }))
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .where('status', '=', 'new')
        .returningAll()
        .executeTakeFirst();
    },

    /**
     * Replaces a pending letter's item with a corrected one, keeping the item as first
     * received (a second edit keeps the first original); only a letter still `new` changes.
     */
    async edit(
      orgId: string,
      id: string,
      change: { payload: unknown; at: Date; by: string | null },
    ): Promise<DeadLetterRow | undefined> {
      return db
        .updateTable('dead_letters')
        .set({
          original_payload: sql`case when edited_at is null then payload else original_payload end`,
          original_payload_text: sql`case when edited_at is null then payload_text else original_payload_text end`,
          payload: JSON.stringify(change.payload),
          payload_text: null,
          edited_at: change.at,
          edited_by: change.by,
          updated_at: change.at,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .where('status', '=', 'new')
        .returningAll()
        .executeTakeFirst();
    },

    async discard(orgId: string, id: string, at: Date): Promise<DeadLetterRow | undefined> {
      return db
        .updateTable('dead_letters')
        .set({ status: 'discarded', updated_at: at })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .where('status', '=', 'new')
        .returningAll()
        .executeTakeFirst();
    },
  };
}
export type DeadLetterRepository = ReturnType<typeof createDeadLetterRepository>;
