import type {
  Database,
  DeadLetterFormat,
  DeadLetterStatus,
  DeadLetterTable,
  Kysely,
  Selectable,
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

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** SQL for dead letters; every statement is bound to one organisation. */
export function createDeadLetterRepository(db: Kysely<Database>) {
  return {
    async insertMany(letters: readonly NewDeadLetter[]): Promise<void> {
      if (letters.length === 0) return;
      await db
        .insertInto('dead_letters')
        .values(
          letters.map((l) => ({
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
        .execute();
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
