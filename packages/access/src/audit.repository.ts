import { sql, type AuditLogTable, type Database, type Kysely, type Selectable } from '@livecloud/db';

export type AuditRow = Selectable<AuditLogTable>;

/** What the audit log can be narrowed to; `action` ending in `.*` matches a prefix (`staff.*`). */
export interface AuditFilter {
  before?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function createAuditRepository(db: Kysely<Database>) {
  return {
    async insert(row: {
      id: string;
      org_id: string;
      actor_type: 'user' | 'api_key' | 'system';
      actor_id: string | null;
      action: string;
      target_type: string;
      target_id: string | null;
      details: string;
      at: Date;
    }): Promise<void> {
      await db.insertInto('audit_log').values(row).execute();
    },
    async list(orgId: string, filter: AuditFilter & { limit: number }): Promise<AuditRow[]> {
      let query = db.selectFrom('audit_log').selectAll().where('org_id', '=', orgId);
      if (filter.before) query = query.where('id', '<', filter.before);
      if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
      if (filter.action) {
        query = filter.action.endsWith('.*')
          ? query.where('action', 'like', `${escapeLike(filter.action.slice(0, -1))}%`)
          : query.where('action', '=', filter.action);
      }
      if (filter.targetType) query = query.where('target_type', '=', filter.targetType);
      if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
      if (filter.from) query = query.where('at', '>=', filter.from);
      if (filter.to) query = query.where('at', '<', filter.to);
      return query.orderBy('id', 'desc').limit(filter.limit).execute();
    },
    /** Whether an entry with this action, target and detail value exists. */
    async hasEntry(
      orgId: string,
      entry: { action: string; targetId: string; detail: { key: string; value: string } },
    ): Promise<boolean> {
      const row = await db
        .selectFrom('audit_log')
        .select('id')
        .where('org_id', '=', orgId)
        .where('target_id', '=', entry.targetId)
        .where('action', '=', entry.action)
        .where(sql<string>`details ->> ${entry.detail.key}`, '=', entry.detail.value)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
